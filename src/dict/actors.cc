// PETRARCH-2 actor dictionaries: an entry is a name line ("NAME [CODE]" or "NAME" alone),
// '+' synonym lines, and code lines ("\t[CODE]", "[CODE <D]", "[CODE >D]", "[CODE D1-D2]").
//
// Quirks found in Phoenix.*.actors.txt and PETR.Validate.actors.txt:
//   - synonyms may come before the codes (GOLLUM, U.S.S.R, UN_SECRETARY_GENERAL) and code
//     lines may follow a blank line;
//   - adjacent code-less name lines share the codes below them (see OnLine);
//   - several codes on one line, dated ones included: "[IGOEUREEC 950701-951231][IGOWSTNAT
//     951205-991006]" on a name line of Phoenix.International.actors.txt;
//   - blanks inside restrictions ("[HOBGOV 19950601 - 19990815]", "[X > 990816]");
//   - malformed dates ("2004017", "1920030320", ">201005011") and a date with no operator
//     ("[MNEGOV 20121204]"): reported, that restriction skipped;
//   - stray text after the codes ("[MNCHLH]	Other Consumer Services	$991,000,000");
//   - lower-case codes ("[pse]") and names ("+UN_Secy_Gen"): upper-cased.
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
using dict_internal::SplitPhrase;

// PETRARCH dates are YYYYMMDD or YYMMDD; anything else (a 7-digit typo, ISO dashes) is
// rejected rather than guessed.
std::optional<Date> ParseDictionaryDate(std::string_view s) {
  s = Trim(s);
  if (s.size() != 6 && s.size() != 8) return std::nullopt;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return ParseDate(s);
}

class ActorParser {
 public:
  ActorParser(std::string_view file, const LoadOptions& options, Diagnostics* diags,
              ActorDictionary* out)
      : reporter_(file, options, diags), out_(out) {}

  Status Parse(std::string_view text) {
    LineReader reader(text, &reporter_);
    DictLine line;
    while (!reporter_.failed() && reader.Next(&line)) {
      OnLine(line);
      last_line_ = line.number;
    }
    if (!reporter_.failed()) Finish();
    return reporter_.status();
  }

 private:
  void OnLine(const DictLine& line) {
    const std::string_view s = line.text;
    if (s[0] == '[') {
      if (group_.empty()) {
        reporter_.Skipped(line.number, "code line has no actor name above it: " + Quote(s));
        return;
      }
      AddCodes(line, s);
      return;
    }
    if (s[0] == '+') {
      if (group_.empty()) {
        reporter_.Skipped(line.number, "synonym has no actor name above it: " + Quote(s));
        return;
      }
      AddName(line, s.substr(1), &group_.back());
      return;
    }
    // Name lines with no code that directly follow another code-less name (or its
    // synonyms) are separate actors sharing the codes listed below them: Phoenix files
    // group aliases this way (IVO_JOSIPOVIC_ / PRESIDENT_JOSIPOVIC_ / JOSIPOVIC_, then
    // the codes). A blank or comment line, a code line, or a code on the name line ends
    // the group; "U.N._" followed by a blank line and another actor stays code-less.
    const size_t open = s.find('[');
    const bool joins = !group_.empty() && !saw_code_line_ && open == std::string_view::npos &&
                       line.number == last_line_ + 1;
    if (!joins) Finish();
    ActorEntry entry;
    entry.line = line.number;
    if (!AddName(line, s.substr(0, open), &entry)) return;
    group_.push_back(std::move(entry));
    if (open != std::string_view::npos) AddCodes(line, s.substr(open));
  }

  bool AddName(const DictLine& line, std::string_view s, ActorEntry* entry) {
    ActorName name;
    name.line = line.number;
    name.exact = SplitPhrase(s.substr(0, s.find('[')), &name.words);
    if (name.words.empty()) {
      reporter_.Skipped(line.number, "actor name is empty: " + Quote(line.text));
      return false;
    }
    entry->names.push_back(std::move(name));
    if (const size_t open = s.find('[');
        open != std::string_view::npos && entry == &group_.back()) {
      AddCodes(line, s.substr(open));  // "+SYNONYM [CODE]"
    }
    return true;
  }

  // Parses one or more "[...]" groups starting at s[0] == '[' and gives them to every
  // actor of the open group.
  void AddCodes(const DictLine& line, std::string_view s) {
    saw_code_line_ = true;
    std::vector<CodeRestriction> codes;
    while (!s.empty()) {
      if (s[0] != '[') {
        reporter_.Repaired(line.number, "text after the actor codes ignored: " + Quote(s));
        break;
      }
      const size_t close = s.find(']');
      std::string_view group;
      if (close == std::string_view::npos) {
        group = s.substr(1);
        reporter_.Repaired(line.number, "`[` is not closed by `]`: " + Quote(line.text));
        s = {};
      } else {
        group = s.substr(1, close - 1);
        s = Trim(s.substr(close + 1));
      }
      ParseRestriction(line, group, &codes);
    }
    for (ActorEntry& entry : group_)
      entry.codes.insert(entry.codes.end(), codes.begin(), codes.end());
  }

  void ParseRestriction(const DictLine& line, std::string_view group,
                        std::vector<CodeRestriction>* out) {
    const std::string_view inner = Trim(group);
    size_t end = 0;
    while (end < inner.size() && !IsBlank(inner[end]) && inner[end] != '<' && inner[end] != '>')
      ++end;
    CodeRestriction r;
    r.code = ToUpperAscii(inner.substr(0, end));
    r.line = line.number;
    std::string written(1, '[');  // not "[" + std::string(...): GCC 12 -Wrestrict false positive
    written.append(inner);
    written.push_back(']');
    if (r.code.empty()) {
      reporter_.Skipped(line.number, "actor code " + Quote(written) + " is empty; skipped");
      return;
    }
    const std::string_view rest = Trim(inner.substr(end));
    auto bad_date = [&](std::string_view date) {
      reporter_.Skipped(line.number, "malformed date " + Quote(Trim(date)) + " in " +
                                         Quote(written) +
                                         ": expected YYYYMMDD or YYMMDD; restriction skipped");
    };
    if (rest.empty()) {
      r.kind = CodeRestriction::Kind::kAlways;
    } else if (rest[0] == '<' || rest[0] == '>') {
      const std::string_view date_text = rest.substr(1);
      const std::optional<Date> date = ParseDictionaryDate(date_text);
      if (!date) return bad_date(date_text);
      if (rest[0] == '<') {
        r.kind = CodeRestriction::Kind::kBefore;
        r.to = *date;
      } else {
        r.kind = CodeRestriction::Kind::kAfter;
        r.from = *date;
      }
    } else if (const size_t dash = rest.find('-'); dash != std::string_view::npos) {
      const std::optional<Date> from = ParseDictionaryDate(rest.substr(0, dash));
      if (!from) return bad_date(rest.substr(0, dash));
      const std::optional<Date> to = ParseDictionaryDate(rest.substr(dash + 1));
      if (!to) return bad_date(rest.substr(dash + 1));
      if (*from > *to) {
        reporter_.Skipped(line.number, "date range in " + Quote(written) +
                                           " ends before it starts; restriction skipped");
        return;
      }
      r.kind = CodeRestriction::Kind::kRange;
      r.from = *from;
      r.to = *to;
    } else {
      reporter_.Skipped(line.number, "date restriction " + Quote(written) +
                                         " has no `<`, `>` or `-`: write [CODE <D], [CODE >D] or "
                                         "[CODE D1-D2]; restriction skipped");
      return;
    }
    out->push_back(std::move(r));
  }

  // Stores the open group; actors that ended up with no code are reported and dropped.
  void Finish() {
    for (ActorEntry& entry : group_) {
      if (!entry.codes.empty()) {
        out_->entries.push_back(std::move(entry));
        continue;
      }
      std::string name;
      for (const std::string& w : entry.names[0].words) {
        if (!name.empty()) name.push_back('_');
        name += w;
      }
      reporter_.Skipped(entry.line, "actor " + Quote(name) +
                                        " has no usable code (add [CODE] on its line or an "
                                        "indented [CODE] line below); entry dropped");
    }
    group_.clear();
    saw_code_line_ = false;
  }

  Reporter reporter_;
  ActorDictionary* out_;
  std::vector<ActorEntry> group_;  // actors read since the last stored ones; share codes
  bool saw_code_line_ = false;     // the open group has had a code (even a malformed one)
  int last_line_ = 0;              // number of the previous line with content
};

}  // namespace

bool CodeRestriction::IsActive(Date date) const {
  if (kind == Kind::kAlways) return true;
  if (date == kNoDate) return false;
  switch (kind) {
    case Kind::kBefore:
      return date < to;
    case Kind::kAfter:
      return date > from;
    case Kind::kRange:
      return from <= date && date <= to;
    case Kind::kAlways:
      break;
  }
  return true;
}

Status ParseActorDictionary(std::string_view text, std::string_view name,
                            const LoadOptions& options, Diagnostics* diags, ActorDictionary* out) {
  const size_t first = out->entries.size();
  ActorParser parser(name, options, diags, out);
  Status status = parser.Parse(text);
  const auto file = static_cast<uint16_t>(out->files.size());
  out->files.emplace_back(name);
  for (size_t i = first; i < out->entries.size(); ++i) out->entries[i].file = file;
  return status;
}

}  // namespace thaw
