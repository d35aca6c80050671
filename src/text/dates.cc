#include "text/dates.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>

#include "base/strings.h"

namespace thaw {
namespace {

int YearOf(Date d) { return d / 10000; }
int MonthOf(Date d) { return d / 100 % 100; }
int DayOf(Date d) { return d % 100; }
int64_t DaysOf(Date d) { return DaysFromCivil(YearOf(d), MonthOf(d), DayOf(d)); }
Date AddDays(Date d, int64_t n) { return CivilFromDays(DaysOf(d) + n); }
// Monday is 0; 1970-01-01 was a Thursday.
int WeekdayOf(Date d) { return static_cast<int>(((DaysOf(d) % 7) + 7 + 3) % 7); }

Date FirstOfMonth(int y, int m) { return y * 10000 + m * 100 + 1; }
Date FirstOfYear(int y) { return y * 10000 + 101; }
Date AddMonths(Date d, int n) {
  const int index = YearOf(d) * 12 + MonthOf(d) - 1 + n;
  return FirstOfMonth(index / 12, index % 12 + 1);
}
Date MakeDate(int y, int m, int d) {
  return IsValidDate(y, m, d) ? y * 10000 + m * 100 + d : kNoDate;
}

// Years that can be news dates; also what keeps "3000 troops" and "Resolution 2270" out.
bool PlausibleYear(int y) { return y >= 1900 && y <= 2100; }

// How far from the reference a date without a year may land: news mostly reports the past,
// so at most ~2 months ahead ("the summit slated for May 9", written in March) and otherwise
// back, up to ~10 months ("on Dec. 28", written in January).
constexpr int64_t kMaxDaysAhead = 62;
constexpr int kMaxMonthsAhead = 2;

Date ResolveMonthDay(int m, int d, Date ref) {
  if (ref == kNoDate) return kNoDate;
  int y = YearOf(ref);
  if (IsValidDate(y, m, d)) {
    const int64_t delta = DaysFromCivil(y, m, d) - DaysOf(ref);
    if (delta > kMaxDaysAhead) {
      --y;
    } else if (delta <= kMaxDaysAhead - 365) {
      ++y;
    }
  }
  return MakeDate(y, m, d);
}

Date ResolveMonth(int m, Date ref) {
  if (ref == kNoDate) return kNoDate;
  int y = YearOf(ref);
  const int delta = m - MonthOf(ref);
  if (delta > kMaxMonthsAhead) {
    --y;
  } else if (delta <= kMaxMonthsAhead - 12) {
    ++y;
  }
  return FirstOfMonth(y, m);
}

// ---------------------------------------------------------------------------------------------
// Tokens. Words are classified once, against one sorted table, so matchers compare enums.

enum class Kind : uint8_t { kWord, kNumber, kPunct, kOther };

enum class Cls : uint8_t {
  kNone,
  kMonth,    // value 1-12; capitalised only
  kWeekday,  // value 0-6, Monday 0; capitalised only
  kUnit,     // value: 0 day, 1 week, 2 month, 3 year
  kCount,    // "a", "one" ... "twelve"
  kLast,
  kNext,
  kThis,
  kComing,
  kEdge,  // early, earlier, late, later
  kMid,
  kAgo,
  kDayWord,     // value: day offset (yesterday -1)
  kDayPart,     // value: 0 morning/afternoon/evening, 1 night
  kPrep,        // prepositions that make a bare month a date ("in June")
  kJoin,        // "and", "or": continue a list of non-year numbers
  kUnitNoun,    // a number before these counts things, it is not a year or day
  kNumberName,  // a number after these is an identifier ("Resolution 2094")
  kOrdinal,     // "st", "nd", "rd", "th" glued to a number
};

enum Unit { kDayUnit = 0, kWeekUnit = 1, kMonthUnit = 2, kYearUnit = 3 };

struct WordEntry {
  std::string_view word;  // lower case
  Cls cls = Cls::kNone;
  int value = 0;
  bool abbrev = false;       // month abbreviation: needs a number or a dot after it
  bool capitalised = false;  // only counts with an upper-case first letter ("May", not "may")
};

// Every word the matchers look at, sorted by word for binary search; built once
// (thread-safe static initialisation). A list's position gives the value where it matters.
const std::vector<WordEntry>& WordTable() {
  static const std::vector<WordEntry> table = [] {
    std::vector<WordEntry> t;
    auto add = [&t](Cls cls, std::initializer_list<std::string_view> words, int value = 0) {
      for (std::string_view w : words) t.push_back({w, cls, value});
    };
    int i = 0;
    for (std::string_view w : {"january", "february", "march", "april", "may", "june", "july",
                               "august", "september", "october", "november", "december"}) {
      t.push_back({w, Cls::kMonth, ++i, false, true});
    }
    i = 0;
    for (std::string_view w :
         {"jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}) {
      ++i;
      if (!w.empty()) t.push_back({w, Cls::kMonth, i, true, true});
    }
    t.push_back({"sept", Cls::kMonth, 9, true, true});
    i = 0;
    for (std::string_view w :
         {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
      t.push_back({w, Cls::kWeekday, i++, false, true});
    }
    add(Cls::kUnit, {"day", "days"}, kDayUnit);
    add(Cls::kUnit, {"week", "weeks"}, kWeekUnit);
    add(Cls::kUnit, {"month", "months"}, kMonthUnit);
    add(Cls::kUnit, {"year", "years"}, kYearUnit);
    add(Cls::kCount, {"a", "an"}, 1);
    i = 0;
    for (std::string_view w : {"one", "two", "three", "four", "five", "six", "seven", "eight",
                               "nine", "ten", "eleven", "twelve"}) {
      add(Cls::kCount, {w}, ++i);
    }
    add(Cls::kLast, {"last"});
    add(Cls::kNext, {"next"});
    add(Cls::kThis, {"this"});
    add(Cls::kComing, {"coming"});
    add(Cls::kEdge, {"early", "earlier", "late", "later"});
    add(Cls::kMid, {"mid"});
    add(Cls::kAgo, {"ago"});
    add(Cls::kDayWord, {"yesterday"}, -1);
    add(Cls::kDayWord, {"today", "tonight"}, 0);
    add(Cls::kDayWord, {"tomorrow"}, 1);
    add(Cls::kDayPart, {"morning", "afternoon", "evening"}, 0);
    add(Cls::kDayPart, {"night"}, 1);
    add(Cls::kPrep, {"in", "since", "until", "till", "during", "before", "after", "from", "of",
                     "by", "through"});
    add(Cls::kJoin, {"and", "or"});
    add(Cls::kUnitNoun,
        {"troops",     "soldiers",   "people",    "persons",  "men",     "women",      "children",
         "workers",    "students",   "residents", "refugees", "members", "households", "families",
         "cases",      "deaths",     "units",     "votes",    "seats",   "jobs",       "km",
         "kilometers", "kilometres", "miles",     "meters",   "metres",  "feet",       "tons",
         "tonnes",     "kg",         "barrels",   "hectares", "dollars", "yuan",       "yen",
         "rubles",     "euros",      "percent",   "hours",    "hrs",     "gmt",        "utc",
         "kst",        "missiles",   "tanks",     "aircraft", "vehicles"});
    add(Cls::kNumberName, {"resolution", "resolutions", "no", "number", "route", "flight",
                           "article", "articles", "page", "room", "highway", "model", "code"});
    add(Cls::kOrdinal, {"st", "nd", "rd", "th"});
    std::sort(t.begin(), t.end(),
              [](const WordEntry& a, const WordEntry& b) { return a.word < b.word; });
    return t;
  }();
  return table;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

const WordEntry* LookUpWord(std::string_view word) {
  char buf[16];
  if (word.size() > sizeof(buf)) return nullptr;
  for (size_t i = 0; i < word.size(); ++i)
    buf[i] = IsUpper(word[i]) ? word[i] - 'A' + 'a' : word[i];
  const std::string_view lower(buf, word.size());
  const std::vector<WordEntry>& table = WordTable();
  auto it = std::lower_bound(table.begin(), table.end(), lower,
                             [](const WordEntry& e, std::string_view w) { return e.word < w; });
  if (it == table.end() || it->word != lower) return nullptr;
  if (it->capitalised && !IsUpper(word[0])) return nullptr;
  return &*it;
}

struct Token {
  uint32_t begin = 0, end = 0;
  Kind kind = Kind::kOther;
  Cls cls = Cls::kNone;
  bool abbrev = false;
  int value = 0;   // kWord: the table value; kNumber: the number (capped)
  int digits = 0;  // kNumber: digit count
};

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> toks;
  toks.reserve(text.size() / 4 + 1);
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (IsAsciiSpace(c)) {
      ++i;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    if (IsAlpha(c)) {
      while (i < text.size() && IsAlpha(text[i])) ++i;
      t.kind = Kind::kWord;
      if (const WordEntry* e = LookUpWord(text.substr(t.begin, i - t.begin))) {
        t.cls = e->cls;
        t.value = e->value;
        t.abbrev = e->abbrev;
      }
    } else if (IsDigit(c)) {
      while (i < text.size() && IsDigit(text[i])) {
        if (t.digits < 9) t.value = t.value * 10 + (text[i] - '0');
        ++t.digits;
        ++i;
      }
      t.kind = Kind::kNumber;
    } else if (static_cast<unsigned char>(c) < 0x80) {
      ++i;
      t.kind = Kind::kPunct;
    } else {
      while (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80) ++i;
      t.kind = Kind::kOther;
    }
    t.end = static_cast<uint32_t>(i);
    toks.push_back(t);
  }
  return toks;
}

// ---------------------------------------------------------------------------------------------
// The matcher: one pass over the tokens, trying the expression forms that can start at each.

struct Result {
  Date date = kNoDate;  // kNoDate with relative set: needed a reference we do not have
  DatePrecision precision = DatePrecision::kDay;
  bool relative = false;
  bool yearless = false;  // a month-day without a year (recorded when there is no reference)
  bool swallow = false;   // consume the tokens but report nothing ("the 1990s")
};

struct Span {
  uint32_t begin, end;
};

class Scanner {
 public:
  Scanner(std::string_view text, Date reference)
      : text_(text), toks_(Tokenize(text)), ref_(reference) {}
  Scanner(const Scanner&) = delete;  // holds a view of the text; nothing to share
  Scanner& operator=(const Scanner&) = delete;

  // Appends the mentions to `out`; month-days without a year and without a reference go to
  // `yearless` when it is given.
  void Run(std::vector<DateMention>* out, std::vector<Span>* yearless) {
    size_t i = 0;
    while (i < toks_.size()) {
      Result r;
      const size_t next = MatchAt(i, &r);
      if (next == 0) {
        ++i;
        continue;
      }
      const Span span{toks_[i].begin, toks_[next - 1].end};
      if (r.swallow) {
        // nothing to report
      } else if (r.date != kNoDate) {
        out->push_back({span.begin, span.end, r.date, r.precision, r.relative});
      } else if (r.yearless && yearless != nullptr) {
        yearless->push_back(span);
      }
      i = next;
    }
  }

 private:
  size_t n() const { return toks_.size(); }
  bool Word(size_t j, Cls c) const {
    return j < n() && toks_[j].kind == Kind::kWord && toks_[j].cls == c;
  }
  bool Punct(size_t j, char c) const {
    return j < n() && toks_[j].kind == Kind::kPunct && text_[toks_[j].begin] == c;
  }
  bool Number(size_t j, int min_digits, int max_digits) const {
    return j < n() && toks_[j].kind == Kind::kNumber && toks_[j].digits >= min_digits &&
           toks_[j].digits <= max_digits;
  }
  // True when token j starts right where token j-1 ends.
  bool Glued(size_t j) const { return j > 0 && j < n() && toks_[j - 1].end == toks_[j].begin; }
  bool Apostrophe(size_t j) const {
    if (j >= n()) return false;
    const std::string_view s = text_.substr(toks_[j].begin, toks_[j].end - toks_[j].begin);
    return s == "'" || s == "\xE2\x80\x99";
  }
  std::string_view TextOf(size_t j) const {
    return text_.substr(toks_[j].begin, toks_[j].end - toks_[j].begin);
  }

  size_t MatchAt(size_t i, Result* r) {
    const Token& t = toks_[i];
    if (t.kind == Kind::kNumber) {
      if (size_t k = MatchNumericDate(i, r)) return k;
      if (size_t k = MatchDayMonth(i, r)) return k;
      if (size_t k = MatchAgo(i, r)) return k;
      return MatchYear(i, r);
    }
    if (t.kind != Kind::kWord) return 0;
    switch (t.cls) {
      case Cls::kMonth:
        return MatchMonth(i, /*bare_ok=*/false, r);
      case Cls::kWeekday:
        return MatchWeekday(i, r);
      case Cls::kLast:
      case Cls::kNext:
      case Cls::kThis:
        return MatchDirected(i, r);
      case Cls::kEdge:
      case Cls::kMid:
        return MatchEdge(i, r);
      case Cls::kCount:
        return MatchAgo(i, r);
      case Cls::kDayWord:
        Relative(ref_ == kNoDate ? kNoDate : AddDays(ref_, t.value), DatePrecision::kDay, r);
        return i + 1;
      default:
        return 0;
    }
  }

  void Absolute(Date d, DatePrecision p, Result* r) const {
    r->date = d;
    r->precision = p;
  }
  void Relative(Date d, DatePrecision p, Result* r) const {
    r->date = ref_ == kNoDate ? kNoDate : d;
    r->precision = p;
    r->relative = true;
  }

  // A 4-digit year at j, or 0. Rejects counts ("2000 troops"), amounts ("$2000", "2015.5"),
  // decades ("1990s", swallowed by the caller) and identifiers ("Resolution 2094").
  int YearAt(size_t j) {
    if (!Number(j, 4, 4)) return 0;
    if (j > 0 && !Glued(j)) {
      const bool named = Word(j - 1, Cls::kNumberName);
      const bool listed =
          (Word(j - 1, Cls::kJoin) || Punct(j - 1, ',')) && j >= 2 && j - 2 == last_identifier_;
      if (named || listed) {
        last_identifier_ = j;
        return 0;
      }
    }
    const int y = toks_[j].value;
    if (!PlausibleYear(y)) return 0;
    if (j > 0 && Glued(j)) {
      const Token& prev = toks_[j - 1];
      if (prev.kind == Kind::kOther || Punct(j - 1, '$') || Punct(j - 1, '#')) return 0;
      if ((Punct(j - 1, '.') || Punct(j - 1, ',')) && Glued(j - 1) && Number(j - 2, 1, 9)) {
        return 0;
      }
      // "F-2000" is a model number; "2018-2019" and "pre-2015" are years.
      if (Punct(j - 1, '-') && Glued(j - 1) && j >= 2 && toks_[j - 2].kind == Kind::kWord &&
          toks_[j - 2].cls != Cls::kMid && IsUpper(text_[toks_[j - 2].begin])) {
        return 0;
      }
    }
    const size_t k = j + 1;
    if (k < n() && Glued(k)) {
      if (toks_[k].kind == Kind::kWord || Punct(k, '%')) return 0;
      if ((Punct(k, '.') || Punct(k, ',') || Punct(k, ':')) && Glued(k + 1) &&
          Number(k + 1, 1, 9)) {
        return 0;
      }
      if (Apostrophe(k) && Glued(k + 1) && EqualsLowerAscii(TextOf(k + 1), "s")) return 0;
    }
    if (Word(k, Cls::kUnitNoun)) return 0;
    return y;
  }

  // A day of the month at j (optionally "12th"); sets *next past it. Rejects "12km", "12:30",
  // "12.5" and counts ("12 people").
  bool DayAt(size_t j, int* day, bool* ordinal, size_t* next) const {
    if (!Number(j, 1, 2) || toks_[j].value < 1 || toks_[j].value > 31) return false;
    size_t k = j + 1;
    *ordinal = false;
    if (Word(k, Cls::kOrdinal) && Glued(k)) {
      *ordinal = true;
      ++k;
    }
    if (k < n() && Glued(k)) {
      if (toks_[k].kind == Kind::kWord || toks_[k].kind == Kind::kNumber) return false;
      if ((Punct(k, ':') || Punct(k, '.') || Punct(k, ',')) && Glued(k + 1) &&
          Number(k + 1, 1, 9)) {
        return false;
      }
    }
    if (Word(k, Cls::kUnitNoun)) return false;
    *day = toks_[j].value;
    *next = k;
    return true;
  }

  // After a month name: the index past an abbreviation's dot.
  size_t PastMonth(size_t j, bool* dotted) const {
    *dotted = toks_[j].abbrev && Punct(j + 1, '.') && Glued(j + 1);
    return *dotted ? j + 2 : j + 1;
  }

  // What follows a month or month-day: ", 2015" / "2015" (absolute year), "last year" (year
  // relative to the reference), or nothing.
  enum class Tail { kNone, kYear, kRelativeYear };
  Tail YearTail(size_t k, int* year, size_t* next) {
    const size_t y_at = Punct(k, ',') ? k + 1 : k;
    if (int y = YearAt(y_at)) {
      *year = y;
      *next = y_at + 1;
      return Tail::kYear;
    }
    if ((Word(k, Cls::kLast) || Word(k, Cls::kThis) || Word(k, Cls::kNext)) &&
        Word(k + 1, Cls::kUnit) && toks_[k + 1].value == kYearUnit) {
      if (ref_ != kNoDate) {
        *year = YearOf(ref_) + (Word(k, Cls::kLast) ? -1 : Word(k, Cls::kNext) ? 1 : 0);
      } else {
        *year = 0;
      }
      *next = k + 2;
      return Tail::kRelativeYear;
    }
    return Tail::kNone;
  }

  // "2024-06-19", "2024/06/19"; "19/06/2024", "6.19.2024" when the day is > 12 or equal to
  // the month; otherwise only the year is certain and is reported at year precision.
  size_t MatchNumericDate(size_t i, Result* r) {
    const bool glued = Glued(i + 1) && Glued(i + 2) && Glued(i + 3) && Glued(i + 4);
    if (!glued || i + 4 >= n()) return 0;
    const char sep = text_[toks_[i + 1].begin];
    if (!(Punct(i + 1, '-') || Punct(i + 1, '/') || Punct(i + 1, '.')) || !Punct(i + 3, sep)) {
      return 0;
    }
    // "2024-06-19T12:00" keeps its time; any other glued word or number ("2024-06-19x") is
    // not a date.
    if (Glued(i + 5) && (toks_[i + 5].kind == Kind::kNumber ||
                         (toks_[i + 5].kind == Kind::kWord && TextOf(i + 5) != "T"))) {
      return 0;
    }
    if (Number(i, 4, 4) && Number(i + 2, 1, 2) && Number(i + 4, 1, 2) && sep != '.') {
      const Date d = MakeDate(toks_[i].value, toks_[i + 2].value, toks_[i + 4].value);
      if (d == kNoDate || !PlausibleYear(toks_[i].value)) return 0;
      Absolute(d, DatePrecision::kDay, r);
      return i + 5;
    }
    if (Number(i, 1, 2) && Number(i + 2, 1, 2) && Number(i + 4, 4, 4) &&
        PlausibleYear(toks_[i + 4].value)) {
      const int a = toks_[i].value, b = toks_[i + 2].value, y = toks_[i + 4].value;
      Date d = kNoDate;
      if (a > 12 && b <= 12) {
        d = MakeDate(y, b, a);
      } else if (b > 12 && a <= 12) {
        d = MakeDate(y, a, b);
      } else if (a == b) {
        d = MakeDate(y, a, a);
      }
      if (d != kNoDate) {
        Absolute(d, DatePrecision::kDay, r);
      } else {
        Absolute(FirstOfYear(y), DatePrecision::kYear, r);
      }
      return i + 5;
    }
    return 0;
  }

  // "12 April 2015", "12th of April", "12 Aug."
  size_t MatchDayMonth(size_t i, Result* r) {
    int day;
    bool ordinal;
    size_t k;
    if (!DayAt(i, &day, &ordinal, &k)) return 0;
    if (ordinal && Word(k, Cls::kPrep) && EqualsLowerAscii(TextOf(k), "of")) ++k;
    if (!Word(k, Cls::kMonth)) return 0;
    const int month = toks_[k].value;
    bool dotted;
    k = PastMonth(k, &dotted);
    return FinishMonthDay(month, day, k, r);
  }

  size_t FinishMonthDay(int month, int day, size_t k, Result* r) {
    int year;
    size_t next;
    switch (YearTail(k, &year, &next)) {
      case Tail::kYear: {
        const Date d = MakeDate(year, month, day);
        if (d == kNoDate) return 0;
        Absolute(d, DatePrecision::kDay, r);
        return next;
      }
      case Tail::kRelativeYear:
        Relative(year == 0 ? kNoDate : MakeDate(year, month, day), DatePrecision::kDay, r);
        return next;
      case Tail::kNone:
        if (!IsValidDate(2000, month, day)) return 0;  // 2000: a leap year, so Feb 29 passes
        Relative(ResolveMonthDay(month, day, ref_), DatePrecision::kDay, r);
        r->yearless = true;
        return k;
    }
    return 0;
  }

  // "April 12", "Aug. 24, 2015", "February 2013", "April last year", "in June" (bare months
  // need a preposition before them, or `bare_ok` from a modifier such as "last" or "early").
  size_t MatchMonth(size_t i, bool bare_ok, Result* r) {
    const int month = toks_[i].value;
    bool dotted;
    const size_t k = PastMonth(i, &dotted);
    if (Apostrophe(k) && Glued(k)) return 0;  // "May's government"
    int day;
    bool ordinal;
    size_t after_day;
    if (DayAt(k, &day, &ordinal, &after_day)) {
      // A range ("April 12-13, 2015") resolves to its first day.
      if (Punct(after_day, '-') && Glued(after_day) && Number(after_day + 1, 1, 2) &&
          Glued(after_day + 1)) {
        after_day += 2;
      }
      return FinishMonthDay(month, day, after_day, r);
    }
    int year;
    size_t next;
    switch (YearTail(k, &year, &next)) {
      case Tail::kYear:
        Absolute(FirstOfMonth(year, month), DatePrecision::kMonth, r);
        return next;
      case Tail::kRelativeYear:
        Relative(year == 0 ? kNoDate : FirstOfMonth(year, month), DatePrecision::kMonth, r);
        return next;
      case Tail::kNone:
        break;
    }
    if (toks_[i].abbrev && !dotted) return 0;  // "Jan" is also a name
    bool since = false;
    if (!bare_ok) {
      if (i == 0 || !Word(i - 1, Cls::kPrep)) return 0;
      // "criticised by May", "a letter from May": for May the name, only "in"/"since"/"until"/
      // "during"/"of" read as the month.
      if (month == 5) {
        const std::string_view p = TextOf(i - 1);
        if (!EqualsLowerAscii(p, "in") && !EqualsLowerAscii(p, "since") &&
            !EqualsLowerAscii(p, "until") && !EqualsLowerAscii(p, "during") &&
            !EqualsLowerAscii(p, "of")) {
          return 0;
        }
      }
      since = EqualsLowerAscii(TextOf(i - 1), "since");
    }
    Date d = ResolveMonth(month, ref_);
    if (since && d > ref_) d = AddMonths(d, -12);  // "since October" has begun already
    Relative(d, DatePrecision::kMonth, r);
    return k;
  }

  // The weekday `wd` counted from the reference: back 0-6 days (`direction` 0), back 1-7
  // (-1, "last Monday") or forward 1-7 (+1, "next Monday").
  Date WeekdayFromRef(int wd, int direction) const {
    if (ref_ == kNoDate) return kNoDate;
    const int today = WeekdayOf(ref_);
    if (direction > 0) {
      const int ahead = (wd - today + 7) % 7;
      return AddDays(ref_, ahead == 0 ? 7 : ahead);
    }
    const int back = (today - wd + 7) % 7;
    return AddDays(ref_, direction < 0 && back == 0 ? -7 : -back);
  }

  // "on Monday". A weekday introducing a full date ("Monday, April 12") is left to the date.
  size_t MatchWeekday(size_t i, Result* r) {
    const size_t k = Punct(i + 1, ',') ? i + 2 : i + 1;
    int day;
    bool ordinal;
    size_t after_day;
    if (Word(k, Cls::kMonth) ||
        (DayAt(k, &day, &ordinal, &after_day) && Word(after_day, Cls::kMonth))) {
      r->swallow = true;
      return i + 1;
    }
    Relative(WeekdayFromRef(toks_[i].value, 0), DatePrecision::kDay, r);
    return i + 1;
  }

  // "last/this/next" + week, month, year, a month name, a weekday, "this coming Monday",
  // "last night", "this morning".
  size_t MatchDirected(size_t i, Result* r) {
    const int dir = Word(i, Cls::kLast) ? -1 : Word(i, Cls::kNext) ? 1 : 0;
    const size_t j = i + 1;
    if (dir == 0 && Word(j, Cls::kComing) && Word(j + 1, Cls::kWeekday)) {
      Relative(WeekdayFromRef(toks_[j + 1].value, 1), DatePrecision::kDay, r);
      return j + 2;
    }
    if (j >= n() || toks_[j].kind != Kind::kWord) return 0;
    const Token& t = toks_[j];
    const Date ref = ref_;
    switch (t.cls) {
      case Cls::kUnit:
        if (ref == kNoDate && t.value != kDayUnit) {
          Relative(kNoDate, DatePrecision::kDay, r);
          return j + 1;
        }
        switch (t.value) {
          case kWeekUnit:
            Relative(AddDays(ref, 7 * dir - WeekdayOf(ref)), DatePrecision::kDay, r);
            return j + 1;
          case kMonthUnit:
            Relative(AddMonths(ref, dir), DatePrecision::kMonth, r);
            return j + 1;
          case kYearUnit:
            Relative(FirstOfYear(YearOf(ref) + dir), DatePrecision::kYear, r);
            return j + 1;
          default:
            return 0;  // "the next day" counts from the story, not from the reference
        }
      case Cls::kMonth: {
        if (t.abbrev) return 0;
        if (Apostrophe(j + 1) && Glued(j + 1)) return 0;
        Date d = kNoDate;
        if (ref != kNoDate) {
          const int delta = t.value - MonthOf(ref);  // months from the reference month
          int y = YearOf(ref);
          if (dir < 0 && delta >= 0) --y;
          if (dir > 0 && delta <= 0) ++y;
          d = FirstOfMonth(y, t.value);
        }
        Relative(d, DatePrecision::kMonth, r);
        return j + 1;
      }
      case Cls::kWeekday:
        Relative(WeekdayFromRef(t.value, dir), DatePrecision::kDay, r);
        return j + 1;
      case Cls::kDayPart:
        if (dir < 0 && t.value == 1) {
          Relative(ref == kNoDate ? kNoDate : AddDays(ref, -1), DatePrecision::kDay, r);
          return j + 1;
        }
        if (dir == 0 && t.value == 0) {
          Relative(ref, DatePrecision::kDay, r);
          return j + 1;
        }
        return 0;
      default:
        return 0;
    }
  }

  // "early/late/earlier/later/mid" + a directed period, a month or a year: "late last year",
  // "earlier this month", "mid-June", "mid-2019", "early 2015". The modifier joins the span.
  size_t MatchEdge(size_t i, Result* r) {
    size_t j = i + 1;
    if (Punct(j, '-') && Glued(j)) ++j;
    if (Word(j, Cls::kLast) || Word(j, Cls::kThis) || Word(j, Cls::kNext)) {
      return MatchDirected(j, r);
    }
    if (Word(j, Cls::kMonth)) return MatchMonth(j, /*bare_ok=*/true, r);
    if (int y = YearAt(j)) {
      Absolute(FirstOfYear(y), DatePrecision::kYear, r);
      return j + 1;
    }
    return 0;
  }

  // "four months ago", "a week ago", "3 days ago".
  size_t MatchAgo(size_t i, Result* r) {
    int count = 0;
    if (Word(i, Cls::kCount) || Number(i, 1, 2)) count = toks_[i].value;
    if (count == 0 || !Word(i + 1, Cls::kUnit) || !Word(i + 2, Cls::kAgo)) return 0;
    const Date ref = ref_;
    if (ref == kNoDate) {
      Relative(kNoDate, DatePrecision::kDay, r);
      return i + 3;
    }
    switch (toks_[i + 1].value) {
      case kDayUnit:
        Relative(AddDays(ref, -count), DatePrecision::kDay, r);
        break;
      case kWeekUnit:
        Relative(AddDays(ref, -7 * count), DatePrecision::kDay, r);
        break;
      case kMonthUnit:
        Relative(AddMonths(ref, -count), DatePrecision::kMonth, r);
        break;
      default:
        Relative(FirstOfYear(YearOf(ref) - count), DatePrecision::kYear, r);
        break;
    }
    return i + 3;
  }

  // "in 2018", "the 2015 Pyongyang Marathon". Decades ("the 1990s", "1990's") are swallowed.
  size_t MatchYear(size_t i, Result* r) {
    if (Number(i, 4, 4) && Glued(i + 1) && PlausibleYear(toks_[i].value)) {
      if (EqualsLowerAscii(TextOf(i + 1), "s") && toks_[i].value % 10 == 0) {
        r->swallow = true;
        return i + 2;
      }
      if (Apostrophe(i + 1) && Glued(i + 2) && EqualsLowerAscii(TextOf(i + 2), "s")) {
        r->swallow = true;
        return i + 3;
      }
    }
    const int y = YearAt(i);
    if (y == 0) return 0;
    Absolute(FirstOfYear(y), DatePrecision::kYear, r);
    return i + 1;
  }

  std::string_view text_;
  std::vector<Token> toks_;
  Date ref_;
  size_t last_identifier_ = static_cast<size_t>(-1);  // last number read as an identifier
};

// ---------------------------------------------------------------------------------------------
// Document date inference helpers. They work on a lower-cased copy of the article.

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}
template <size_t N>
bool ContainsAny(std::string_view hay, const std::array<std::string_view, N>& needles) {
  for (std::string_view n : needles) {
    if (Contains(hay, n)) return true;
  }
  return false;
}

// Sentence ends: a newline, or [.!?] followed by space and an upper-case letter or quote,
// unless the dot closes a short capitalised abbreviation ("U.S.", "Mr.", "Aug.").
bool IsSentenceEnd(std::string_view text, size_t i) {
  const char c = text[i];
  if (c == '\n') return true;
  if (c != '.' && c != '!' && c != '?') return false;
  if (i + 1 < text.size() && !IsAsciiSpace(text[i + 1])) return false;
  size_t k = i + 1;
  while (k < text.size() && IsAsciiSpace(text[k])) ++k;
  if (k < text.size() && !IsUpper(text[k]) && text[k] != '"' &&
      static_cast<unsigned char>(text[k]) < 0x80) {
    return false;
  }
  if (c == '.') {
    size_t b = i;
    while (b > 0 && IsAlpha(text[b - 1])) --b;
    if (i - b >= 1 && i - b <= 3 && IsUpper(text[b])) return false;
  }
  return true;
}

struct Bounds {
  size_t begin, end;
};

Bounds SentenceAround(std::string_view text, size_t pos) {
  size_t b = pos;
  while (b > 0 && !IsSentenceEnd(text, b - 1)) --b;
  size_t e = pos;
  while (e < text.size() && !IsSentenceEnd(text, e)) ++e;
  return {b, std::min(e + 1, text.size())};
}

Bounds LineAround(std::string_view text, size_t pos) {
  size_t b = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  b = (b == std::string_view::npos || pos == 0) ? 0 : b + 1;
  size_t e = text.find('\n', pos);
  return {b, e == std::string_view::npos ? text.size() : e};
}

std::string Clip(std::string_view s, size_t max = 160) {
  s = Trim(s);
  return std::string(s.substr(0, max));
}

// "75th", "first", "seventy-fifth", "32nd" → the number, or 0.
int ParseOrdinal(std::string_view w) {
  size_t digits = 0;
  while (digits < w.size() && IsDigit(w[digits])) ++digits;
  if (digits > 0 && digits <= 3 && w.size() == digits + 2) {
    const std::string_view suffix = w.substr(digits);
    if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return 0;
    int v = 0;
    for (size_t i = 0; i < digits; ++i) v = v * 10 + (w[i] - '0');
    return v;
  }
  static constexpr std::array<std::string_view, 20> kUnits = {
      "",          "first",     "second",      "third",      "fourth",
      "fifth",     "sixth",     "seventh",     "eighth",     "ninth",
      "tenth",     "eleventh",  "twelfth",     "thirteenth", "fourteenth",
      "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
  static constexpr std::array<std::string_view, 10> kTensOrdinal = {
      "",         "",         "twentieth",  "thirtieth", "fortieth",
      "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"};
  static constexpr std::array<std::string_view, 10> kTens = {
      "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  if (w == "hundredth") return 100;
  for (int u = 1; u < 20; ++u) {
    if (w == kUnits[u]) return u;
  }
  for (int t = 2; t < 10; ++t) {
    if (w == kTensOrdinal[t]) return t * 10;
    if (StartsWith(w, kTens[t]) && w.size() > kTens[t].size() + 1 && w[kTens[t].size()] == '-') {
      const std::string_view rest = w.substr(kTens[t].size() + 1);
      for (int u = 1; u < 10; ++u) {
        if (rest == kUnits[u]) return t * 10 + u;
      }
    }
  }
  return 0;
}

struct Anniversary {
  std::string_view event;
  Date base;
};

constexpr Anniversary kChinaNorthKoreaTies{"China-North Korea diplomatic relations", 19491006};
constexpr Anniversary kChinaSouthKoreaTies{"China-South Korea diplomatic normalization", 19920824};
constexpr Anniversary kChinaJapanTies{"China-Japan diplomatic normalization", 19720929};
constexpr Anniversary kJapanSouthKoreaTies{"Japan-South Korea diplomatic normalization", 19650622};
constexpr Anniversary kUsChinaTies{"US-China diplomatic relations", 19790101};
constexpr Anniversary kNorthKoreaRussiaTies{"North Korea-USSR diplomatic relations", 19481012};
constexpr Anniversary kKoreanWar{"start of the Korean War", 19500625};
constexpr Anniversary kArmistice{"Korean War armistice", 19530727};
constexpr Anniversary kLiberation{"Korea's liberation from Japan", 19450815};
constexpr Anniversary kChinaNorthKoreaTreaty{"China-North Korea friendship treaty", 19610711};
constexpr Anniversary kUsSouthKoreaAlliance{"US-South Korea mutual defense treaty", 19531001};
constexpr Anniversary kPrcFounding{"founding of the People's Republic of China", 19491001};
constexpr Anniversary kDprkFounding{"founding of the DPRK", 19480909};
constexpr Anniversary kWorkersParty{"founding of the Workers' Party of Korea", 19451010};
constexpr Anniversary kCpcFounding{"founding of the Communist Party of China", 19210701};
constexpr Anniversary kVictoryChina{"end of World War II (China's Victory Day)", 19450903};
constexpr Anniversary kVictoryRussia{"end of World War II in Europe (Russia's Victory Day)",
                                     19450509};

constexpr std::array<std::string_view, 5> kNorthKorea = {"north korea", "pyongyang", "dprk",
                                                         "n. korea", "n.k."};
constexpr std::array<std::string_view, 2> kSouthKorea = {"south korea", "seoul"};
constexpr std::array<std::string_view, 3> kChina = {"china", "chinese", "beijing"};
constexpr std::array<std::string_view, 5> kRussia = {"russia", "moscow", "soviet", "ussr",
                                                     "kremlin"};
constexpr std::array<std::string_view, 4> kUnitedStates = {"united states", "u.s.", "washington",
                                                           "america"};
constexpr std::array<std::string_view, 2> kJapan = {"japan", "tokyo"};

// Which event "the Nth anniversary of <clause>" refers to. `clause` runs from the ordinal to
// the end of the clause, `window` from the sentence start to the clause end, `doc` is the
// whole article; all lower case. Parties named near the anniversary beat parties named
// anywhere in the article.
const Anniversary* IdentifyAnniversary(std::string_view clause, std::string_view window,
                                       std::string_view doc) {
  auto in = [](std::string_view hay, const auto& names) { return ContainsAny(hay, names); };
  const bool korea_doc = Contains(doc, "korea");
  if (Contains(clause, "armistice") || Contains(clause, "truce") || Contains(clause, "ceasefire")) {
    return korea_doc ? &kArmistice : nullptr;
  }
  if (Contains(clause, "korean war")) return &kKoreanWar;
  if (Contains(clause, "liberation") && korea_doc) return &kLiberation;
  if (Contains(clause, "treaty") || Contains(clause, "alliance")) {
    if (in(window, kUnitedStates) && in(doc, kSouthKorea)) return &kUsSouthKoreaAlliance;
    if (in(window, kRussia)) return nullptr;  // the 2024 North Korea-Russia treaty is too new
    if (Contains(clause, "treaty") && in(doc, kChina) && in(doc, kNorthKorea)) {
      return &kChinaNorthKoreaTreaty;
    }
    return nullptr;
  }
  if (Contains(clause, "normaliz") || Contains(clause, "normalis")) {
    if (in(window, kJapan) && in(window, kChina)) return &kChinaJapanTies;
    if (in(window, kJapan) && in(window, kSouthKorea)) return &kJapanSouthKoreaTies;
    if (in(doc, kChina) && in(doc, kSouthKorea)) return &kChinaSouthKoreaTies;
    if (in(doc, kChina) && in(doc, kJapan)) return &kChinaJapanTies;
    return nullptr;
  }
  if (Contains(clause, "diplomatic") || Contains(clause, "relations") || Contains(clause, "ties")) {
    const bool nk = in(window, kNorthKorea), sk = in(window, kSouthKorea), cn = in(window, kChina);
    if (in(window, kRussia) && in(doc, kNorthKorea)) return &kNorthKoreaRussiaTies;
    if (cn && nk) return &kChinaNorthKoreaTies;
    if (cn && sk) return &kChinaSouthKoreaTies;
    if (cn && in(window, kUnitedStates)) return &kUsChinaTies;
    if (in(doc, kChina) && in(doc, kNorthKorea)) return &kChinaNorthKoreaTies;
    return nullptr;
  }
  if (Contains(clause, "found") || Contains(clause, "establishment") || Contains(clause, "birth")) {
    if (Contains(clause, "party")) {
      if (Contains(clause, "workers") || Contains(clause, "wpk")) return &kWorkersParty;
      if (Contains(clause, "of china") || Contains(clause, "cpc")) return &kCpcFounding;
      if (in(window, kNorthKorea)) return &kWorkersParty;
      if (in(window, kChina)) return &kCpcFounding;
      return nullptr;
    }
    if (Contains(clause, "china") || Contains(clause, "prc")) return &kPrcFounding;
    if (in(clause, kNorthKorea) || Contains(clause, "democratic people's republic") ||
        (Contains(clause, "republic") && in(doc, kNorthKorea))) {
      return &kDprkFounding;
    }
    return nullptr;
  }
  if (Contains(clause, "victory") || Contains(clause, "world war") ||
      Contains(clause, "war of resistance") || Contains(clause, "anti-fascist") ||
      Contains(clause, "great patriotic")) {
    if (Contains(clause, "great patriotic") || in(window, kRussia)) return &kVictoryRussia;
    if (in(window, kChina) || in(doc, kChina)) return &kVictoryChina;
    return nullptr;
  }
  return nullptr;
}

// The first "Nth anniversary" in `lower` whose event is in the table.
bool InferFromAnniversary(std::string_view text, std::string_view lower, InferredDate* out) {
  for (size_t at = lower.find("anniversary"); at != std::string_view::npos;
       at = lower.find("anniversary", at + 1)) {
    // The ordinal is one of the three words before: "75th anniversary", "75th founding
    // anniversary".
    size_t pos = at;
    int ordinal = 0;
    size_t ordinal_begin = at;
    for (int words = 0; words < 3 && ordinal == 0; ++words) {
      while (pos > 0 && IsAsciiSpace(lower[pos - 1])) --pos;
      const size_t end = pos;
      while (pos > 0 &&
             (IsAlpha(lower[pos - 1]) || IsDigit(lower[pos - 1]) || lower[pos - 1] == '-')) {
        --pos;
      }
      if (pos == end) break;
      ordinal = ParseOrdinal(lower.substr(pos, end - pos));
      ordinal_begin = pos;
    }
    if (ordinal == 0) continue;
    const Bounds sentence = SentenceAround(text, at);  // case matters; offsets are shared
    size_t clause_end = at;
    while (clause_end < sentence.end && clause_end - at < 120 && lower[clause_end] != ',' &&
           lower[clause_end] != ';' && lower[clause_end] != '(') {
      ++clause_end;
    }
    const std::string_view clause = lower.substr(ordinal_begin, clause_end - ordinal_begin);
    const std::string_view window = lower.substr(sentence.begin, clause_end - sentence.begin);
    const Anniversary* event = IdentifyAnniversary(clause, window, lower);
    if (event == nullptr) continue;
    const int year = YearOf(event->base) + ordinal;
    if (!PlausibleYear(year)) continue;
    out->date = FirstOfYear(year);
    out->precision = DatePrecision::kYear;
    out->evidence = "\"" + Clip(text.substr(ordinal_begin, clause_end - ordinal_begin)) +
                    "\": " + std::string(event->event) + " (" + FormatDate(event->base) + ") + " +
                    std::to_string(ordinal);
    return true;
  }
  return false;
}

// A day-precision date on a short line of its own or after a dateline word
// ("Updated : 2024-08-12 17:29", "Published June 21, 2019 | 10:32").
bool InferFromDateline(std::string_view text, std::string_view lower,
                       const std::vector<DateMention>& mentions, InferredDate* out) {
  static constexpr std::array<std::string_view, 8> kDatelineWords = {
      "updated", "published", "posted", "date", "modified", "created", "issued", "printed"};
  constexpr size_t kMaxAround = 40;
  for (const DateMention& m : mentions) {
    if (m.precision != DatePrecision::kDay || m.relative) continue;
    const Bounds line = LineAround(text, m.begin);
    const std::string_view before = Trim(lower.substr(line.begin, m.begin - line.begin));
    const std::string_view after = Trim(lower.substr(m.end, line.end - m.end));
    if (before.size() > kMaxAround || after.size() > kMaxAround) continue;
    const bool has_letters =
        std::any_of(before.begin(), before.end(), [](char c) { return IsAlpha(c); });
    if (has_letters && !ContainsAny(before, kDatelineWords)) continue;
    out->date = m.date;
    out->precision = DatePrecision::kDay;
    out->evidence = Clip(text.substr(line.begin, line.end - line.begin));
    return true;
  }
  return false;
}

}  // namespace

std::vector<DateMention> FindDateMentions(std::string_view text, Date reference) {
  if (reference != kNoDate &&
      !IsValidDate(YearOf(reference), MonthOf(reference), DayOf(reference))) {
    reference = kNoDate;
  }
  std::vector<DateMention> out;
  Scanner(text, reference).Run(&out, nullptr);
  return out;
}

InferredDate InferDocumentDate(std::string_view text) {
  InferredDate out;
  std::vector<DateMention> mentions;
  std::vector<Span> yearless;
  Scanner(text, kNoDate).Run(&mentions, &yearless);
  const std::string lower = ToLowerAscii(text);
  if (InferFromDateline(text, lower, mentions, &out)) return out;
  if (InferFromAnniversary(text, lower, &out)) return out;

  // A year with month or day context: in a full date or month-year, or followed in the same
  // sentence by a month-day without a year ("the 2015 Pyongyang Marathon on April 12").
  int best = 0;
  std::string evidence;
  auto consider = [&](int year, size_t begin, size_t end) {
    if (year <= best) return;
    best = year;
    evidence = Clip(text.substr(begin, end - begin));
  };
  for (const DateMention& m : mentions) {
    if (m.precision != DatePrecision::kYear) {
      consider(YearOf(m.date), m.begin, m.end);
      continue;
    }
    for (const Span& md : yearless) {
      if (md.begin < m.end || md.begin - m.end > 80) continue;
      bool crosses = false;
      for (size_t i = m.end; i < md.begin && !crosses; ++i) crosses = IsSentenceEnd(text, i);
      if (!crosses) consider(YearOf(m.date), m.begin, md.end);
      break;
    }
  }
  if (best == 0) {
    for (const DateMention& m : mentions) consider(YearOf(m.date), m.begin, m.end);
  }
  if (best != 0) {
    out.date = FirstOfYear(best);
    out.precision = DatePrecision::kYear;
    out.evidence = std::move(evidence);
  }
  return out;
}

std::optional<Date> ParseMetadataDate(std::string_view text) {
  text = Trim(text);
  if (std::optional<Date> d = ParseDate(text)) return d;
  // Without a reference only absolute expressions are found: "Wed" in "Wed, 01 May" is not.
  const std::vector<DateMention> found = FindDateMentions(text, kNoDate);
  if (found.size() != 1 || found[0].precision != DatePrecision::kDay) return std::nullopt;
  return found[0].date;
}

std::optional<Date> DateFromUnixTime(int64_t t) {
  constexpr int64_t kMinSeconds = 100'000'000, kMinMillis = 100'000'000'000;
  if (t >= kMinMillis * 1000) return std::nullopt;
  if (t >= kMinMillis) t /= 1000;
  if (t < kMinSeconds) return std::nullopt;
  return CivilFromDays(t / 86400);
}

Date DateFromFileName(std::string_view name) {
  auto digits_at = [&](size_t i, size_t count) {
    if (i + count > name.size()) return false;
    for (size_t k = i; k < i + count; ++k) {
      if (!IsDigit(name[k])) return false;
    }
    return true;
  };
  auto value = [&](size_t i, size_t count) {
    int v = 0;
    for (size_t k = i; k < i + count; ++k) v = v * 10 + (name[k] - '0');
    return v;
  };
  auto accept = [](int y, int m, int d) { return PlausibleYear(y) ? MakeDate(y, m, d) : kNoDate; };
  size_t i = 0;
  while (i < name.size()) {
    if (!IsDigit(name[i])) {
      ++i;
      continue;
    }
    size_t run = i;
    while (run < name.size() && IsDigit(name[run])) ++run;
    const size_t len = run - i;
    if (len == 8) {
      if (Date d = accept(value(i, 4), value(i + 4, 2), value(i + 6, 2))) return d;
    } else if (len == 4 && run + 6 <= name.size()) {
      const char sep = name[run];
      const bool sep_ok = sep == '-' || sep == '_' || sep == '.' || sep == '/';
      if (sep_ok && digits_at(run + 1, 2) && name[run + 3] == sep && digits_at(run + 4, 2) &&
          (run + 6 == name.size() || !IsDigit(name[run + 6]))) {
        if (Date d = accept(value(i, 4), value(run + 1, 2), value(run + 4, 2))) return d;
      }
    }
    i = run;
  }
  return kNoDate;
}

}  // namespace thaw
