// Thaws and chills: change points in a dyad's Goldstein series, found with PELT (Killick,
// Fearnhead and Eckley 2012) and kept only when both sides carry enough evidence.
#ifndef THAW_ANALYSIS_SHIFTS_H_
#define THAW_ANALYSIS_SHIFTS_H_

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/series.h"

namespace thaw {

struct ShiftOptions {
  // Evidence rule: each side of a shift holds at least this many events ...
  int64_t min_events = 8;
  // ... and the Goldstein mean moves by at least this much (the scale runs -10 .. +10) ...
  double min_size = 1.0;
  // ... and by at least this many standard errors (sigma * sqrt(1/n_before + 1/n_after)).
  double min_z = 5.0;
  // Penalty per change point, in units of sigma^2 * ln(total events); larger finds fewer.
  double penalty = 4.0;
};

struct Shift {
  size_t index = 0;    // the first row of the new regime in the series given
  int32_t period = 0;  // its period
  double before = 0, after = 0;  // Goldstein means of the regimes either side
  int64_t events_before = 0, events_after = 0;
  double size() const { return after - before; }
  bool thaw() const { return after > before; }  // else a chill
};

// Method. Each event's Goldstein score is modelled as the regime's mean plus noise of one
// variance sigma^2. The cost of a segment is the event-weighted squared deviation of its
// period means from the segment mean (the within-period part does not depend on where the
// segments fall, so period sums suffice); PELT minimises total cost plus a penalty
// beta = penalty * sigma^2 * ln(N) per change point. sigma is estimated robustly from the
// series itself: 1.4826 * MAD of the successive differences of period means, each scaled by
// sqrt(1/n_i + 1/n_{i+1}) to unit event variance, so a few real shifts do not inflate it.
// Change points whose sides fail the evidence rule are then removed one by one, weakest
// first, and the rest re-measured. Periods without events take no part. Returns shifts in
// time order; none for fewer than 4 periods with events.
std::vector<Shift> FindShifts(std::span<const PeriodCounts> series,
                              const ShiftOptions& options = ShiftOptions());

}  // namespace thaw

#endif  // THAW_ANALYSIS_SHIFTS_H_
