#include "dict/check.h"

#include <map>
#include <set>
#include <string_view>

#include "base/strings.h"
#include "ontology/cameo.h"

namespace thaw {
namespace {

// Each ':'-separated part of a verb code that names an event ("050" in "050:---").
template <typename Fn>
void ForEachEventCode(std::string_view code, Fn fn) {
  while (true) {
    const size_t colon = code.find(':');
    const std::string_view part = Trim(code.substr(0, colon));
    if (!part.empty() && part != "---") fn(part);
    if (colon == std::string_view::npos) return;
    code.remove_prefix(colon + 1);
  }
}

bool IsActorCodeShaped(std::string_view code) {
  if (code.empty() || code.size() % 3 != 0) return false;
  for (char c : code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) {
    if (!s.empty()) s += '_';
    s += w;
  }
  return s;
}

std::string CodesText(const std::vector<CodeRestriction>& codes) {
  std::string s;
  for (const auto& c : codes) {
    if (!s.empty()) s += ' ';
    s += c.code;
    if (c.kind != CodeRestriction::Kind::kAlways) s += "(dated)";
  }
  return s;
}

}  // namespace

DictionarySummary SummarizeDictionaries(const DictionarySet& set) {
  DictionarySummary sum;
  std::set<std::string> codes, roots;
  auto note = [&](std::string_view code) {
    const CameoCode* c = FindCameoCode(code);
    if (c == nullptr) return;
    codes.emplace(code);
    roots.emplace(c->root);
  };
  sum.verb_blocks = set.verbs.blocks.size();
  sum.synsets = set.verbs.synsets.size();
  for (const VerbBlock& b : set.verbs.blocks) {
    sum.verb_forms += b.forms.size();
    sum.patterns += b.patterns.size();
    ForEachEventCode(b.code, note);
    for (const VerbForm& f : b.forms) ForEachEventCode(f.code, note);
    for (const VerbPattern& p : b.patterns) ForEachEventCode(p.code, note);
  }
  sum.event_codes = codes.size();
  for (const std::string& c : codes) {  // a leaf: no CAMEO code refines it ("042"; not "010")
    bool refined = false;
    for (const CameoCode& other : AllCameoCodes()) {
      refined = refined || (other.code.size() > c.size() && other.code.starts_with(c));
    }
    sum.leaf_codes += refined ? 0 : 1;
  }
  sum.roots = roots.size();
  sum.actors = set.actors.entries.size();
  for (const ActorEntry& a : set.actors.entries) {
    sum.actor_names += a.names.size();
    for (const CodeRestriction& r : a.codes)
      sum.dated_codes += r.kind != CodeRestriction::Kind::kAlways;
  }
  sum.agents = set.agents.entries.size();
  sum.discards = set.discards.entries.size();
  return sum;
}

size_t CheckDictionaries(const DictionarySet& set, const std::string& verb_file,
                         const std::string& agent_file, Diagnostics* diags) {
  const size_t before = diags->size();
  // Verbs.
  std::map<std::string, int> form_line;  // verb form -> line of its first listing
  auto check_code = [&](std::string_view code, int line) {
    ForEachEventCode(code, [&](std::string_view part) {
      if (FindCameoCode(part) == nullptr) {
        diags->Add(verb_file, line, "code " + std::string(part) + " is not a CAMEO event code");
      }
    });
  };
  for (const VerbBlock& b : set.verbs.blocks) {
    check_code(b.code, b.line);
    for (const VerbForm& f : b.forms) {
      check_code(f.code, f.line);
      const std::string key = JoinWords(f.words);
      auto [it, fresh] = form_line.emplace(key, f.line);
      if (!fresh) {
        diags->Add(verb_file, f.line,
                   "verb " + key + " is already listed at line " + std::to_string(it->second) +
                       "; this listing's patterns never apply to it");
      }
    }
    for (const VerbPattern& p : b.patterns) check_code(p.code, p.line);
  }

  // Actors.
  auto actor_file = [&](const ActorEntry& a) -> std::string {
    return a.file < set.actors.files.size() ? set.actors.files[a.file] : std::string("actors");
  };
  std::map<std::string, const ActorEntry*> by_name;
  for (const ActorEntry& a : set.actors.entries) {
    for (const CodeRestriction& r : a.codes) {
      if (!IsActorCodeShaped(r.code)) {
        diags->Add(actor_file(a), r.line,
                   "actor code " + r.code + " is not in 3-letter groups (e.g. CHN, CHNGOV)");
      }
    }
    const std::string codes = CodesText(a.codes);
    for (const ActorName& n : a.names) {
      const std::string key = JoinWords(n.words);
      auto [it, fresh] = by_name.emplace(key, &a);
      if (!fresh && it->second != &a && CodesText(it->second->codes) != codes) {
        diags->Add(actor_file(a), n.line,
                   "name " + key + " is also an actor at " + actor_file(*it->second) + ":" +
                       std::to_string(it->second->line) + " with codes " +
                       CodesText(it->second->codes) + "; the first entry wins");
      }
    }
  }

  // Agents.
  std::map<std::string, const AgentEntry*> agent_by_words;
  for (const AgentEntry& a : set.agents.entries) {
    const std::string key = JoinWords(a.words);
    auto [it, fresh] = agent_by_words.emplace(key, &a);
    if (!fresh && (it->second->code != a.code || it->second->prefix != a.prefix)) {
      diags->Add(agent_file, a.line,
                 "agent " + key + " is also listed at line " + std::to_string(it->second->line) +
                     " with code " + it->second->code + "; the first entry wins");
    }
  }
  return diags->size() - before;
}

}  // namespace thaw
