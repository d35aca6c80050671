// Relation series, evidence and activity read out of an event store for the analysis
// commands (thaw dyad, shifts, top, actors, plot). Errors as values; the Store is borrowed.
#ifndef THAW_ANALYSIS_RELATIONS_H_
#define THAW_ANALYSIS_RELATIONS_H_

#include <string>
#include <vector>

#include "analysis/series.h"
#include "base/date.h"
#include "base/status.h"
#include "store/store.h"

namespace thaw {

// A dyad: each side a country code ("CHN", served from the store's aggregates) or a longer
// actor code ("CHNGOV": events whose code starts with it, read from the events).
struct DyadSpec {
  std::string a, b;
  bool directed = false;  // only a -> b; else both directions together
  Date from = kNoDate, to = kNoDate;
  SeriesPeriod period = SeriesPeriod::kMonth;
};

// The dyad's series, one row per period from the first event (or `from`) to the last (or
// `to`), empty periods included. Near-duplicate stories count once.
Result<std::vector<PeriodCounts>> LoadDyadSeries(Store* store, const DyadSpec& dyad);

struct EvidenceEvent {
  Date date = kNoDate;
  std::string source, target, code, doc_key, sentence;
  double goldstein = 0;
};
// The dyad's events in [dyad.from, dyad.to] that pull the way a shift went (`warmer`:
// highest Goldstein first; else lowest first), at most `limit`, with their sentences.
Result<std::vector<EvidenceEvent>> LoadEvidence(Store* store, const DyadSpec& dyad, bool warmer,
                                                size_t limit);

struct ActorActivity {
  std::string code;  // country code, or the full actor code for actors without a country
  int64_t as_source = 0, as_target = 0;
  double goldstein_sum = 0;  // over the events it took part in
};
// Countries (and other actors) by the number of events they took part in during [from, to],
// most active first, at most `limit`.
Result<std::vector<ActorActivity>> LoadActorActivity(Store* store, Date from, Date to,
                                                     size_t limit);

}  // namespace thaw

#endif  // THAW_ANALYSIS_RELATIONS_H_
