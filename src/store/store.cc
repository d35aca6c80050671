#include "store/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <compare>
#include <limits>
#include <tuple>
#include <unordered_map>

#include "base/strings.h"
#include "ontology/cameo.h"
#include "store/country.h"
#include "store/fingerprint.h"

namespace thaw {
namespace {

constexpr int kSchemaVersion = 3;

// The schema, once for both dialects. An actor mention is stored in its event's row (with
// token and character ranges) and `mentions` is a view: one insert per event instead of three,
// which is most of ingest's speed (store_bench). The dyad tables' keys start with the period
// (see store.h). A document's events have the consecutive ids [first_event, first_event +
// n_events), so events need no index on doc_id. Differences: PostgreSQL's 64-bit integer and
// double type names, bytea, byte-order text collation (SQLite's default), and SQLite's clustered
// WITHOUT ROWID tables for composite keys. Goldstein sums are kept in integer tenths (every
// CAMEO score has one decimal) so that sums are exact and both databases agree to the bit
// whatever order they add in.
std::string SchemaSql(SqlDialect d) {
  const bool pg = d == SqlDialect::kPostgres;
  return fmt::format(
      R"(CREATE TABLE IF NOT EXISTS documents(
  id {I} PRIMARY KEY, content_hash {T} NOT NULL, doc_key {T} NOT NULL, title {T} NOT NULL,
  source {T} NOT NULL, url {T} NOT NULL, origin {T} NOT NULL, date INTEGER NOT NULL,
  date_inferred INTEGER NOT NULL, text {T} NOT NULL, minhash {B}, duplicate_of {I}, similarity {R},
  n_sentences INTEGER NOT NULL, first_event {I} NOT NULL, n_events INTEGER NOT NULL,
  story_discarded INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS documents_duplicate_of ON documents(duplicate_of);
CREATE TABLE IF NOT EXISTS sentences(
  doc_id {I} NOT NULL, idx INTEGER NOT NULL, sentence_key {T} NOT NULL, text {T} NOT NULL,
  doc_offset INTEGER, date INTEGER NOT NULL, PRIMARY KEY(doc_id, idx)){W};
CREATE TABLE IF NOT EXISTS events(
  id {I} PRIMARY KEY, doc_id {I} NOT NULL, sentence_idx INTEGER NOT NULL, date INTEGER NOT NULL,
  source {T} NOT NULL, target {T} NOT NULL, code {T} NOT NULL, root_code {T} NOT NULL,
  quad_class INTEGER NOT NULL, goldstein {R} NOT NULL, source_country {T} NOT NULL,
  target_country {T} NOT NULL, verb {T} NOT NULL, verb_token INTEGER NOT NULL, pattern {T} NOT NULL,
  pattern_line INTEGER NOT NULL, date_text {T} NOT NULL,
  source_text {T} NOT NULL, source_token_begin INTEGER, source_token_end INTEGER, source_char_begin INTEGER,
  source_char_end INTEGER, target_text {T} NOT NULL, target_token_begin INTEGER, target_token_end INTEGER,
  target_char_begin INTEGER, target_char_end INTEGER);
{V} mentions AS
  SELECT id AS event_id, doc_id, sentence_idx, 'source' AS role, source_token_begin AS token_begin,
         source_token_end AS token_end, source_char_begin AS char_begin, source_char_end AS char_end,
         source_text AS text, source AS code FROM events WHERE source_text <> ''
  UNION ALL
  SELECT id, doc_id, sentence_idx, 'target', target_token_begin, target_token_end, target_char_begin,
         target_char_end, target_text, target FROM events WHERE target_text <> '';
CREATE TABLE IF NOT EXISTS dyad_day(
  source_country {T} NOT NULL, target_country {T} NOT NULL, day INTEGER NOT NULL, quad_class INTEGER NOT NULL,
  n_events {I} NOT NULL, goldstein_x10 {I} NOT NULL,
  PRIMARY KEY(day, source_country, target_country, quad_class)){W};
CREATE TABLE IF NOT EXISTS dyad_month(
  source_country {T} NOT NULL, target_country {T} NOT NULL, month INTEGER NOT NULL, quad_class INTEGER NOT NULL,
  n_events {I} NOT NULL, goldstein_x10 {I} NOT NULL,
  PRIMARY KEY(month, source_country, target_country, quad_class)){W};
CREATE TABLE IF NOT EXISTS dyad_total(
  source_country {T} NOT NULL, target_country {T} NOT NULL, n_events {I} NOT NULL, goldstein_x10 {I} NOT NULL,
  PRIMARY KEY(source_country, target_country)){W};
)",
      fmt::arg("I", pg ? "BIGINT" : "INTEGER"), fmt::arg("T", pg ? "TEXT COLLATE \"C\"" : "TEXT"),
      fmt::arg("R", pg ? "DOUBLE PRECISION" : "REAL"), fmt::arg("B", pg ? "BYTEA" : "BLOB"),
      fmt::arg("W", pg ? "" : " WITHOUT ROWID"),
      fmt::arg("V", pg ? "CREATE OR REPLACE VIEW" : "CREATE VIEW IF NOT EXISTS"));
}

// Version 1 keyed dyad_month by the dyad and had no dyad_total: both are rebuilt from dyad_day
// (the same counts by day). Its unique index on content_hash stays, unused but harmless.
const char kUpgradeFrom1Sql[] =
    "DROP TABLE dyad_month; DROP TABLE IF EXISTS dyad_total; {schema}"
    "INSERT INTO dyad_month(month, source_country, target_country, quad_class, n_events, goldstein_x10) "
    "SELECT day / 100, source_country, target_country, quad_class, SUM(n_events), SUM(goldstein_x10) FROM dyad_day "
    "GROUP BY day / 100, source_country, target_country, quad_class; "
    "INSERT INTO dyad_total(source_country, target_country, n_events, goldstein_x10) "
    "SELECT source_country, target_country, SUM(n_events), SUM(goldstein_x10) FROM dyad_day "
    "GROUP BY source_country, target_country; "
    "UPDATE thaw_meta SET value = '2' WHERE key = 'schema_version'";

// Versions 1 and 2 kept sentences.doc_offset and the mentions' char_begin/char_end as byte
// offsets into documents.text; version 3 counts characters (code points), as Python, R and
// SQL's substr do. Each offset becomes the length in characters of the text's first `offset`
// bytes, in the documents that are not ASCII (where the two differ); chars(table, column) is
// that assignment: SQLite cuts the text as a BLOB (bytes) and counts the cut as TEXT,
// PostgreSQL cuts its UTF-8 bytes and decodes them. NULL offsets stay NULL.
std::string UpgradeFrom2Sql(SqlDialect d) {
  const bool pg = d == SqlDialect::kPostgres;
  auto chars = [pg](std::string_view table, std::string_view column) {
    return pg ? fmt::format("{1} = length(convert_from(substring(convert_to(d.text, 'UTF8') from 1 "
                            "for {0}.{1}), 'UTF8'))",
                            table, column)
              : fmt::format("{1} = length(CAST(substr(CAST(d.text AS BLOB), 1, {0}.{1}) AS TEXT))",
                            table, column);
  };
  const std::string not_ascii =
      pg ? "octet_length(d.text) <> length(d.text)" : "length(d.text) <> length(CAST(d.text AS BLOB))";
  std::string events;
  for (const char* column : {"source_char_begin", "source_char_end", "target_char_begin",
                             "target_char_end"}) {
    events += (events.empty() ? "" : ", ") + chars("events", column);
  }
  return fmt::format(
      "UPDATE sentences SET {0} FROM documents d WHERE d.id = sentences.doc_id AND {1}; "
      "UPDATE events SET {2} FROM documents d WHERE d.id = events.doc_id AND {1}; "
      "UPDATE thaw_meta SET value = '3' WHERE key = 'schema_version'",
      chars("sentences", "doc_offset"), not_ascii, events);
}

// The aggregate tables Write maintains.
struct DyadTable {
  const char* name;
  const char* period;  // the period column; nullptr for dyad_total (no period, no QuadClass)
};
constexpr DyadTable kDyadTables[] = {
    {"dyad_day", "day"}, {"dyad_month", "month"}, {"dyad_total", nullptr}};
constexpr size_t kDyadTableCount = std::size(kDyadTables);

// The key of a cell of a dyad table, ordered as the table's key: the period, then the source
// and target countries ('' or three letters, country.h) and the QuadClass packed into one
// integer, NUL-padded so that '' sorts first as in SQL.
struct DyadKey {
  int32_t period = 0;
  uint64_t dyad = 0;  // source in bytes 7-5, target in bytes 4-2, QuadClass in bytes 1-0
  auto operator<=>(const DyadKey&) const = default;
};

uint64_t PackDyad(std::string_view source, std::string_view target, QuadClass quad) {
  uint64_t d = 0;
  for (size_t i = 0; i < 3; ++i)
    d = d << 8 | (i < source.size() ? static_cast<unsigned char>(source[i]) : 0);
  for (size_t i = 0; i < 3; ++i)
    d = d << 8 | (i < target.size() ? static_cast<unsigned char>(target[i]) : 0);
  return d << 16 | static_cast<uint16_t>(quad);
}

// The country `which` (0: source, 1: target) of a packed dyad, written to buf[0..3).
std::string_view UnpackCountry(uint64_t dyad, int which, char* buf) {
  const int shift = which == 0 ? 40 : 16;
  for (int i = 0; i < 3; ++i) buf[i] = static_cast<char>(dyad >> (shift + 8 * (2 - i)));
  return {buf, buf[0] ? size_t{3} : 0};
}

struct DyadSums {
  int64_t events = 0, goldstein_x10 = 0;
};

// One batch's additions to the dyad tables, summed in memory so that each cell is written once
// per batch (grouping the batch's events in SQL read them back and sorted them: a quarter of
// ingest time, store_bench). Sorting the events by key costs a fifth of a hash map's lookups
// (perf).
class DyadBatch {
 public:
  void Add(Date date, std::string_view source, std::string_view target, QuadClass quad,
           double goldstein) {
    // Tenths, rounded as SQL's ROUND would: CAMEO scores have one decimal.
    const int64_t x10 = std::llround(goldstein * 10);
    const uint64_t dyad = PackDyad(source, target, quad);
    events_[0].push_back({{date, dyad}, x10});
    events_[1].push_back({{date / 100, dyad}, x10});
    events_[2].push_back({{0, PackDyad(source, target, QuadClass::kUnknown)}, x10});
  }
  // The cells of table t, in key order (adjacent cells are written one after the other).
  std::vector<std::pair<DyadKey, DyadSums>> Cells(size_t t) {
    std::vector<std::pair<DyadKey, int64_t>>& events = events_[t];
    std::sort(events.begin(), events.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::pair<DyadKey, DyadSums>> cells;
    for (const auto& [key, x10] : events) {
      if (cells.empty() || cells.back().first != key) cells.push_back({key, DyadSums()});
      ++cells.back().second.events;
      cells.back().second.goldstein_x10 += x10;
    }
    return cells;
  }

 private:
  std::vector<std::pair<DyadKey, int64_t>> events_[kDyadTableCount];  // cell key, Goldstein x10
};

// Rows per multi-row statement: one round trip per 64 rows on PostgreSQL (ingest 3 times as
// fast as a statement per row); on SQLite the dyad upserts take 10% less ingest CPU, the inserts
// the same (store_bench).
constexpr size_t kRowsPerStatement = 64;

// "(?, ?), (?, ?)": `rows` rows of `columns` placeholders.
std::string ValuesSql(int columns, size_t rows) {
  std::string row = "(?";
  for (int c = 1; c < columns; ++c) row += ", ?";
  row += ')';
  std::string values;
  for (size_t r = 0; r < rows; ++r) values += (r ? ", " : "") + row;
  return values;
}

// Adds `rows` cells to a dyad table: INSERT ... ON CONFLICT DO UPDATE, adding to the stored
// sums. A batch's cells are distinct, as PostgreSQL requires of one statement's rows.
std::string UpsertSql(const DyadTable& t, size_t rows) {
  const std::string key =
      t.period ? fmt::format("{}, source_country, target_country, quad_class", t.period)
               : std::string("source_country, target_country");
  return fmt::format(
      "INSERT INTO {0}({1}, n_events, goldstein_x10) VALUES {2} ON CONFLICT({1}) DO UPDATE SET "
      "n_events = {0}.n_events + excluded.n_events, goldstein_x10 = {0}.goldstein_x10 + excluded.goldstein_x10",
      t.name, key, ValuesSql(t.period ? 6 : 4, rows));
}

constexpr char kSentenceColumns[] = "doc_id, idx, sentence_key, text, doc_offset, date";
constexpr int kSentenceColumnCount = 6;
constexpr char kEventColumns[] =
    "id, doc_id, sentence_idx, date, source, target, code, root_code, quad_class, goldstein, source_country, "
    "target_country, verb, verb_token, pattern, pattern_line, date_text, source_text, source_token_begin, "
    "source_token_end, source_char_begin, source_char_end, target_text, target_token_begin, target_token_end, "
    "target_char_begin, target_char_end";
constexpr int kEventColumnCount = 27;

// A multi-row statement of kRowsPerStatement rows and its one-row twin, for the rest.
struct RowStatements {
  std::unique_ptr<SqlStatement> many, one;
};

}  // namespace

struct Store::Statements {
  std::unique_ptr<SqlStatement> max_doc, max_event, stored_since, hash_of, minhash_of, insert_doc;
  RowStatements insert_sentence, insert_event, upsert[kDyadTableCount];
};

Store::Store(std::unique_ptr<SqlConnection> conn) : conn_(std::move(conn)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& location) {
  auto conn = OpenSql(location);
  if (!conn.ok()) return conn.status();
  std::unique_ptr<Store> store(new Store(std::move(*conn)));
  Status s = store->Init();
  if (!s.ok()) return s;
  return store;
}

namespace {

// The schema version a store records, "" when it records none (a new store).
Result<std::string> SchemaVersion(SqlConnection* conn) {
  auto v = conn->Prepare("SELECT value FROM thaw_meta WHERE key = 'schema_version'");
  if (!v.ok()) return v.status();
  auto row = (*v)->Step();
  if (!row.ok()) return row.status();
  return std::string(*row ? (*v)->ColumnText(0) : "");
}

// Creates the schema, or upgrades a version 1 or 2 store; Corruption for any other version. Runs
// under the writer lock, so that two first ingests do not race.
Status CreateOrUpgradeSchema(SqlConnection* conn) {
  const bool pg = conn->dialect() == SqlDialect::kPostgres;
  Status s = conn->Exec(
      fmt::format("CREATE TABLE IF NOT EXISTS thaw_meta(key {0} PRIMARY KEY, value {0} NOT NULL)",
                  pg ? "TEXT COLLATE \"C\"" : "TEXT"));
  if (!s.ok()) return s;
  auto version = SchemaVersion(conn);
  if (!version.ok()) return version.status();
  const std::string schema = SchemaSql(conn->dialect());
  if (version->empty()) {
    s = conn->Exec(schema);
    if (!s.ok()) return s;
    return conn->Exec(fmt::format(
        "INSERT INTO thaw_meta(key, value) VALUES('schema_version', '{}')", kSchemaVersion));
  }
  if (*version == "1") {
    s = conn->Exec(fmt::format(fmt::runtime(kUpgradeFrom1Sql), fmt::arg("schema", schema)));
    if (!s.ok()) return s;
    *version = "2";
  }
  if (*version == "2") {
    s = conn->Exec(UpgradeFrom2Sql(conn->dialect()));
    if (!s.ok()) return s;
    *version = "3";
  }
  if (*version != std::to_string(kSchemaVersion)) {
    return Status::Corruption(fmt::format(
        "store has schema version '{}', this thaw reads version {}", *version, kSchemaVersion));
  }
  return conn->Exec(schema);  // creates whatever is missing
}

// Prepares `sql(kRowsPerStatement)` and `sql(1)`.
template <typename SqlOfRows>
Status PrepareRows(SqlConnection* conn, const SqlOfRows& sql, RowStatements* out) {
  auto many = conn->Prepare(sql(kRowsPerStatement));
  if (!many.ok()) return many.status();
  auto one = conn->Prepare(sql(1));
  if (!one.ok()) return one.status();
  out->many = std::move(*many);
  out->one = std::move(*one);
  return Status::Ok();
}

}  // namespace

Status Store::Init() {
  Status s = conn_->BeginWrite();
  if (!s.ok()) return s;
  s = CreateOrUpgradeSchema(conn_.get());
  if (!s.ok()) {
    conn_->Exec("ROLLBACK");
    return s;
  }
  s = conn_->Exec("COMMIT");
  if (!s.ok()) return s;
  st_ = std::make_unique<Statements>();
  struct {
    std::unique_ptr<SqlStatement>* stmt;
    std::string sql;
  } statements[] = {
      {&st_->max_doc, "SELECT COALESCE(MAX(id), 0) FROM documents"},
      {&st_->max_event, "SELECT COALESCE(MAX(id), 0) FROM events"},
      {&st_->stored_since,
       "SELECT id, content_hash, minhash, duplicate_of FROM documents WHERE id > ? ORDER BY id"},
      {&st_->hash_of, "SELECT content_hash FROM documents WHERE id = ?"},
      {&st_->minhash_of, "SELECT minhash FROM documents WHERE id = ?"},
      {&st_->insert_doc,
       "INSERT INTO documents(id, content_hash, doc_key, title, source, url, origin, date, date_inferred, text, "
       "minhash, duplicate_of, similarity, n_sentences, first_event, n_events, story_discarded) "
       "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
  };
  for (auto& st : statements) {
    auto p = conn_->Prepare(st.sql);
    if (!p.ok()) return p.status();
    *st.stmt = std::move(*p);
  }
  auto insert = [](const char* table, const char* columns, int count) {
    return [=](size_t rows) {
      return fmt::format("INSERT INTO {}({}) VALUES {}", table, columns, ValuesSql(count, rows));
    };
  };
  s = PrepareRows(conn_.get(), insert("sentences", kSentenceColumns, kSentenceColumnCount),
                  &st_->insert_sentence);
  if (s.ok())
    s = PrepareRows(conn_.get(), insert("events", kEventColumns, kEventColumnCount),
                    &st_->insert_event);
  for (size_t t = 0; t < kDyadTableCount && s.ok(); ++t) {
    s = PrepareRows(
        conn_.get(), [&](size_t rows) { return UpsertSql(kDyadTables[t], rows); }, &st_->upsert[t]);
  }
  return s;
}

namespace {

// Runs a statement that returns one integer (or none: `fallback`).
Result<int64_t> QueryInt(SqlStatement* s, int64_t fallback = 0) {
  auto row = s->Step();
  if (!row.ok()) {
    s->Reset();
    return row.status();
  }
  const int64_t v = *row ? s->ColumnInt(0) : fallback;
  s->Reset();
  return v;
}

// Runs an INSERT/UPDATE to completion.
Status Run(SqlStatement* s) {
  auto r = s->Step();
  s->Reset();
  return r.ok() ? Status::Ok() : r.status();
}

// Binds a document's row (insert_doc).
void BindDocument(SqlStatement* d, int64_t id, const CodedDocument& cd,
                  const std::string& signature, int64_t original, double similarity,
                  int64_t first_event, size_t n_events) {
  const Document& doc = cd.doc;
  d->BindInt(1, id);
  d->BindText(2, cd.hash);
  d->BindText(3, doc.id);
  d->BindText(4, doc.title);
  d->BindText(5, doc.source);
  d->BindText(6, doc.url);
  d->BindText(7, doc.origin);
  d->BindInt(8, doc.date);
  d->BindInt(9, doc.date_inferred);
  d->BindText(10, doc.text);
  if (!signature.empty()) d->BindBlob(11, signature); else d->BindNull(11);
  if (original) d->BindInt(12, original); else d->BindNull(12);
  if (original) d->BindDouble(13, similarity); else d->BindNull(13);
  d->BindInt(14, static_cast<int64_t>(doc.sentences.size()));
  d->BindInt(15, first_event);
  d->BindInt(16, static_cast<int64_t>(n_events));
  d->BindInt(17, cd.story_discarded);
}

// A sentence or event row of a batch, bound when its statement runs. Views and pointers point
// into the batch, which outlives the writing.
// Offsets are in characters (code points) of the document's text; -1: the input gave none.
struct SentenceRow {
  int64_t doc_id = 0;
  size_t idx = 0;
  const Sentence* sent = nullptr;
  Date date = kNoDate;
  int64_t offset = -1;
};

// An actor mention's token range in its sentence and character range in the document.
struct MentionRange {
  int32_t token_begin = -1, token_end = -1;  // -1: no mention
  int64_t char_begin = -1, char_end = -1;    // -1: unknown
};

struct EventRow {
  int64_t id = 0, doc_id = 0;
  size_t sentence_idx = 0;
  const Event* e = nullptr;
  CodeInfo info;  // of e->code
  Date date = kNoDate;
  std::string_view source, target;  // the actors' countries
  MentionRange source_range, target_range;
};

// What a batch writes besides its documents' rows, gathered document by document and written
// at the end with multi-row statements.
struct BatchRows {
  std::vector<SentenceRow> sentences;
  std::vector<EventRow> events;
  DyadBatch dyads;
};

// The range of the mention of tokens [begin, end) of `sent`, a sentence of `doc`.
MentionRange Mention(const Document& doc, const Sentence& sent, int32_t begin, int32_t end,
                     CodePointCounter* chars) {
  MentionRange m;
  if (begin < 0 || end <= begin) return m;
  m.token_begin = begin;
  m.token_end = end;
  TokenCharRange(doc, sent, begin, end, chars, &m.char_begin, &m.char_end);
  return m;
}

// Adds the sentences and events of the document stored as `doc_id`, with event ids from
// *event_id + 1 on (*event_id ends at the last); its events count in the dyad tables when
// `counted`.
void AddDocumentRows(const CodedDocument& cd, int64_t doc_id, bool counted, int64_t* event_id,
                     BatchRows* rows) {
  const Document& doc = cd.doc;
  CodePointCounter chars(doc.text);
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& sent = doc.sentences[i];
    const bool placed = sent.doc_offset != kNoOffset && sent.doc_offset <= doc.text.size();
    rows->sentences.push_back({doc_id, i, &sent, sent.date != kNoDate ? sent.date : doc.date,
                               placed ? static_cast<int64_t>(chars.At(sent.doc_offset)) : -1});
    if (i >= cd.events.size()) continue;
    for (const Event& e : cd.events[i]) {
      EventRow& r = rows->events.emplace_back();
      r = {++*event_id,
           doc_id,
           i,
           &e,
           DescribeEventCode(e.code),
           e.date != kNoDate      ? e.date
           : sent.date != kNoDate ? sent.date
                                  : doc.date,
           ActorCountry(e.source),
           ActorCountry(e.target),
           Mention(doc, sent, e.source_begin, e.source_end, &chars),
           Mention(doc, sent, e.target_begin, e.target_end, &chars)};
      if (counted) rows->dyads.Add(r.date, r.source, r.target, r.info.quad_class, r.info.goldstein);
    }
  }
}

// Runs `rows` through st: kRowsPerStatement at a time, then the rest one by one.
// bind(statement, r, row) binds the row as the statement's r-th.
template <typename Row, typename Bind>
Status RunRows(const std::vector<Row>& rows, const RowStatements& st, const Bind& bind) {
  size_t i = 0;
  while (i < rows.size()) {
    const bool full = rows.size() - i >= kRowsPerStatement;
    SqlStatement* q = full ? st.many.get() : st.one.get();
    const size_t n = full ? kRowsPerStatement : 1;
    for (size_t r = 0; r < n; ++r, ++i) bind(q, r, rows[i]);
    Status s = Run(q);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

void BindSentence(SqlStatement* q, size_t r, const SentenceRow& row) {
  const int c = static_cast<int>(r) * kSentenceColumnCount;
  q->BindInt(c + 1, row.doc_id);
  q->BindInt(c + 2, static_cast<int64_t>(row.idx));
  q->BindText(c + 3, row.sent->id);
  q->BindText(c + 4, row.sent->text);
  if (row.offset >= 0)
    q->BindInt(c + 5, row.offset);
  else
    q->BindNull(c + 5);
  q->BindInt(c + 6, row.date);
}

// Binds an actor mention's five columns from `col`: its text, token range and character
// offsets in the document (NULL when unknown).
void BindMention(SqlStatement* q, int col, std::string_view text, const MentionRange& m) {
  q->BindText(col, text);
  const int64_t values[] = {m.token_begin, m.token_end, m.char_begin, m.char_end};
  for (int k = 0; k < 4; ++k) {
    if (values[k] >= 0)
      q->BindInt(col + 1 + k, values[k]);
    else
      q->BindNull(col + 1 + k);
  }
}

void BindEvent(SqlStatement* q, size_t r, const EventRow& row) {
  const int c = static_cast<int>(r) * kEventColumnCount;
  const Event& e = *row.e;
  q->BindInt(c + 1, row.id);
  q->BindInt(c + 2, row.doc_id);
  q->BindInt(c + 3, static_cast<int64_t>(row.sentence_idx));
  q->BindInt(c + 4, row.date);
  q->BindText(c + 5, e.source);
  q->BindText(c + 6, e.target);
  q->BindText(c + 7, e.code);
  q->BindText(c + 8, row.info.root);
  q->BindInt(c + 9, static_cast<int>(row.info.quad_class));
  q->BindDouble(c + 10, row.info.goldstein);
  q->BindText(c + 11, row.source);
  q->BindText(c + 12, row.target);
  q->BindText(c + 13, e.verb);
  q->BindInt(c + 14, e.verb_token);
  q->BindText(c + 15, e.pattern);
  q->BindInt(c + 16, e.pattern_line);
  q->BindText(c + 17, e.date_text);
  BindMention(q, c + 18, e.source_text, row.source_range);
  BindMention(q, c + 23, e.target_text, row.target_range);
}

// Writes a batch's sentences, events and dyad cells.
Status WriteRows(BatchRows* rows, const RowStatements& sentences, const RowStatements& events,
                 const RowStatements (&upserts)[kDyadTableCount]) {
  Status s = RunRows(rows->sentences, sentences, BindSentence);
  if (s.ok()) s = RunRows(rows->events, events, BindEvent);
  char countries[kRowsPerStatement][6];  // bound without a copy: alive until the statement ran
  for (size_t t = 0; t < kDyadTableCount && s.ok(); ++t) {
    const bool period = kDyadTables[t].period != nullptr;
    const int columns = period ? 6 : 4;
    s = RunRows(rows->dyads.Cells(t), upserts[t], [&](SqlStatement* q, size_t r, const auto& cell) {
      const auto& [k, sums] = cell;
      int c = static_cast<int>(r) * columns;
      if (period) q->BindInt(++c, k.period);
      q->BindText(++c, UnpackCountry(k.dyad, 0, countries[r]));
      q->BindText(++c, UnpackCountry(k.dyad, 1, countries[r] + 3));
      if (period) q->BindInt(++c, static_cast<uint16_t>(k.dyad));
      q->BindInt(++c, sums.events);
      q->BindInt(++c, sums.goldstein_x10);
    });
  }
  return s;
}

}  // namespace

void Store::Forget() {
  hashes_.Clear();
  lsh_.Clear();
  known_through_ = 0;
}

Status Store::CatchUp() {
  SqlStatement* q = st_->stored_since.get();
  q->BindInt(1, known_through_);
  MinHash mh;
  while (true) {
    auto row = q->Step();
    if (!row.ok()) {
      q->Reset();
      return row.status();
    }
    if (!*row) break;
    const int64_t id = q->ColumnInt(0);
    hashes_.Add(q->ColumnText(1), id);
    if (q->IsNull(3) && MinHash::Parse(q->ColumnBlob(2), &mh)) lsh_.Add(mh, id);  // an original
    known_through_ = id;
  }
  q->Reset();
  return Status::Ok();
}

Result<bool> Store::IsStored(const std::string& hash) {
  hashes_.Find(hash, &scratch_);
  for (int64_t doc : scratch_) {
    SqlStatement* q = st_->hash_of.get();
    q->BindInt(1, doc);
    auto row = q->Step();
    const bool same = row.ok() && *row && q->ColumnText(0) == hash;
    q->Reset();
    if (!row.ok()) return row.status();
    if (same) return true;
  }
  return false;
}

Result<int64_t> Store::FindOriginal(const MinHash& mh, double* similarity) {
  *similarity = 0;
  if (!mh.valid) return int64_t{0};
  int64_t original = 0;
  lsh_.Candidates(mh, &scratch_);
  // Ascending ids: the earliest stored wins a tie.
  for (int64_t cand : scratch_) {
    SqlStatement* q = st_->minhash_of.get();
    q->BindInt(1, cand);
    auto row = q->Step();
    MinHash other;
    const bool parsed = row.ok() && *row && MinHash::Parse(q->ColumnBlob(0), &other);
    q->Reset();
    if (!row.ok()) return row.status();
    if (!parsed) continue;
    const double sim = mh.Similarity(other);
    if (sim >= kNearDuplicateSimilarity && sim > *similarity) {
      *similarity = sim;
      original = cand;
    }
  }
  return original;
}

Result<bool> Store::Contains(const std::string& hash) {
  Status s = CatchUp();
  if (!s.ok()) return s;
  return IsStored(hash);
}

Status Store::Write(std::vector<CodedDocument>* batch, WriteStats* stats) {
  for (CodedDocument& cd : *batch) {
    if (cd.hash.empty()) cd.hash = DocumentHash(cd.doc);
  }
  Status s = conn_->BeginWrite();
  if (!s.ok()) return s;
  WriteStats local;
  s = WriteLocked(batch, &local);
  if (s.ok()) s = conn_->Exec("COMMIT");
  if (!s.ok()) {
    conn_->Exec("ROLLBACK");
    // The indexes may hold documents that were rolled back: read them again on next use.
    Forget();
    return s;
  }
  stats->stored += local.stored;
  stats->already_stored += local.already_stored;
  stats->near_duplicates += local.near_duplicates;
  stats->events += local.events;
  return Status::Ok();
}

Status Store::WriteLocked(std::vector<CodedDocument>* batch, WriteStats* stats) {
  Statements& st = *st_;
  // Ids continue from the stored maximum; the writer lock keeps them ours until COMMIT.
  auto doc_id = QueryInt(st.max_doc.get());
  auto event_id = QueryInt(st.max_event.get());
  if (!doc_id.ok()) return doc_id.status();
  if (!event_id.ok()) return event_id.status();
  if (*doc_id < known_through_) Forget();  // the store was emptied behind our back
  Status s = CatchUp();
  if (!s.ok()) return s;

  BatchRows rows;
  for (CodedDocument& cd : *batch) {
    auto stored = IsStored(cd.hash);
    if (!stored.ok()) return stored.status();
    if (*stored) {
      ++stats->already_stored;
      continue;
    }
    const Document& doc = cd.doc;
    const int64_t id = ++*doc_id;
    const MinHash mh =
        doc.text.empty() ? ComputeMinHash(DocumentText(doc)) : ComputeMinHash(doc.text);
    double similarity = 0;
    auto original = FindOriginal(mh, &similarity);
    if (!original.ok()) return original.status();

    size_t n_events = 0;
    for (const auto& v : cd.events) n_events += v.size();
    const std::string signature = mh.valid ? mh.Serialize() : std::string();  // bound, not copied
    BindDocument(st.insert_doc.get(), id, cd, signature, *original, similarity, *event_id + 1,
                 n_events);
    if (!(s = Run(st.insert_doc.get())).ok()) return s;
    const int64_t last_event = *event_id;
    AddDocumentRows(cd, id, *original == 0, &*event_id, &rows);
    stats->events += static_cast<size_t>(*event_id - last_event);

    hashes_.Add(cd.hash, id);
    if (*original == 0 && mh.valid) lsh_.Add(mh, id);
    known_through_ = id;
    ++stats->stored;
    if (*original != 0) ++stats->near_duplicates;
  }
  return WriteRows(&rows, st.insert_sentence, st.insert_event, st.upsert);
}

Result<StoreCounts> Store::Counts() {
  StoreCounts c;
  const std::pair<int64_t*, const char*> kQueries[] = {
      {&c.documents, "SELECT COUNT(*) FROM documents"},
      {&c.near_duplicates, "SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL"},
      {&c.sentences, "SELECT COUNT(*) FROM sentences"},
      {&c.mentions, "SELECT COUNT(*) FROM mentions"},
      {&c.events, "SELECT COUNT(*) FROM events"},
      {&c.counted_events,
       "SELECT COUNT(*) FROM events e JOIN documents d ON d.id = e.doc_id WHERE d.duplicate_of IS NULL"},
  };
  for (const auto& [out, sql] : kQueries) {
    auto q = conn_->Prepare(sql);
    if (!q.ok()) return q.status();
    auto v = QueryInt(q->get());
    if (!v.ok()) return v.status();
    *out = *v;
  }
  return c;
}

namespace {

bool WholeMonths(Date from, Date to) {
  return (from == kNoDate || from % 100 == 1) && (to == kNoDate || to % 100 == 31 || to % 100 == 0);
}

}  // namespace

Result<std::vector<DyadCell>> Store::DyadSeries(const DyadQuery& q) {
  // A month-or-coarser series over whole months reads the month table: at most 12 rows per
  // dyad, QuadClass and year, where the day table has 365.
  const bool by_month = q.period != Period::kDay && WholeMonths(q.from, q.to);
  const char* table = by_month ? "dyad_month" : "dyad_day";
  const char* col = by_month ? "month" : "day";
  const std::string period = q.period == Period::kDay ? "day"
                             : q.period == Period::kMonth
                                 ? (by_month ? "month" : "day / 100")
                                 : (by_month ? "month / 100" : "day / 10000");
  std::string where = "1 = 1";
  if (q.source != "*") where += " AND source_country = ?";
  if (q.target != "*") where += " AND target_country = ?";
  if (q.from != kNoDate) where += fmt::format(" AND {} >= ?", col);
  if (q.to != kNoDate) where += fmt::format(" AND {} <= ?", col);
  // With a source country, the months (or days) in the range are walked one by one, each
  // read from its key prefix (period, source[, target]): the tables are keyed by period first
  // (store.h). Each step finds the next stored period from the key, so gaps cost nothing.
  const bool walk = q.source != "*";
  std::string sql;
  if (walk) {
    sql = fmt::format(
        "WITH RECURSIVE periods(p) AS (SELECT MIN({1}) FROM {0} WHERE {1} >= ? UNION ALL "
        "SELECT (SELECT MIN({1}) FROM {0} WHERE {1} > p) FROM periods WHERE p < ?) "
        "SELECT {2} AS period, quad_class, SUM(n_events), SUM(goldstein_x10) FROM periods JOIN {0} ON {1} = p "
        "WHERE {3} GROUP BY {2}, quad_class ORDER BY 1, 2",
        table, col, period, where);
  } else {
    sql = fmt::format(
        "SELECT {0} AS period, quad_class, SUM(n_events), SUM(goldstein_x10) FROM {1} WHERE {2} "
        "GROUP BY {0}, quad_class ORDER BY 1, 2",
        period, table, where);
  }
  auto stmt = conn_->Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  SqlStatement* s = stmt->get();
  const int64_t from = q.from == kNoDate ? kNoDate : by_month ? q.from / 100 : q.from;
  const int64_t to = q.to == kNoDate ? kNoDate : by_month ? q.to / 100 : q.to;
  int p = 0;
  if (walk) {
    s->BindInt(++p, q.from == kNoDate ? std::numeric_limits<int32_t>::min() : from);
    s->BindInt(++p, q.to == kNoDate ? std::numeric_limits<int32_t>::max() : to);
  }
  if (q.source != "*") s->BindText(++p, q.source);
  if (q.target != "*") s->BindText(++p, q.target);
  if (q.from != kNoDate) s->BindInt(++p, from);
  if (q.to != kNoDate) s->BindInt(++p, to);
  std::vector<DyadCell> out;
  while (true) {
    auto row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back({static_cast<int32_t>(s->ColumnInt(0)), static_cast<int>(s->ColumnInt(1)),
                   s->ColumnInt(2), static_cast<double>(s->ColumnInt(3)) / 10});
  }
  return out;
}

namespace {

// Sums the rows (source, target, n_events, goldstein_x10) of `s` per dyad and returns the
// `limit` largest, ordered as TopDyads.
Result<std::vector<DyadTotal>> SumDyads(SqlStatement* s, size_t limit) {
  std::unordered_map<std::string, DyadSums> sums;  // key: source '\0' target
  std::string key;
  while (true) {
    auto row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    key.assign(s->ColumnText(0)).push_back('\0');
    key.append(s->ColumnText(1));
    DyadSums& d = sums[key];
    d.events += s->ColumnInt(2);
    d.goldstein_x10 += s->ColumnInt(3);
  }
  std::vector<DyadTotal> out;
  out.reserve(sums.size());
  for (const auto& [k, d] : sums) {
    const size_t nul = k.find('\0');
    out.push_back(
        {k.substr(0, nul), k.substr(nul + 1), d.events, static_cast<double>(d.goldstein_x10) / 10});
  }
  auto first = [](const DyadTotal& a, const DyadTotal& b) {
    return a.events != b.events ? a.events > b.events
                                : std::tie(a.source, a.target) < std::tie(b.source, b.target);
  };
  const size_t n = std::min(limit, out.size());
  std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n), out.end(), first);
  out.resize(n);
  return out;
}

}  // namespace

Result<std::vector<DyadTotal>> Store::TopDyads(Date from, Date to, size_t limit) {
  // Unbounded: the all-time totals. Else the month table over whole months, the day table
  // otherwise.
  const bool all_time = from == kNoDate && to == kNoDate;
  const bool by_month = WholeMonths(from, to);
  const char* table = all_time ? "dyad_total" : by_month ? "dyad_month" : "dyad_day";
  const char* col = by_month ? "month" : "day";
  std::string where = "source_country <> '' AND target_country <> ''";
  if (from != kNoDate) where += fmt::format(" AND {} >= ?", col);
  if (to != kNoDate) where += fmt::format(" AND {} <= ?", col);
  // Over a range, SQLite would group by sorting every row of it into a temporary B-tree (1.5 s
  // for 15 years of 10M events, store_bench): its rows are summed here instead, in a hash map,
  // as PostgreSQL does by itself.
  const bool sum_here = !all_time && dialect() == SqlDialect::kSqlite;
  auto stmt = conn_->Prepare(
      sum_here
          ? fmt::format(
                "SELECT source_country, target_country, n_events, goldstein_x10 FROM {} WHERE {}",
                table, where)
          : fmt::format(
                "SELECT source_country, target_country, SUM(n_events), SUM(goldstein_x10) FROM {} "
                "WHERE {} GROUP BY source_country, target_country ORDER BY 3 DESC, 1, 2 LIMIT ?",
                table, where));
  if (!stmt.ok()) return stmt.status();
  SqlStatement* s = stmt->get();
  int p = 0;
  if (from != kNoDate) s->BindInt(++p, by_month ? from / 100 : from);
  if (to != kNoDate) s->BindInt(++p, by_month ? to / 100 : to);
  if (sum_here) return SumDyads(s, limit);
  s->BindInt(++p, static_cast<int64_t>(limit));
  std::vector<DyadTotal> out;
  while (true) {
    auto row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back({std::string(s->ColumnText(0)), std::string(s->ColumnText(1)), s->ColumnInt(2),
                   static_cast<double>(s->ColumnInt(3)) / 10});
  }
  return out;
}

Status Store::ForEachEvent(bool include_duplicates,
                           const std::function<bool(const StoredEvent&)>& fn) {
  // The near-duplicates of each original, in id order: the original's extra sources.
  std::unordered_map<int64_t, std::vector<std::pair<std::string, std::string>>> extra;
  {
    auto q = conn_->Prepare(
        "SELECT duplicate_of, source, url FROM documents WHERE duplicate_of IS NOT NULL ORDER BY id");
    if (!q.ok()) return q.status();
    while (true) {
      auto row = (*q)->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      extra[(*q)->ColumnInt(0)].emplace_back((*q)->ColumnText(1), (*q)->ColumnText(2));
    }
  }
  auto q = conn_->Prepare(
      std::string(
          "SELECT e.id, e.doc_id, e.sentence_idx, e.date, e.source, e.target, e.code, e.root_code, e.quad_class, "
          "e.goldstein, e.source_text, e.target_text, e.verb, e.pattern, e.date_text, e.pattern_line, "
          "e.verb_token, d.doc_key, s.sentence_key, d.source, d.url, d.date_inferred, COALESCE(d.duplicate_of, 0), "
          "e.source_char_begin, e.source_char_end, e.target_char_begin, e.target_char_end "
          "FROM events e JOIN documents d ON d.id = e.doc_id "
          "JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx") +
      (include_duplicates ? "" : " WHERE d.duplicate_of IS NULL") + " ORDER BY e.id");
  if (!q.ok()) return q.status();
  SqlStatement* s = q->get();
  StoredEvent ev;
  while (true) {
    auto row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ev.id = s->ColumnInt(0);
    ev.doc_id = s->ColumnInt(1);
    ev.sentence_idx = static_cast<int32_t>(s->ColumnInt(2));
    ev.date = static_cast<Date>(s->ColumnInt(3));
    ev.source = s->ColumnText(4);
    ev.target = s->ColumnText(5);
    ev.code = s->ColumnText(6);
    ev.root_code = s->ColumnText(7);
    ev.quad_class = static_cast<int>(s->ColumnInt(8));
    ev.goldstein = s->ColumnDouble(9);
    ev.source_text = s->ColumnText(10);
    ev.target_text = s->ColumnText(11);
    ev.verb = s->ColumnText(12);
    ev.pattern = s->ColumnText(13);
    ev.date_text = s->ColumnText(14);
    ev.pattern_line = static_cast<int>(s->ColumnInt(15));
    ev.verb_token = static_cast<int>(s->ColumnInt(16));
    ev.doc_key = s->ColumnText(17);
    ev.sentence_key = s->ColumnText(18);
    ev.doc_source = s->ColumnText(19);
    ev.url = s->ColumnText(20);
    ev.date_inferred = s->ColumnInt(21) != 0;
    ev.duplicate_of = s->ColumnInt(22);
    int64_t* const offsets[] = {&ev.source_char_begin, &ev.source_char_end,
                                &ev.target_char_begin, &ev.target_char_end};
    for (int k = 0; k < 4; ++k) *offsets[k] = s->IsNull(23 + k) ? -1 : s->ColumnInt(23 + k);
    ev.extra_sources.clear();
    ev.extra_urls.clear();
    if (auto it = extra.find(ev.doc_id); it != extra.end()) {
      for (const auto& [src, url] : it->second) {
        ev.extra_sources.push_back(src);
        ev.extra_urls.push_back(url);
      }
    }
    if (!fn(ev)) break;
  }
  s->Reset();
  return Status::Ok();
}

}  // namespace thaw
