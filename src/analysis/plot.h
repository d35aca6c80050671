// Charts of a dyad's relation series: cooperation above the axis, conflict below, the
// Goldstein mean as a line, thaws and chills marked. SVG or PNG, drawn with cairo.
#ifndef THAW_ANALYSIS_PLOT_H_
#define THAW_ANALYSIS_PLOT_H_

#include <string>
#include <vector>

#include "analysis/series.h"
#include "analysis/shifts.h"
#include "base/status.h"

namespace thaw {

struct Chart {
  std::string title;     // e.g. "China → North Korea"
  std::string subtitle;  // e.g. "events per month, 2013-01 .. 2024-12"
  SeriesPeriod period = SeriesPeriod::kMonth;
  std::vector<PeriodCounts> series;  // in period order, gaps filled (FillGaps)
  std::vector<Shift> shifts;         // indices into `series`
  int width = 1100, height = 560;    // pixels (PNG) or points (SVG)
};

// Writes the chart to `path`: SVG when it ends in ".svg", else PNG. IoError when the file
// cannot be written; InvalidArgument for an empty series.
Status WriteChart(const Chart& chart, const std::string& path);

}  // namespace thaw

#endif  // THAW_ANALYSIS_PLOT_H_
