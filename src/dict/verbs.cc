// PETRARCH-2 verb dictionary: synonym sets (&NAME + entries) and verb blocks
// (--- NAME [code] --- header, verb forms, "- pattern [code]" lines).
//
// The format is described in PETRARCH's PETRreader.read_verb_dictionary(); the quirks
// handled here were found by reading CAMEO.2.0.txt and PETR.Validate.verbs.txt:
//   - headers written "---  DELAY   [120]---  ---" (dashes glued to the code);
//   - '_' joins words inside a pattern token ("REAL_PLEASANT", "SPY_*_DEAL",
//     "FIGHTER_&AIRCRAFT") except after '&', where it belongs to the set name
//     ("&FIGHT_OF_WORDS", "&AUXVERB1_");
//   - "*SCEPTICAL" (missing blank) is read as "* SCEPTICAL", with a warning;
//   - a pattern line without its leading '-' ("* (TO QUESTION) [110]" in the BEGIN block of
//     PETR.Validate.verbs.txt) is accepted when it has a standalone '*' and a [code];
//   - verb forms with commas between inflections ("{+WAS_DETERMINED , +BE_DETERMINED}"),
//     an unclosed code ("CONFER {...} [040") and TABARI ';' comments ("{...};shan 8/30/93");
//   - "~ a (a b ATTACK) SAY = a b 015" transformation lines, which thaw does not apply:
//     skipped with one note per file;
//   - a synonym set defined twice (&PREPOSIT1_ in PETR.Validate.verbs.txt): entries merge.
#include <algorithm>
#include <functional>
#include <utility>

#include "base/strings.h"
#include "dict/dict_text.h"
#include "dict/dictionaries.h"

namespace thaw {
namespace {

using dict_internal::DictLine;
using dict_internal::IsBlank;
using dict_internal::LineReader;
using dict_internal::Quote;
using dict_internal::Reporter;

bool IsPhraseDelimiter(char c) { return c == '{' || c == '}' || c == '(' || c == ')'; }

// The element a one-character pattern token stands for; kWord when it is not a symbol.
ElemKind SymbolKind(std::string_view piece) {
  if (piece.size() != 1) return ElemKind::kWord;
  switch (piece[0]) {
    case '*':
      return ElemKind::kVerb;
    case '$':
      return ElemKind::kSource;
    case '+':
      return ElemKind::kTarget;
    case '^':
      return ElemKind::kSkip;
    case '%':
      return ElemKind::kCompound;
    default:
      return ElemKind::kWord;
  }
}

// Parses one whitespace-free token of pattern text into elements appended to `out`.
// Returns an error description ("has `*` inside a phrase"), or "" on success; `note`
// receives a description of a repair that kept the token.
std::string AddPatternToken(std::string_view token, bool top_level, bool allow_verb,
                            std::vector<PatternElem>* out, std::string* note) {
  auto add_verb = [&]() -> std::string {
    if (!allow_verb) return "has `*`, which only verb patterns may use";
    if (!top_level) return "has `*` inside a phrase";
    PatternElem verb;
    verb.kind = ElemKind::kVerb;
    out->push_back(std::move(verb));
    return "";
  };
  size_t pos = 0;
  while (pos < token.size()) {
    if (token[pos] == '_') {
      ++pos;
      continue;
    }
    if (token[pos] == '&') {
      // The set name runs to the end of the token: names contain '_' themselves.
      const std::string_view name = token.substr(pos + 1);
      if (name.empty()) return "has `&` without a synonym-set name";
      PatternElem e;
      e.kind = ElemKind::kSynset;
      e.word = ToUpperAscii(name);  // resolved to an index once the whole file is read
      out->push_back(std::move(e));
      return "";
    }
    size_t end = token.find('_', pos);
    if (end == std::string_view::npos) end = token.size();
    std::string_view piece = token.substr(pos, end - pos);
    // A trailing '_' (possibly doubled) marks the last word as exact.
    const bool exact =
        end < token.size() && token.find_first_not_of('_', end) == std::string_view::npos;
    pos = end;

    const ElemKind kind = SymbolKind(piece);
    if (kind == ElemKind::kVerb) {
      if (std::string err = add_verb(); !err.empty()) return err;
      continue;
    }
    if (kind != ElemKind::kWord) {
      PatternElem e;
      e.kind = kind;
      out->push_back(std::move(e));
      continue;
    }
    if (piece[0] == '*') {  // "*SCEPTICAL" in CAMEO.2.0.txt: a blank was lost
      *note = "read `" + std::string(piece) + "` as `* " + std::string(piece.substr(1)) +
              "` (missing blank after `*`?)";
      if (std::string err = add_verb(); !err.empty()) return err;
      piece.remove_prefix(1);
    }
    PatternElem e;
    e.word = ToUpperAscii(piece);
    e.exact = exact;
    out->push_back(std::move(e));
  }
  return "";
}

// Parses pattern text ("* (TO {PEACE PLAN}) $") into `out`. Returns an error description
// that completes "verb pattern ..." or "" on success.
std::string ParsePatternText(std::string_view text, bool allow_verb, std::vector<PatternElem>* out,
                             std::string* note) {
  struct Open {
    PatternElem elem;
    char bracket;
  };
  std::vector<Open> stack;
  auto target = [&]() { return stack.empty() ? out : &stack.back().elem.children; };
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (IsBlank(c)) {
      ++i;
    } else if (c == '{' || c == '(') {
      Open open;
      open.elem.kind = c == '{' ? ElemKind::kNounPhrase : ElemKind::kPrepPhrase;
      open.bracket = c;
      stack.push_back(std::move(open));
      ++i;
    } else if (c == '}' || c == ')') {
      const char want = c == '}' ? '{' : '(';
      if (stack.empty()) {
        return std::string("has `") + c + "` without a matching `" + want + "`";
      }
      if (stack.back().bracket != want) {
        return std::string("closes `") + stack.back().bracket + "` with `" + c + "`";
      }
      PatternElem done = std::move(stack.back().elem);
      stack.pop_back();
      target()->push_back(std::move(done));
      ++i;
    } else {
      size_t j = i;
      while (j < text.size() && !IsBlank(text[j]) && !IsPhraseDelimiter(text[j])) ++j;
      std::string err =
          AddPatternToken(text.substr(i, j - i), stack.empty(), allow_verb, target(), note);
      if (!err.empty()) return err;
      i = j;
    }
  }
  if (!stack.empty()) return std::string("has unclosed `") + stack.back().bracket + "`";
  return "";
}

// Splits a verb-form token ("+BREAK_DOWN", "WIRE_+TAP", "KLM_NOP_+RST") into upper-case
// words; `head` is the '+'-marked word: a '+' inside the token wins over a leading one,
// and with no '+' the head is the first word.
bool ParseVerbWords(std::string_view s, std::vector<std::string>* words, int* head) {
  *head = 0;
  bool marked_inside = false;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (IsBlank(s[i]) || s[i] == '_')) ++i;
    size_t j = i;
    while (j < s.size() && !IsBlank(s[j]) && s[j] != '_') ++j;
    std::string_view piece = s.substr(i, j - i);
    i = j;
    bool marked = false;
    while (!piece.empty() && piece[0] == '+') {
      piece.remove_prefix(1);
      marked = true;
    }
    if (piece.empty()) continue;
    if (marked && !words->empty() && !marked_inside) {
      *head = static_cast<int>(words->size());
      marked_inside = true;
    }
    words->push_back(ToUpperAscii(piece));
  }
  return !words->empty();
}

// True when a line inside a verb block reads as a pattern that lost its leading '-': a
// standalone '*' and a [code].
bool LooksLikePattern(std::string_view s) {
  if (s.find('[') == std::string_view::npos) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '*') continue;
    const bool alone_before = i == 0 || IsBlank(s[i - 1]);
    const bool alone_after =
        i + 1 == s.size() || IsBlank(s[i + 1]) || s[i + 1] == '(' || s[i + 1] == '{';
    if (alone_before && alone_after) return true;
  }
  return false;
}

// Visits every kSynset element in `elems`, recursively.
void ForEachSynsetElem(std::vector<PatternElem>& elems,
                       const std::function<void(PatternElem&)>& fn) {
  for (PatternElem& e : elems) {
    if (e.kind == ElemKind::kSynset) fn(e);
    ForEachSynsetElem(e.children, fn);
  }
}

class VerbParser {
 public:
  VerbParser(std::string_view file, const LoadOptions& options, Diagnostics* diags)
      : reporter_(file, options, diags) {}

  Result<VerbDictionary> Parse(std::string_view text) {
    LineReader reader(text, &reporter_);
    DictLine line;
    while (!reporter_.failed() && reader.Next(&line)) OnLine(line);
    if (transformation_lines_ > 0) {
      reporter_.Repaired(first_transformation_line_,
                         CountOf(transformation_lines_, "transformation line") +
                             " (`~ ...`) ignored: thaw does not apply "
                             "PETRARCH transformations");
    }
    if (!reporter_.failed()) ResolveSynsets();
    if (reporter_.failed()) return reporter_.status();
    return std::move(dict_);
  }

 private:
  // Where a synonym-set entry was written, for messages after the file is read.
  struct EntrySource {
    int line;
    std::string text;
  };

  void OnLine(const DictLine& line) {
    const std::string_view s = line.text;
    if (StartsWith(s, "---")) {
      StartBlock(line);
    } else if (s[0] == '&') {
      StartSynset(line);
    } else if (s[0] == '~') {
      if (transformation_lines_++ == 0) first_transformation_line_ = line.number;
    } else if (synset_ >= 0) {
      if (s[0] == '+') {
        AddSynsetEntry(line);
      } else {
        reporter_.Skipped(line.number, "expected a `+ENTRY` of synonym set `&" +
                                           dict_.synsets[synset_].name +
                                           "` or a `--- NAME [code] ---` header, got " + Quote(s));
      }
    } else if (block_ < 0) {
      reporter_.Skipped(line.number,
                        "line is outside any synonym set or verb block (is a `--- NAME [code] "
                        "---` header missing?): " +
                            Quote(s));
    } else if (s[0] == '-') {
      AddPattern(line, s.substr(1));
    } else if (LooksLikePattern(s)) {
      reporter_.Repaired(line.number,
                         "pattern line lacks its leading `-`; read as a pattern: " + Quote(s));
      AddPattern(line, s);
    } else {
      AddForm(line);
    }
  }

  void StartBlock(const DictLine& line) {
    synset_ = -1;
    block_ = -1;
    std::string_view body = line.text;
    while (!body.empty() && body[0] == '-') body.remove_prefix(1);
    const size_t open = body.find('[');
    std::string_view name;
    std::string_view code;
    std::string_view after;
    if (open == std::string_view::npos) {
      name = body;
      while (!name.empty() && (name.back() == '-' || IsBlank(name.back()))) name.remove_suffix(1);
      reporter_.Repaired(line.number,
                         "verb block header has no [code]; its verbs get no default "
                         "code: " +
                             Quote(line.text));
    } else {
      name = body.substr(0, open);
      const size_t close = body.find(']', open);
      if (close == std::string_view::npos) {
        reporter_.Skipped(line.number, "verb block header has unclosed `[`: " + Quote(line.text));
        return;
      }
      code = Trim(body.substr(open + 1, close - open - 1));
      after = body.substr(close + 1);
    }
    name = Trim(name);
    if (name.empty()) {
      reporter_.Skipped(line.number, "verb block header has no name: " + Quote(line.text));
      return;
    }
    if (after.find_first_not_of("- \t") != std::string_view::npos) {
      reporter_.Repaired(line.number, "text after the block code ignored: " + Quote(Trim(after)));
    }
    VerbBlock block;
    block.name = ToUpperAscii(name);
    block.code = std::string(code);
    block.line = line.number;
    dict_.blocks.push_back(std::move(block));
    block_ = static_cast<int32_t>(dict_.blocks.size() - 1);
  }

  void StartSynset(const DictLine& line) {
    synset_ = -1;
    block_ = -1;
    std::string_view body = line.text.substr(1);
    size_t end = 0;
    while (end < body.size() && !IsBlank(body[end])) ++end;
    const std::string name = ToUpperAscii(body.substr(0, end));
    if (name.empty()) {
      reporter_.Skipped(line.number, "synonym set has no name after `&`: " + Quote(line.text));
      return;
    }
    if (end < body.size()) {
      reporter_.Repaired(
          line.number, "text after the synonym-set name ignored: " + Quote(Trim(body.substr(end))));
    }
    if (auto it = dict_.synset_index.find(name); it != dict_.synset_index.end()) {
      reporter_.Repaired(line.number, "synonym set `&" + name +
                                          "` is defined again (first at line " +
                                          std::to_string(dict_.synsets[it->second].line) +
                                          "); its entries are merged");
      synset_ = it->second;
      return;
    }
    Synset set;
    set.name = name;
    set.line = line.number;
    synset_ = static_cast<int32_t>(dict_.synsets.size());
    dict_.synset_index.emplace(name, synset_);
    dict_.synsets.push_back(std::move(set));
    sources_.emplace_back();
  }

  void AddSynsetEntry(const DictLine& line) {
    std::vector<PatternElem> elems;
    std::string note;
    const std::string err =
        ParsePatternText(line.text.substr(1), /*allow_verb=*/false, &elems, &note);
    if (!err.empty()) {
      reporter_.Skipped(line.number,
                        "synonym-set entry " + err + "; entry skipped: " + Quote(line.text));
      return;
    }
    if (elems.empty()) {
      reporter_.Skipped(line.number, "empty synonym-set entry `+`");
      return;
    }
    dict_.synsets[synset_].entries.push_back(std::move(elems));
    sources_[synset_].push_back({line.number, std::string(line.text)});
  }

  void AddPattern(const DictLine& line, std::string_view body) {
    const size_t open = body.find('[');
    if (open == std::string_view::npos) {
      reporter_.Skipped(line.number,
                        "verb pattern has no [code]; pattern skipped: " + Quote(line.text));
      return;
    }
    const size_t close = body.find(']', open);
    std::string_view code;
    if (close == std::string_view::npos) {
      code = Trim(body.substr(open + 1));
      reporter_.Repaired(line.number, "`[` is not closed by `]`; read the code as " + Quote(code));
    } else {
      code = Trim(body.substr(open + 1, close - open - 1));
      const std::string_view after = Trim(body.substr(close + 1));
      if (!after.empty()) {
        reporter_.Repaired(line.number, "text after the pattern code ignored: " + Quote(after));
      }
    }
    if (code.empty()) {
      reporter_.Skipped(
          line.number, "verb pattern has an empty code `[]`; pattern skipped: " + Quote(line.text));
      return;
    }
    VerbPattern pattern;
    pattern.text = std::string(Trim(body.substr(0, open)));
    pattern.code = std::string(code);
    pattern.line = line.number;
    std::string note;
    const std::string err =
        ParsePatternText(pattern.text, /*allow_verb=*/true, &pattern.elems, &note);
    if (!err.empty()) {
      reporter_.Skipped(line.number,
                        "verb pattern " + err + "; pattern skipped: " + Quote(line.text));
      return;
    }
    const auto verbs =
        std::count_if(pattern.elems.begin(), pattern.elems.end(),
                      [](const PatternElem& e) { return e.kind == ElemKind::kVerb; });
    if (verbs != 1) {
      reporter_.Skipped(line.number,
                        std::string(verbs == 0 ? "verb pattern has no `*` to place the verb"
                                               : "verb pattern has more than one `*`") +
                            "; pattern skipped: " + Quote(line.text));
      return;
    }
    if (!note.empty()) reporter_.Repaired(line.number, note);
    dict_.blocks[block_].patterns.push_back(std::move(pattern));
  }

  void AddForm(const DictLine& line) {
    const std::string_view s = line.text;
    const size_t stop = s.find_first_of("{[");
    VerbForm form;
    form.line = line.number;
    if (!ParseVerbWords(s.substr(0, stop), &form.words, &form.head)) {
      reporter_.Skipped(line.number, "verb form has no verb before its `{` or `[`: " + Quote(s));
      return;
    }
    std::string_view rest = stop == std::string_view::npos ? std::string_view() : s.substr(stop);
    if (!rest.empty() && rest[0] == '{') {
      const size_t close = rest.find('}');
      if (close == std::string_view::npos) {
        reporter_.Skipped(line.number, "verb form has unclosed `{`; verb skipped: " + Quote(s));
        return;
      }
      form.braces = true;
      std::string_view list = rest.substr(1, close - 1);
      // Inflections are separated by blanks, and in a few CAMEO lines also by commas.
      size_t i = 0;
      while (i < list.size()) {
        while (i < list.size() && (IsBlank(list[i]) || list[i] == ',')) ++i;
        size_t j = i;
        while (j < list.size() && !IsBlank(list[j]) && list[j] != ',') ++j;
        if (j > i) {
          VerbForm::Inflection inflection;
          const std::string_view token = list.substr(i, j - i);
          if (ParseVerbWords(token, &inflection.words, &inflection.head)) {
            if (inflection.words.size() != form.words.size()) {
              reporter_.Skipped(line.number, "inflection " + Quote(token) + " has " +
                                                 std::to_string(inflection.words.size()) +
                                                 " word(s) but the verb has " +
                                                 std::to_string(form.words.size()) +
                                                 "; inflection skipped");
            } else {
              form.inflections.push_back(std::move(inflection));
            }
          }
        }
        i = j;
      }
      rest = Trim(rest.substr(close + 1));
    }
    if (!rest.empty() && rest[0] == '[') {
      const size_t close = rest.find(']');
      if (close == std::string_view::npos) {
        form.code = std::string(Trim(rest.substr(1)));
        reporter_.Repaired(line.number, "`[` is not closed by `]`; read the code as " +
                                            Quote(form.code) + ": " + Quote(s));
        rest = {};
      } else {
        form.code = std::string(Trim(rest.substr(1, close - 1)));
        rest = Trim(rest.substr(close + 1));
      }
    }
    // A leading ';' is a TABARI-era comment ("{SCRAPPING SCRAPS SCRAPPED };shan 8/30/93").
    if (!rest.empty() && rest[0] != ';') {
      reporter_.Repaired(line.number, "text after the verb form ignored: " + Quote(rest));
    }
    dict_.blocks[block_].forms.push_back(std::move(form));
  }

  // Index of set `name`; a trailing '_' may be present on one side only ("&AUXVERB1" for
  // "&AUXVERB1_"). -1 when unknown.
  int32_t LookupSynset(const std::string& name) const {
    if (auto it = dict_.synset_index.find(name); it != dict_.synset_index.end()) return it->second;
    std::string alt = name;
    if (!alt.empty() && alt.back() == '_') {
      alt.pop_back();
    } else {
      alt.push_back('_');
    }
    if (auto it = dict_.synset_index.find(alt); it != dict_.synset_index.end()) return it->second;
    return -1;
  }

  // Resolves every kSynset in `elems`; on failure returns false with the unknown name.
  bool Resolve(std::vector<PatternElem>& elems, std::string* unknown) {
    bool ok = true;
    ForEachSynsetElem(elems, [&](PatternElem& e) {
      if (!ok) return;
      const int32_t index = LookupSynset(e.word);
      if (index < 0) {
        *unknown = e.word;
        ok = false;
        return;
      }
      e.synset = index;
      e.word.clear();
    });
    return ok;
  }

  // Set references are resolved only now, so sets may be used before they are defined.
  void ResolveSynsets() {
    for (size_t s = 0; s < dict_.synsets.size(); ++s) {
      auto& entries = dict_.synsets[s].entries;
      auto& sources = sources_[s];
      size_t kept = 0;
      for (size_t j = 0; j < entries.size(); ++j) {
        std::string unknown;
        if (!Resolve(entries[j], &unknown)) {
          reporter_.Skipped(sources[j].line,
                            "synonym-set entry uses unknown set `&" + unknown + "` (no `&" +
                                unknown +
                                "` line in this file); entry skipped: " + Quote(sources[j].text));
          continue;
        }
        if (kept != j) {
          entries[kept] = std::move(entries[j]);
          sources[kept] = std::move(sources[j]);
        }
        ++kept;
      }
      entries.resize(kept);
      sources.resize(kept);
    }
    BreakSynsetCycles();
    for (VerbBlock& block : dict_.blocks) {
      std::erase_if(block.patterns, [&](VerbPattern& p) {
        std::string unknown;
        if (Resolve(p.elems, &unknown)) return false;
        reporter_.Skipped(p.line, "verb pattern uses unknown synonym set `&" + unknown +
                                      "` (no `&" + unknown +
                                      "` line in this file); pattern skipped: " + Quote(p.text));
        return true;
      });
    }
    for (const Synset& set : dict_.synsets) {
      if (set.entries.empty()) {
        reporter_.Repaired(set.line,
                           "synonym set `&" + set.name + "` has no entries; it matches nothing");
      }
    }
  }

  // A set that includes itself (directly or through other sets) would send the coder's
  // expansion into a loop: drop the entry that closes the cycle.
  void BreakSynsetCycles() {
    std::vector<uint8_t> state(dict_.synsets.size(), 0);  // 0 new, 1 on the path, 2 done
    std::function<void(int32_t)> visit = [&](int32_t s) {
      state[s] = 1;
      auto& entries = dict_.synsets[s].entries;
      for (size_t j = 0; j < entries.size();) {
        bool closes_cycle = false;
        ForEachSynsetElem(entries[j], [&](PatternElem& e) {
          if (state[e.synset] == 1) closes_cycle = true;
          if (state[e.synset] == 0) visit(e.synset);
        });
        if (!closes_cycle) {
          ++j;
          continue;
        }
        reporter_.Skipped(sources_[s][j].line,
                          "synonym set `&" + dict_.synsets[s].name +
                              "` includes itself through this entry; entry skipped: " +
                              Quote(sources_[s][j].text));
        entries.erase(entries.begin() + static_cast<ptrdiff_t>(j));
        sources_[s].erase(sources_[s].begin() + static_cast<ptrdiff_t>(j));
      }
      state[s] = 2;
    };
    for (size_t s = 0; s < dict_.synsets.size(); ++s) {
      if (state[s] == 0) visit(static_cast<int32_t>(s));
    }
  }

  Reporter reporter_;
  VerbDictionary dict_;
  std::vector<std::vector<EntrySource>> sources_;  // parallel to dict_.synsets[i].entries
  int32_t synset_ = -1;                            // set receiving `+` lines, or -1
  int32_t block_ = -1;                             // block receiving forms and patterns, or -1
  int transformation_lines_ = 0;
  int first_transformation_line_ = 0;
};

bool IsVowel(std::string_view w, size_t i) {
  const char c = w[i];
  if (c == 'U' && i > 0 && w[i - 1] == 'Q') return false;  // QU acts as a consonant
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

// One syllable ending consonant-vowel-consonant, final consonant not W, X or Y: the
// spelling doubles it (STOP -> STOPPED). Stress is not modelled, so longer words never
// double.
bool DoublesFinalConsonant(std::string_view w) {
  const size_t n = w.size();
  if (n < 3) return false;
  const char last = w[n - 1];
  if (last < 'A' || last > 'Z' || IsVowel(w, n - 1) || last == 'W' || last == 'X' || last == 'Y') {
    return false;
  }
  if (!IsVowel(w, n - 2) || IsVowel(w, n - 3)) return false;
  int groups = 0;
  bool in_vowels = false;
  for (size_t i = 0; i < n; ++i) {
    const bool v = IsVowel(w, i);
    if (v && !in_vowels) ++groups;
    in_vowels = v;
  }
  return groups == 1;
}

}  // namespace

std::vector<std::string> RegularVerbForms(std::string_view base_in) {
  if (base_in.empty()) return {};
  const std::string base = ToUpperAscii(base_in);
  const std::string_view w = base;
  const size_t n = w.size();
  const char last = w[n - 1];
  const bool consonant_y = last == 'Y' && n >= 2 && !IsVowel(w, n - 2);
  const std::string stem = base.substr(0, n - 1);

  std::string s_form;
  if (last == 'S' || last == 'X' || last == 'Z' || last == 'O' || EndsWith(w, "CH") ||
      EndsWith(w, "SH")) {
    s_form = base + "ES";
  } else if (consonant_y) {
    s_form = stem + "IES";
  } else {
    s_form = base + "S";
  }

  const bool doubles = DoublesFinalConsonant(w);
  std::string ed_form;
  if (last == 'E') {
    ed_form = base + "D";
  } else if (consonant_y) {
    ed_form = stem + "IED";
  } else if (doubles) {
    ed_form = base + last + "ED";
  } else {
    ed_form = base + "ED";
  }

  std::string ing_form;
  if (EndsWith(w, "IE")) {
    ing_form = base.substr(0, n - 2) + "YING";
  } else if (last == 'E' && n > 2 && w[n - 2] != 'E' && w[n - 2] != 'Y' && w[n - 2] != 'O') {
    ing_form = stem + "ING";
  } else if (doubles) {
    ing_form = base + last + "ING";
  } else {
    ing_form = base + "ING";
  }
  return {std::move(s_form), std::move(ed_form), std::move(ing_form)};
}

Result<VerbDictionary> ParseVerbDictionary(std::string_view text, std::string_view name,
                                           const LoadOptions& options, Diagnostics* diags) {
  VerbParser parser(name, options, diags);
  Result<VerbDictionary> dict = parser.Parse(text);
  if (dict.ok()) dict->name = std::string(name);
  return dict;
}

}  // namespace thaw
