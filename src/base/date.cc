#include "base/date.h"

#include <chrono>
#include <cstdio>

#include "base/strings.h"

namespace thaw {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::optional<Date> Make(int y, int m, int d) {
  if (!IsValidDate(y, m, d)) return std::nullopt;
  return y * 10000 + m * 100 + d;
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[month - 1];
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) max = 29;
  return day <= max;
}

std::optional<Date> ParseDate(std::string_view text) {
  std::string_view s = Trim(text);
  if (AllDigits(s)) {
    if (s.size() == 8)
      return Make(ToInt(s.substr(0, 4)), ToInt(s.substr(4, 2)), ToInt(s.substr(6, 2)));
    if (s.size() == 6) {
      const int yy = ToInt(s.substr(0, 2));
      return Make(yy < 30 ? 2000 + yy : 1900 + yy, ToInt(s.substr(2, 2)), ToInt(s.substr(4, 2)));
    }
    return std::nullopt;
  }
  // YYYY-MM-DD or YYYY/MM/DD with an optional time part after the date.
  if (s.size() >= 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4] && AllDigits(s.substr(0, 4)) &&
      AllDigits(s.substr(5, 2)) && AllDigits(s.substr(8, 2))) {
    if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
    return Make(ToInt(s.substr(0, 4)), ToInt(s.substr(5, 2)), ToInt(s.substr(8, 2)));
  }
  return std::nullopt;
}

std::string FormatDate(Date d) {
  if (d == kNoDate) return "";
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", d / 10000, (d / 100) % 100, d % 100);
  return buf;
}

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2);
  return static_cast<Date>(y * 10000 + m * 100 + d);
}

Date Today() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return CivilFromDays(std::chrono::duration_cast<std::chrono::days>(now).count());
}

}  // namespace thaw
