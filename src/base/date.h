// Calendar dates as YYYYMMDD integers: cheap, ordered, and what PETRARCH files use.
// Parsing accepts the forms found in news metadata and PETRARCH dictionaries.
#ifndef THAW_BASE_DATE_H_
#define THAW_BASE_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace thaw {

// A date as year*10000 + month*100 + day; 0 means "unknown".
using Date = int32_t;
inline constexpr Date kNoDate = 0;

// Parses YYYYMMDD, YYYY-MM-DD (optionally followed by a time such as "T12:00:00Z"),
// YYYY/MM/DD and the PETRARCH two-digit-year form YYMMDD (years 00-29 are 20xx,
// 30-99 are 19xx). Returns nullopt when the text is not a valid calendar date.
std::optional<Date> ParseDate(std::string_view text);
// "YYYY-MM-DD", or "" for kNoDate.
std::string FormatDate(Date d);
// True when year/month/day form a real calendar date.
bool IsValidDate(int year, int month, int day);

// Day arithmetic on the proleptic Gregorian calendar (H. Hinnant's days_from_civil and
// civil_from_days): day 0 is 1970-01-01.
int64_t DaysFromCivil(int year, int month, int day);
Date CivilFromDays(int64_t days);
// Today's date (UTC) by the system clock.
Date Today();

}  // namespace thaw

#endif  // THAW_BASE_DATE_H_
