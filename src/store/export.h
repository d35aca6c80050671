// Event exports users load directly: the Phoenix column layout as TSV or CSV, and JSON Lines.
//
// Phoenix layout (the OEDA Phoenix / Cline Center column order), one row per event:
//   EventID Date Year Month Day SourceActorFull SourceActorEntity SourceActorRole
//   SourceActorAttribute TargetActorFull TargetActorEntity TargetActorRole TargetActorAttribute
//   EventCode EventRootCode QuadClass GoldsteinScore Issues Lat Lon LocationName StateName
//   CountryCode SentenceID URLs NewsSources
// Date is YYYYMMDD; an actor code splits into entity (first three letters: country or
// international actor), role (next three: GOV, MIL, ...) and attribute (the rest). thaw codes
// no issues or locations, so those columns are empty. SentenceID is the input's sentence id;
// URLs and NewsSources list the document's and then its near-duplicates', ';'-separated.
// With `provenance`, the columns DocID, SourceText, TargetText, Verb, Pattern, DateText and
// DateInferred follow. JSON Lines carries the same fields under snake_case names
// (event_id, date as YYYY-MM-DD, ..., urls and news_sources as arrays) plus the provenance.
//
// Writers stream to an ostream and are not thread-safe.
#ifndef THAW_STORE_EXPORT_H_
#define THAW_STORE_EXPORT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "base/status.h"
#include "store/store.h"

namespace thaw {

enum class ExportFormat { kPhoenixTsv, kCsv, kJsonl };

// "phoenix-tsv" (also "tsv"), "csv", "jsonl"; InvalidArgument naming the accepted ones.
Result<ExportFormat> ParseExportFormat(std::string_view name);

class EventExporter {
 public:
  EventExporter(std::ostream* out, ExportFormat format, bool provenance)
      : out_(out), format_(format), provenance_(provenance) {}
  // The header row (TSV, CSV); nothing for JSON Lines. Call once before the first event.
  void Begin();
  void Write(const StoredEvent& e);

 private:
  void Cell(std::string_view s, bool last = false);
  std::ostream* out_;
  ExportFormat format_;
  bool provenance_;
  std::string buf_;
};

// Writes every counted event of `store` (with `include_duplicates`, near-duplicates' too) in
// id order. Returns the number of events written through *count when non-null.
Status ExportEvents(Store* store, std::ostream* out, ExportFormat format, bool provenance,
                    bool include_duplicates, size_t* count);

}  // namespace thaw

#endif  // THAW_STORE_EXPORT_H_
