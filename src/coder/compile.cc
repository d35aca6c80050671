#include <algorithm>
#include <cctype>

#include "base/strings.h"
#include "coder/compiled.h"

namespace thaw {

uint32_t WordTable::Intern(std::string_view upper) {
  auto it = ids_.find(upper);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<uint32_t>(words_.size());
  words_.emplace_back(upper);
  ids_.emplace(std::string(upper), id);
  return id;
}

void WordTrie::Insert(const std::vector<uint32_t>& words, int32_t payload) {
  uint32_t node = 0;
  for (uint32_t w : words) {
    const uint64_t key = (static_cast<uint64_t>(node) << 32) | w;
    auto it = edges_.find(key);
    if (it == edges_.end()) {
      const auto next = static_cast<uint32_t>(payload_.size());
      payload_.push_back(-1);
      edges_.emplace(key, next);
      node = next;
    } else {
      node = it->second;
    }
  }
  if (node != 0 && payload_[node] < 0) payload_[node] = payload;
}

size_t WordTrie::LongestMatch(const uint32_t* words, size_t n, int32_t* payload) const {
  uint32_t node = 0;
  size_t best = 0;
  for (size_t i = 0; i < n; ++i) {
    if (words[i] == kNoWord) break;
    node = Child(node, words[i]);
    if (node == 0) break;
    if (payload_[node] >= 0) {
      best = i + 1;
      *payload = payload_[node];
    }
  }
  return best;
}

namespace {

bool IsUsableCode(std::string_view c) {
  if (c.size() < 2 || c.size() > 5 || !std::isdigit(static_cast<unsigned char>(c[0]))) return false;
  return std::all_of(c.begin(), c.end(),
                     [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)); });
}

// Splits a dictionary word the way UD tokenizers split text: "KOREA," -> KOREA ,;
// "(NORTH)" -> ( NORTH ); "GONDOR'S" -> GONDOR 'S; "WORKERS'" -> WORKERS '. Inner punctuation
// ("U.S.") stays.
void AppendTokens(std::string_view word, std::vector<std::string>* out) {
  while (!word.empty() && (word.front() == '(' || word.front() == '"')) {
    out->emplace_back(word.substr(0, 1));
    word.remove_prefix(1);
  }
  std::vector<std::string> tail;
  while (word.size() > 1 && (word.back() == ')' || word.back() == ',' || word.back() == '"')) {
    tail.emplace_back(word.substr(word.size() - 1));
    word.remove_suffix(1);
  }
  if (word.size() > 2 && EndsWith(word, "'S")) {
    out->emplace_back(word.substr(0, word.size() - 2));
    out->emplace_back("'S");
  } else if (word.size() > 2 && EndsWith(word, "S'")) {
    // A plural possessive, split as the tokenizer splits it: "WORKERS'" -> WORKERS '.
    out->emplace_back(word.substr(0, word.size() - 1));
    out->emplace_back("'");
  } else if (!word.empty()) {
    out->emplace_back(word);
  }
  out->insert(out->end(), tail.rbegin(), tail.rend());
}

// Splits inner hyphens off as UD tokenizers do ("JONG-UN" -> JONG - UN); false when no token
// of `toks` has one.
bool SplitHyphens(const std::vector<std::string>& toks, std::vector<std::string>* out) {
  bool any = false;
  out->clear();
  for (const std::string& t : toks) {
    size_t from = 0;
    for (size_t at = t.find('-', 1); at != std::string::npos && at + 1 < t.size();
         at = t.find('-', at + 1)) {
      if (at == from) continue;  // "--" runs stay inside one piece
      out->push_back(t.substr(from, at - from));
      out->emplace_back("-");
      from = at + 1;
      any = true;
    }
    out->push_back(t.substr(from));
  }
  return any;
}

// Inserts a dictionary phrase into `trie`; a phrase with hyphenated words is inserted both
// whole ("AL-QAEDA", as some parsers tokenize) and split ("AL - QAEDA", as UD and thaw do).
void InsertPhrase(const std::vector<std::string>& words, int32_t payload, WordTable* table,
                  WordTrie* trie) {
  std::vector<std::string> toks, split;
  for (const auto& w : words) AppendTokens(ToUpperAscii(w), &toks);
  auto insert = [&](const std::vector<std::string>& ts) {
    std::vector<uint32_t> ids;
    ids.reserve(ts.size());
    for (const auto& t : ts) ids.push_back(table->Intern(t));
    trie->Insert(ids, payload);
  };
  insert(toks);
  if (SplitHyphens(toks, &split)) insert(split);
}

// English regular plural of an upper-case noun.
std::string Plural(std::string_view w) {
  std::string s(w);
  if (s.empty()) return s;
  auto vowel = [](char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; };
  if (s.size() > 1 && s.back() == 'Y' && !vowel(s[s.size() - 2]))
    return s.substr(0, s.size() - 1) + "IES";
  if (EndsWith(s, "S") || EndsWith(s, "X") || EndsWith(s, "Z") || EndsWith(s, "CH") ||
      EndsWith(s, "SH"))
    return s + "ES";
  if (EndsWith(s, "MAN")) return s.substr(0, s.size() - 3) + "MEN";
  return s + "S";
}

CElem CompileElem(const PatternElem& e, WordTable* words) {
  CElem c;
  c.kind = e.kind;
  c.exact = e.exact;
  c.synset = e.synset;
  if (e.kind == ElemKind::kWord) c.word = words->Intern(ToUpperAscii(e.word));
  for (const auto& child : e.children) c.children.push_back(CompileElem(child, words));
  return c;
}

int Weight(const std::vector<CElem>& elems) {
  int w = 0;
  for (const auto& e : elems) {
    switch (e.kind) {
      case ElemKind::kWord:
      case ElemKind::kSynset: w += 2; break;
      case ElemKind::kNounPhrase:
      case ElemKind::kPrepPhrase: w += 1 + Weight(e.children); break;
      case ElemKind::kSource:
      case ElemKind::kTarget:
      case ElemKind::kCompound:
      case ElemKind::kSkip: w += 1; break;
      case ElemKind::kVerb: break;
    }
  }
  return w;
}

// Flattens synset entries, expanding nested synsets, into word-sequence alternatives.
void ExpandSynset(const VerbDictionary& verbs, int32_t index, int depth, WordTable* words,
                  std::vector<std::vector<CElem>>* out) {
  if (index < 0 || index >= static_cast<int32_t>(verbs.synsets.size()) || depth > 8) return;
  for (const auto& entry : verbs.synsets[index].entries) {
    if (entry.size() == 1 && entry[0].kind == ElemKind::kSynset) {
      ExpandSynset(verbs, entry[0].synset, depth + 1, words, out);
      continue;
    }
    std::vector<CElem> seq;
    for (const auto& e : entry) seq.push_back(CompileElem(e, words));
    if (!seq.empty()) out->push_back(std::move(seq));
  }
}

}  // namespace

bool SplitEventCode(std::string_view text, std::string* forward, std::string* reverse) {
  text = Trim(text);
  const size_t colon = text.find(':');
  std::string_view f = colon == std::string_view::npos ? text : text.substr(0, colon);
  std::string_view r =
      colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  f = Trim(f);
  r = Trim(r);
  auto part = [](std::string_view p, std::string* out) {
    out->clear();
    if (p.empty() || p == "---") return true;
    if (!IsUsableCode(p)) return false;
    *out = std::string(p);
    return true;
  };
  return part(f, forward) && part(r, reverse);
}

void CompileDictionaries(const DictionarySet& dicts, Diagnostics* diags,
                         CompiledDictionaries* out) {
  WordTable* words = &out->words;

  // Actors: every name of every entry points at the entry.
  out->actor_files = dicts.actors.files;
  out->verb_file = dicts.verbs.name;
  out->agent_file = dicts.agents.name;
  out->actors.reserve(dicts.actors.entries.size());
  for (const ActorEntry& a : dicts.actors.entries) {
    const auto index = static_cast<int32_t>(out->actors.size());
    out->actors.push_back({a.codes, a.line, a.file});
    for (const ActorName& n : a.names) InsertPhrase(n.words, index, words, &out->actor_trie);
  }

  // The two Koreas, for "the North" / "the South" (coder.cc, AddContextMentions).
  auto find_actor = [&](std::initializer_list<std::string_view> phrase) {
    std::vector<uint32_t> ids;
    for (std::string_view w : phrase) ids.push_back(words->Find(w));
    int32_t payload = -1;
    return out->actor_trie.LongestMatch(ids.data(), ids.size(), &payload) == ids.size() ? payload
                                                                                        : -1;
  };
  out->north_korea = find_actor({"NORTH", "KOREA"});
  out->south_korea = find_actor({"SOUTH", "KOREA"});

  // Agents with their plural forms.
  for (const AgentEntry& a : dicts.agents.entries) {
    const auto index = static_cast<int32_t>(out->agents.size());
    out->agents.push_back({ToUpperAscii(a.code), a.prefix, a.line});
    InsertPhrase(a.words, index, words, &out->agent_trie);
    if (a.plural == AgentEntry::Plural::kRegular && !a.words.empty()) {
      std::vector<std::string> pl = a.words;
      pl.back() = Plural(ToUpperAscii(pl.back()));
      InsertPhrase(pl, index, words, &out->agent_trie);
    } else if (a.plural == AgentEntry::Plural::kExplicit) {
      for (const auto& p : a.plurals) InsertPhrase(p, index, words, &out->agent_trie);
    }
  }

  for (const DiscardEntry& d : dicts.discards.entries) {
    InsertPhrase(d.words, d.story_level ? 1 : 0, words, &out->discard_trie);
  }

  // Synsets, flattened.
  out->synsets.resize(dicts.verbs.synsets.size());
  for (size_t i = 0; i < dicts.verbs.synsets.size(); ++i) {
    ExpandSynset(dicts.verbs, static_cast<int32_t>(i), 0, words, &out->synsets[i]);
  }

  // Verb blocks and the surface-form index.
  for (const VerbBlock& b : dicts.verbs.blocks) {
    const auto bi = static_cast<int32_t>(out->blocks.size());
    CVerbBlock cb;
    cb.name = b.name;
    cb.line = b.line;
    if (!SplitEventCode(b.code, &cb.code, &cb.reverse_code)) {
      diags->Add(
          dicts.verbs.name, b.line,
          "verb block " + b.name + " has unusable code [" + b.code + "]; its default is ignored");
      cb.code.clear();
      cb.reverse_code.clear();
    }
    for (const VerbPattern& p : b.patterns) {
      CPattern cp;
      if (!SplitEventCode(p.code, &cp.code, &cp.reverse_code)) {
        diags->Add(dicts.verbs.name, p.line,
                   "pattern `" + p.text + "` has unusable code [" + p.code + "]; skipped");
        continue;
      }
      bool after = false;
      for (const PatternElem& e : p.elems) {
        if (e.kind == ElemKind::kVerb) {
          after = true;
          continue;
        }
        (after ? cp.post : cp.pre).push_back(CompileElem(e, words));
      }
      cp.text = p.text;
      cp.line = p.line;
      cp.weight = Weight(cp.pre) + Weight(cp.post);
      cb.patterns.push_back(std::move(cp));
    }
    // Most specific first; stable so file order breaks ties.
    std::stable_sort(cb.patterns.begin(), cb.patterns.end(),
                     [](const CPattern& x, const CPattern& y) { return x.weight > y.weight; });
    out->blocks.push_back(std::move(cb));

    for (const VerbForm& f : b.forms) {
      std::string fcode, frev;
      if (!f.code.empty() && !SplitEventCode(f.code, &fcode, &frev)) {
        diags->Add(dicts.verbs.name, f.line,
                   "verb form has unusable code [" + f.code + "]; using the block's");
        fcode.clear();
        frev.clear();
      }
      const bool form_has_code =
          !f.code.empty() && (f.code == "---" || !fcode.empty() || !frev.empty());
      auto add = [&](const std::vector<std::string>& ws, int head) {
        if (ws.empty() || head < 0 || head >= static_cast<int>(ws.size())) return;
        VerbEntry e;
        e.block = bi;
        for (int i = 0; i < head; ++i) e.before.push_back(words->Intern(ToUpperAscii(ws[i])));
        for (size_t i = head + 1; i < ws.size(); ++i)
          e.after.push_back(words->Intern(ToUpperAscii(ws[i])));
        if (form_has_code) {
          e.code = fcode.empty() && frev.empty() ? "-" : fcode;  // "-" marks an explicit null
          e.reverse_code = frev;
        }
        const uint32_t key = words->Intern(ToUpperAscii(ws[head]));
        auto& list = out->verbs[key];
        for (const auto& x : list) {
          if (x.block == e.block && x.before == e.before && x.after == e.after) return;
        }
        list.push_back(std::move(e));
      };
      add(f.words, f.head);
      for (const auto& infl : f.inflections) add(infl.words, infl.head);
      if (!f.words.empty() && f.head >= 0 && f.head < static_cast<int>(f.words.size())) {
        for (const std::string& form : RegularVerbForms(ToUpperAscii(f.words[f.head]))) {
          std::vector<std::string> ws = f.words;
          ws[f.head] = form;
          add(ws, f.head);
        }
      }
    }
  }
}

}  // namespace thaw
