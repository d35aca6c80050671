// Date expressions in English news text ("on April 12", "last June", "four months ago"),
// resolved to thaw::Date. All functions are pure, thread-safe and keep no views of their input.
#ifndef THAW_TEXT_DATES_H_
#define THAW_TEXT_DATES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace thaw {

enum class DatePrecision : uint8_t { kDay, kMonth, kYear };

// One date expression. Periods resolve to their first day: "February 2013" is 2013-02-01 at
// kMonth, "last year" is Jan 1 at kYear. Weeks have no precision of their own: "this week" and
// "last week" give the Monday that starts the week at kDay.
struct DateMention {
  uint32_t begin = 0, end = 0;  // byte offsets [begin, end) of the expression in the text given
  Date date = kNoDate;          // resolved; for kMonth/kYear the first day of the period
  DatePrecision precision = DatePrecision::kDay;
  bool relative = false;  // needed the reference date ("last June", "on Monday")
};

// Date expressions in `text` (a sentence; a whole article works too), in text order and
// non-overlapping, resolved against `reference` (the document date). With reference ==
// kNoDate only absolute expressions ("April 12, 2015", "in 2018") are returned.
//
// Resolution rules, chosen for news written in the past tense:
//  - a month or month-day without a year lands in the year that puts it at most ~2 months
//    after and at most ~10 months before the reference ("May 9" in March is this May);
//  - a weekday alone ("on Monday") is the most recent such day, 0-6 days back; "next Monday"
//    and "this coming Monday" look forward, "last Monday" is 1-7 days back;
//  - "N months ago" is month precision, "N years ago" year precision, days and weeks are days.
// Decades ("the 1990s") are skipped: no single year or precision describes them.
// Prepositions are not part of the span ("in 2018" spans "2018"); modifiers that change the
// meaning are ("last June", "late last year", "mid-2019").
std::vector<DateMention> FindDateMentions(std::string_view text, Date reference);

struct InferredDate {
  Date date = kNoDate;  // kNoDate when the text gives no clue at all
  DatePrecision precision = DatePrecision::kYear;
  std::string evidence;  // the text that decided, with the reasoning for anniversaries
};

// The date a news article was most likely written, from its text alone (no metadata). Tries,
// in order: a full date on a dateline/byline ("Updated : 2024-08-12 17:29", "Published June
// 21, 2019") at day precision; "the Nth anniversary of <event>" for a built-in table of events
// in China, Korea, Russia, US and Japan news; the largest year given with a month or day; the
// largest year mentioned at all. The last three give year precision.
InferredDate InferDocumentDate(std::string_view text);

// A document date as metadata gives it: ParseDate's forms (YYYY-MM-DD, YYYYMMDD, ...), else
// one written date at day precision and nothing else a date could be: RSS and e-mail's
// "Wed, 01 May 2024 12:00:00 GMT", "May 1, 2024", "1 May 2024, 09:30". nullopt otherwise, and
// for all-digit forms that could be read two ways ("01/05/2024").
std::optional<Date> ParseMetadataDate(std::string_view text);

// The date of a Unix time in seconds (or milliseconds, from 10^11 on) since 1970, UTC, as
// feeds give it; nullopt outside 1973-5138 (other integers are not taken for times).
std::optional<Date> DateFromUnixTime(int64_t t);

// The first date in a file name or path: "2019-06-21_xi-pyongyang.txt", "20190621-x.txt",
// "2019_06_21", "2019.06.21" or ".../2019/06/21/...", with a year in 1900-2100 and digits not
// running on into other digits. kNoDate when there is none.
Date DateFromFileName(std::string_view name);

}  // namespace thaw

#endif  // THAW_TEXT_DATES_H_
