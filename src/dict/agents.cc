// PETRARCH-2 agent and discard dictionaries.
//
// Agents: "NAME [~CODE]", "NAME {} [~CODE]" (no plural), "NAME {PLURAL ...} [~CODE]",
// "NAME [CODE~]" (prefix code), and substitution sets "!PERSON! = MAN, MEN, ..." used
// inside names ("CONGRESS!PERSON!", "FOREIGN_!MINIST!", "!MINIST! FOR_DEFENCE").
// Quirks found in Phoenix.agents.txt and PETR.Validate.agents.txt: no blank before '['
// ("HUSBAND!PERSON![~AGR]", "{SNEAK_THIEVES}[~CRM]"), blanks inside the code ("[ ~COP]"),
// a code closed with '}' ("[~ENV}"), an entry with no code (ISLAMIC_EXTREMIST), and one
// set used twice in a name ("AD!MINIST!RATION", a search-and-replace accident): every
// combination is generated, with a warning.
//
// Discards: one phrase per line, '+' marks a story-level discard.
#include <map>
#include <utility>

#include "base/strings.h"
#include "dict/dict_text.h"
#include "dict/dictionaries.h"

namespace thaw {
namespace {

using dict_internal::DictLine;
using dict_internal::LineReader;
using dict_internal::Quote;
using dict_internal::Reporter;
using dict_internal::SplitPhrase;

class AgentParser {
 public:
  AgentParser(std::string_view file, const LoadOptions& options, Diagnostics* diags,
              AgentDictionary* out)
      : reporter_(file, options, diags), out_(out) {}

  Status Parse(std::string_view text) {
    LineReader reader(text, &reporter_);
    DictLine line;
    while (!reporter_.failed() && reader.Next(&line)) {
      if (line.text[0] == '!' && line.text.find('=') != std::string_view::npos) {
        DefineSubstitution(line);
      } else {
        AddEntry(line);
      }
    }
    return reporter_.status();
  }

 private:
  // "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON"
  void DefineSubstitution(const DictLine& line) {
    const std::string_view s = line.text;
    const size_t eq = s.find('=');
    const std::string_view name = Trim(s.substr(0, eq));
    if (name.size() < 3 || name.back() != '!' || name.find('!', 1) != name.size() - 1) {
      reporter_.Skipped(line.number, "substitution set name must look like `!NAME!`: " + Quote(s));
      return;
    }
    std::vector<std::string> alternatives;
    for (std::string_view alt : Split(s.substr(eq + 1), ',')) {
      alt = Trim(alt);
      if (!alt.empty()) alternatives.push_back(ToUpperAscii(alt));
    }
    if (alternatives.empty()) {
      reporter_.Skipped(line.number, "substitution set " + Quote(name) + " has no alternatives");
      return;
    }
    const std::string key = ToUpperAscii(name);
    if (substitutions_.count(key) > 0) {
      reporter_.Repaired(line.number,
                         "substitution set " + Quote(name) +
                             " is defined again; the new alternatives replace the old");
    }
    substitutions_[key] = std::move(alternatives);
  }

  // Expands every known !NAME! in `s` into all combinations. Returns false, with the name,
  // when `s` uses a set that has not been defined above.
  bool Expand(std::string_view s, std::vector<std::string>* out, std::string* unknown) const {
    size_t open = s.find('!');
    while (open != std::string_view::npos) {
      const size_t close = s.find('!', open + 1);
      if (close == std::string_view::npos) break;  // a lone '!' is part of a word
      const std::string key = ToUpperAscii(s.substr(open, close - open + 1));
      auto it = substitutions_.find(key);
      if (it == substitutions_.end()) {
        bool letters = close > open + 1;
        for (char c : std::string_view(key).substr(1, key.size() - 2)) {
          if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) letters = false;
        }
        if (letters) {
          *unknown = key;
          return false;
        }
        open = s.find('!', open + 1);
        continue;
      }
      std::vector<std::string> tails;
      if (!Expand(s.substr(close + 1), &tails, unknown)) return false;
      const std::string_view head = s.substr(0, open);
      for (const std::string& alt : it->second) {
        for (const std::string& tail : tails) {
          std::string full(head);
          full += alt;
          full += tail;
          out->push_back(std::move(full));
        }
      }
      return true;
    }
    out->emplace_back(s);
    return true;
  }

  void AddEntry(const DictLine& line) {
    const std::string_view s = line.text;
    const size_t open = s.find('[');
    if (open == std::string_view::npos) {
      reporter_.Skipped(line.number, "agent has no [~CODE]; entry skipped: " + Quote(s));
      return;
    }
    std::string_view before = s.substr(0, open);
    AgentEntry base;
    base.line = line.number;
    std::vector<std::string> plural_texts;
    if (const size_t brace = before.find('{'); brace != std::string_view::npos) {
      const size_t close = before.find('}', brace);
      if (close == std::string_view::npos) {
        reporter_.Skipped(line.number,
                          "agent plural list has unclosed `{`; entry skipped: " + Quote(s));
        return;
      }
      const std::string_view list = before.substr(brace + 1, close - brace - 1);
      for (std::string_view p : SplitWhitespace(list)) plural_texts.emplace_back(p);
      base.plural =
          plural_texts.empty() ? AgentEntry::Plural::kNone : AgentEntry::Plural::kExplicit;
      if (!Trim(before.substr(close + 1)).empty()) {
        reporter_.Repaired(line.number, "text between `}` and `[` ignored: " +
                                            Quote(Trim(before.substr(close + 1))));
      }
      before = before.substr(0, brace);
    }

    // The code: "[~GOV]", "[NGO~]", "[ ~COP]"; "[~ENV}" is accepted with a warning.
    std::string_view after = s.substr(open + 1);
    size_t close = after.find(']');
    std::string_view code_text;
    if (close == std::string_view::npos) {
      close = after.find('}');
      code_text = after.substr(0, close);
      reporter_.Repaired(line.number, "`[` is not closed by `]`; read the code as " +
                                          Quote(Trim(code_text)) + ": " + Quote(s));
      after = {};
    } else {
      code_text = after.substr(0, close);
      after = Trim(after.substr(close + 1));
      if (!after.empty())
        reporter_.Repaired(line.number, "text after the agent code ignored: " + Quote(after));
    }
    std::string code;
    for (char c : code_text) {
      if (!dict_internal::IsBlank(c)) code.push_back(c);
    }
    code = ToUpperAscii(code);
    if (code.size() >= 2 && code.front() == '~' && code.back() != '~') {
      base.code = code.substr(1);
    } else if (code.size() >= 2 && code.back() == '~' && code.front() != '~') {
      base.code = code.substr(0, code.size() - 1);
      base.prefix = true;
    } else {
      reporter_.Skipped(line.number, "agent code " +
                                         Quote("[" + std::string(Trim(code_text)) + "]") +
                                         " must be [~CODE] or [CODE~]; entry skipped");
      return;
    }

    std::vector<std::string> names;
    std::string unknown;
    if (!Expand(Trim(before), &names, &unknown)) {
      reporter_.Skipped(line.number,
                        "agent uses substitution set " + Quote(unknown) +
                            ", which is not defined above it; entry skipped: " + Quote(s));
      return;
    }
    if (names.size() > 1) WarnRepeatedSubstitution(line, before);
    for (const std::string& text : plural_texts) {
      std::vector<std::string> expanded;
      if (!Expand(text, &expanded, &unknown)) {
        reporter_.Skipped(line.number,
                          "agent plural uses substitution set " + Quote(unknown) +
                              ", which is not defined above it; entry skipped: " + Quote(s));
        return;
      }
      for (const std::string& p : expanded) {
        std::vector<std::string> words;
        SplitPhrase(p, &words);
        if (!words.empty()) base.plurals.push_back(std::move(words));
      }
    }
    for (const std::string& text : names) {
      AgentEntry entry = base;
      entry.exact = SplitPhrase(text, &entry.words);
      if (entry.words.empty()) {
        reporter_.Skipped(line.number, "agent name is empty: " + Quote(s));
        return;
      }
      out_->entries.push_back(std::move(entry));
    }
  }

  // "AD!MINIST!RATION" repeats a set already used in the name; the expansion is faithful
  // but almost certainly not what was meant.
  void WarnRepeatedSubstitution(const DictLine& line, std::string_view name) {
    std::map<std::string, int> uses;
    size_t open = name.find('!');
    while (open != std::string_view::npos) {
      const size_t close = name.find('!', open + 1);
      if (close == std::string_view::npos) break;
      const std::string key = ToUpperAscii(name.substr(open, close - open + 1));
      if (substitutions_.count(key) > 0) {
        if (++uses[key] == 2) {
          reporter_.Repaired(line.number, "substitution set " + Quote(key) +
                                              " is used twice in one name; all combinations were "
                                              "generated (a search-and-replace accident?): " +
                                              Quote(line.text));
        }
        open = name.find('!', close + 1);
      } else {
        open = name.find('!', open + 1);
      }
    }
  }

  Reporter reporter_;
  AgentDictionary* out_;
  std::map<std::string, std::vector<std::string>> substitutions_;  // "!PERSON!" -> alternatives
};

}  // namespace

Status ParseAgentDictionary(std::string_view text, std::string_view name,
                            const LoadOptions& options, Diagnostics* diags, AgentDictionary* out) {
  out->name = std::string(name);
  AgentParser parser(name, options, diags, out);
  return parser.Parse(text);
}

Status ParseDiscardDictionary(std::string_view text, std::string_view name,
                              const LoadOptions& options, Diagnostics* diags,
                              DiscardDictionary* out) {
  Reporter reporter(name, options, diags);
  LineReader reader(text, &reporter);
  dict_internal::DictLine line;
  while (!reporter.failed() && reader.Next(&line)) {
    DiscardEntry entry;
    entry.line = line.number;
    std::string_view s = line.text;
    if (s[0] == '+') {
      entry.story_level = true;
      s.remove_prefix(1);
    }
    entry.exact = SplitPhrase(s, &entry.words);
    if (entry.words.empty()) {
      reporter.Skipped(line.number, "discard phrase is empty: " + Quote(line.text));
      continue;
    }
    out->entries.push_back(std::move(entry));
  }
  return reporter.status();
}

}  // namespace thaw
