// A dyad's relation series: per period, its events by QuadClass with their Goldstein total,
// and the indices analysts read off it. Plain values; the store fills them, the CLI prints them.
#ifndef THAW_ANALYSIS_SERIES_H_
#define THAW_ANALYSIS_SERIES_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace thaw {

enum class SeriesPeriod { kWeek, kMonth, kQuarter, kYear };

// The period holding `yyyymmdd`, as a sortable integer: weeks as the YYYYMMDD of their Monday,
// months YYYYMM, quarters YYYYQ (20241 .. 20244), years YYYY.
int32_t PeriodOf(int32_t yyyymmdd, SeriesPeriod p);
// The period after `period` (for filling gaps: a series has a row for every period in range).
int32_t NextPeriod(int32_t period, SeriesPeriod p);
// "2024-W07" style labels: "2024-02-12" (week of), "2024-02", "2024-Q1", "2024".
std::string PeriodLabel(int32_t period, SeriesPeriod p);

struct PeriodCounts {
  int32_t period = 0;
  int64_t events = 0;
  // Events per QuadClass: [1] verbal cooperation, [2] material cooperation, [3] verbal
  // conflict, [4] material conflict; [0] codes outside the four.
  std::array<int64_t, 5> quad{};
  double goldstein_sum = 0;

  double GoldsteinMean() const {
    return events > 0 ? goldstein_sum / static_cast<double>(events) : 0;
  }
  // Net cooperation: (cooperation - conflict) / events, from -1 (all conflict) to +1.
  double NetCooperation() const {
    return events > 0 ? static_cast<double>(quad[1] + quad[2] - quad[3] - quad[4]) /
                            static_cast<double>(events)
                      : 0;
  }
};

// Adds one event (its date, QuadClass 0-4 and Goldstein score) to a series kept in period
// order, creating the period's row when missing. For building series from raw events.
void AddEvent(std::vector<PeriodCounts>* series, SeriesPeriod p, int32_t yyyymmdd, int quad_class,
              double goldstein);

// Rows for every period from the first to the last row's (or [from, to] when given, as
// periods; 0: the series' own end), empty ones included, so charts and change points see
// quiet periods as such.
std::vector<PeriodCounts> FillGaps(const std::vector<PeriodCounts>& series, SeriesPeriod p,
                                   int32_t from = 0, int32_t to = 0);

}  // namespace thaw

#endif  // THAW_ANALYSIS_SERIES_H_
