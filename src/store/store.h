// The event store: coded documents with their sentences, actor mentions and events, kept with
// full provenance in SQLite (a file, the default) or PostgreSQL (a postgresql:// URL), with
// the same schema and the same query answers on both.
//
// Writing is batched: Write() stores a batch of documents in one transaction, so a batch lands
// whole or not at all, and a process killed at any moment leaves the store as it was after the
// last committed batch. A document already stored (same DocumentHash) is skipped, so ingesting
// the same input again adds nothing. A near-duplicate of a stored document (MinHash, see
// fingerprint.h) is stored with `duplicate_of` naming the original: its events are kept but
// not counted in the aggregates, and exports list it as an extra source of the original's
// events.
//
// Schema (version 3; every table is created by Open when missing, and a version 1 or 2 store
// is upgraded in place):
//   documents(id, content_hash, doc_key, title, source, url, origin, date, date_inferred, text,
//             minhash, duplicate_of, similarity, n_sentences, first_event, n_events,
//             story_discarded)   a document's events have ids [first_event, first_event+n_events)
//   sentences(doc_id, idx, sentence_key, text, doc_offset, date)      PK (doc_id, idx)
//   events(id, doc_id, sentence_idx, date, source, target, code, root_code, quad_class,
//          goldstein, source_country, target_country, verb, verb_token, pattern, pattern_line,
//          date_text, and per actor mention (source_, target_): text, token_begin, token_end,
//          char_begin, char_end)
//   mentions                       a view: one row per actor mention (non-empty text) of an
//                                  event (event_id, doc_id, sentence_idx, role, token_begin,
//                                  token_end, char_begin, char_end, text, code)
//   dyad_day(day, source_country, target_country, quad_class, n_events, goldstein_x10)
//   dyad_month(month, source_country, target_country, quad_class, n_events, goldstein_x10)
//   dyad_total(source_country, target_country, n_events, goldstein_x10)
//   thaw_meta(key, value)          schema_version
// Dates are YYYYMMDD integers (0: unknown), months YYYYMM. Offsets: sentences.doc_offset and
// the mentions' char_begin/char_end count characters (Unicode code points, as Python's str, R's
// substr and SQL's substr do; versions 1-2 counted bytes) into documents.text, ends exclusive
// (NULL when the input gave none); token ranges are [begin, end) within the sentence. A country is the first three
// letters of an actor code when they are a country code (country.h), else ''. The dyad tables
// hold counts and Goldstein sums of the events of original (not near-duplicate) documents,
// maintained in the same transaction as the events; Goldstein sums are in integer tenths.
// dyad_day's and dyad_month's keys start with the period, so that a batch of news read in date
// order updates a few adjacent pages (dyad_month keyed by the dyad first dirtied a page per
// dyad in every batch: a third of ingest time at 2M events, store_bench); one dyad's series is
// a short range read per period. dyad_total (all time, per dyad) answers the unbounded top dyads.
//
// content_hash is not indexed: Write keeps it unique under the writer lock, and the hashes of
// all stored documents are looked up in memory (32 bytes per document; a B-tree of random keys
// dirtied a page per document in every batch: a sixth of ingest time). Near-duplicate lookup
// likewise keeps the LSH buckets of all original documents in memory (32 bytes per band key, 8
// keys per document). Together ~290 MB per million documents, read from the documents table on
// first use.
//
// A Store is not thread-safe; use one per thread. Several processes may share a store: writers
// take turns batch by batch.
#ifndef THAW_STORE_STORE_H_
#define THAW_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "coder/event.h"
#include "store/fingerprint.h"
#include "store/sql.h"
#include "text/document.h"

namespace thaw {

// A coded document as Write() takes it: the document with its sentences (tokens are needed
// only for mention offsets) and the events of each sentence (events[i] for sentences[i]).
struct CodedDocument {
  Document doc;
  std::vector<std::vector<Event>> events;
  bool story_discarded = false;
  std::string hash;  // DocumentHash(doc); computed by Write() when empty
};

struct WriteStats {
  size_t stored = 0;           // new documents
  size_t already_stored = 0;   // skipped: same content hash
  size_t near_duplicates = 0;  // stored, linked to an original
  size_t events = 0;           // events stored (near-duplicates' included)
};

struct StoreCounts {
  int64_t documents = 0, near_duplicates = 0, sentences = 0, mentions = 0, events = 0;
  int64_t counted_events = 0;  // events of original documents: what the aggregates hold
};

enum class Period { kDay, kMonth, kYear };

// One cell of a dyad series: a period (YYYYMMDD, YYYYMM or YYYY) and QuadClass (1-4, 0 for
// codes outside CAMEO) with the number of events and the sum of their Goldstein scores.
struct DyadCell {
  int32_t period = 0;
  int quad_class = 0;
  int64_t events = 0;
  double goldstein_sum = 0;
  bool operator==(const DyadCell&) const = default;
};

struct DyadQuery {
  std::string source = "*";  // source country ("USA"), "" for actors without one, "*" for any
  std::string target = "*";
  Date from = kNoDate, to = kNoDate;  // inclusive day range; kNoDate: unbounded
  Period period = Period::kMonth;
};

struct DyadTotal {
  std::string source, target;
  int64_t events = 0;
  double goldstein_sum = 0;
  bool operator==(const DyadTotal&) const = default;
};

// An event as exports read it, with its provenance.
struct StoredEvent {
  int64_t id = 0, doc_id = 0;
  int32_t sentence_idx = 0;
  Date date = kNoDate;
  std::string source, target, code, root_code;
  int quad_class = 0;
  double goldstein = 0;
  std::string source_text, target_text, verb, pattern, date_text;
  int pattern_line = 0, verb_token = -1;
  std::string doc_key, sentence_key, doc_source, url;
  bool date_inferred = false;
  int64_t duplicate_of = 0;  // non-zero when the event's document is a near-duplicate
  // The actors' words in the document's text, as character offsets; -1 when unknown.
  int64_t source_char_begin = -1, source_char_end = -1, target_char_begin = -1,
          target_char_end = -1;
  // The near-duplicates of the event's document (other outlets carrying the same story).
  std::vector<std::string> extra_sources, extra_urls;
};

class Store {
 public:
  // Opens (creating the schema when missing, upgrading a version 1 or 2 store) the store at
  // `location`: a SQLite file path or a postgresql:// URL. Errors: IoError when it cannot be
  // opened or connected to; Corruption when it holds another schema version.
  static Result<std::unique_ptr<Store>> Open(const std::string& location);
  ~Store();
  Store(const Store&) = delete;  // owns a connection and its prepared statements
  Store& operator=(const Store&) = delete;

  SqlDialect dialect() const { return conn_->dialect(); }

  // True when a document with this DocumentHash is stored (ingest checks before coding). The
  // first call reads the hashes of all stored documents (see the file comment).
  Result<bool> Contains(const std::string& hash);
  // Stores the batch in one transaction (see the file comment); on error nothing of the batch
  // is stored. Fills in missing hashes; the documents are otherwise left as they were.
  Status Write(std::vector<CodedDocument>* batch, WriteStats* stats);

  Result<StoreCounts> Counts();
  // The events and Goldstein sums of one dyad per period and QuadClass, ordered by period then
  // QuadClass. Served from dyad_month when the period is a month or year and the range is
  // whole months, else from dyad_day.
  Result<std::vector<DyadCell>> DyadSeries(const DyadQuery& q);
  // The `limit` dyads with most events in [from, to] (kNoDate: unbounded), most first (ties by
  // source, target); dyads with an unknown country ('') are left out.
  Result<std::vector<DyadTotal>> TopDyads(Date from, Date to, size_t limit);
  // Calls fn for every event in id order; near-duplicates' events only with
  // `include_duplicates`. Stops at the first error, or when fn returns false. Rows stream
  // (an export never holds the store in memory); fn must not use this Store meanwhile.
  Status ForEachEvent(bool include_duplicates, const std::function<bool(const StoredEvent&)>& fn);

  // The connection, for tests and tools that run their own SQL.
  SqlConnection* connection() { return conn_.get(); }

 private:
  struct Statements;
  explicit Store(std::unique_ptr<SqlConnection> conn);
  Status Init();
  Status WriteLocked(std::vector<CodedDocument>* batch, WriteStats* stats);
  // Files the documents stored with ids above known_through_ (all of them on first use, then
  // those other processes stored since) in hashes_ and lsh_.
  Status CatchUp();
  // Empties hashes_ and lsh_, to be read again (after a rollback, or a store emptied by others).
  void Forget();
  // True when a stored document has this hash: hashes_ finds candidates, the table confirms.
  Result<bool> IsStored(const std::string& hash);
  // The most similar original document sharing an LSH band with `mh`, if similar enough (the
  // earliest stored on a tie), with its similarity; 0 when there is none.
  Result<int64_t> FindOriginal(const MinHash& mh, double* similarity);

  std::unique_ptr<SqlConnection> conn_;
  std::unique_ptr<Statements> st_;  // destroyed before conn_
  // The content hashes of the stored documents and the LSH buckets of the original ones, with
  // ids up to known_through_: in memory, as both are random keys (see the file comment).
  ContentHashIndex hashes_;
  LshIndex lsh_;
  int64_t known_through_ = 0;
  std::vector<int64_t> scratch_;  // candidates of IsStored and FindOriginal
};

}  // namespace thaw

#endif  // THAW_STORE_STORE_H_
