#include "analysis/series.h"

#include <algorithm>
#include <cstdio>

#include "base/date.h"

namespace thaw {
int32_t PeriodOf(int32_t ymd, SeriesPeriod p) {
  const int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
  switch (p) {
    case SeriesPeriod::kWeek: {
      const int64_t days = DaysFromCivil(y, m, d);
      const int64_t weekday = ((days % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday; Monday = 0
      return CivilFromDays(days - weekday);
    }
    case SeriesPeriod::kMonth: return y * 100 + m;
    case SeriesPeriod::kQuarter: return y * 10 + (m - 1) / 3 + 1;
    case SeriesPeriod::kYear: return y;
  }
  return 0;
}

int32_t NextPeriod(int32_t period, SeriesPeriod p) {
  switch (p) {
    case SeriesPeriod::kWeek:
      return CivilFromDays(DaysFromCivil(period / 10000, period / 100 % 100, period % 100) + 7);
    case SeriesPeriod::kMonth:
      return period % 100 == 12 ? (period / 100 + 1) * 100 + 1 : period + 1;
    case SeriesPeriod::kQuarter: return period % 10 == 4 ? (period / 10 + 1) * 10 + 1 : period + 1;
    case SeriesPeriod::kYear: return period + 1;
  }
  return period + 1;
}

std::string PeriodLabel(int32_t period, SeriesPeriod p) {
  char buf[32];
  switch (p) {
    case SeriesPeriod::kWeek:
      return FormatDate(period);
    case SeriesPeriod::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", period / 100, period % 100);
      return buf;
    case SeriesPeriod::kQuarter:
      std::snprintf(buf, sizeof buf, "%04d-Q%d", period / 10, period % 10);
      return buf;
    case SeriesPeriod::kYear:
      return std::to_string(period);
  }
  return std::to_string(period);
}

void AddEvent(std::vector<PeriodCounts>* series, SeriesPeriod p, int32_t ymd, int quad_class,
              double goldstein) {
  const int32_t period = PeriodOf(ymd, p);
  auto it = std::lower_bound(series->begin(), series->end(), period,
                             [](const PeriodCounts& c, int32_t x) { return c.period < x; });
  if (it == series->end() || it->period != period) {
    it = series->insert(it, PeriodCounts());
    it->period = period;
  }
  ++it->events;
  ++it->quad[quad_class >= 1 && quad_class <= 4 ? quad_class : 0];
  it->goldstein_sum += goldstein;
}

std::vector<PeriodCounts> FillGaps(const std::vector<PeriodCounts>& series, SeriesPeriod p,
                                   int32_t from, int32_t to) {
  std::vector<PeriodCounts> out;
  if (from == 0 && !series.empty()) from = series.front().period;
  if (to == 0 && !series.empty()) to = series.back().period;
  if (from == 0 || to == 0 || from > to) return out;
  size_t k = 0;
  while (k < series.size() && series[k].period < from) ++k;
  for (int32_t period = from; period <= to; period = NextPeriod(period, p)) {
    if (k < series.size() && series[k].period == period) {
      out.push_back(series[k++]);
    } else {
      PeriodCounts c;
      c.period = period;
      out.push_back(c);
    }
    if (out.size() > 100000) break;  // a malformed range; no chart needs more
  }
  return out;
}

}  // namespace thaw
