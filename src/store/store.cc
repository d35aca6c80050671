#include "store/store.h"

#include <fmt/format.h>

#include <unordered_map>

#include "ontology/cameo.h"
#include "store/country.h"
#include "store/fingerprint.h"

namespace thaw {
namespace {

constexpr int kSchemaVersion = 1;

// The schema, once for both dialects. An actor mention is stored in its event's row (with
// token and byte ranges) and `mentions` is a view: one insert per event instead of three,
// which is most of ingest's speed (store_bench). dyad_day is keyed by day first, so that
// ingesting news in date order appends to it; dyad_month by dyad first, so that a dyad's
// series is one range read. A document's events have the consecutive ids
// [first_event, first_event + n_events), so events need no index on doc_id. Differences: PostgreSQL's 64-bit integer and double
// type names, bytea, byte-order text collation (SQLite's default), and SQLite's clustered
// WITHOUT ROWID tables for composite keys. Goldstein sums are kept in integer tenths (every
// CAMEO score has one decimal) so that sums are exact and both databases agree to the bit
// whatever order they add in.
std::string SchemaSql(SqlDialect d) {
  const bool pg = d == SqlDialect::kPostgres;
  return fmt::format(
      R"(CREATE TABLE IF NOT EXISTS thaw_meta(key {T} PRIMARY KEY, value {T} NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
  id {I} PRIMARY KEY, content_hash {T} NOT NULL UNIQUE, doc_key {T} NOT NULL, title {T} NOT NULL,
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
  PRIMARY KEY(source_country, target_country, month, quad_class)){W};
)",
      fmt::arg("I", pg ? "BIGINT" : "INTEGER"), fmt::arg("T", pg ? "TEXT COLLATE \"C\"" : "TEXT"),
      fmt::arg("R", pg ? "DOUBLE PRECISION" : "REAL"), fmt::arg("B", pg ? "BYTEA" : "BLOB"),
      fmt::arg("W", pg ? "" : " WITHOUT ROWID"),
      fmt::arg("V", pg ? "CREATE OR REPLACE VIEW" : "CREATE VIEW IF NOT EXISTS"));
}

// Adds the events with id >= ? of original documents to a dyad table, by `period`.
std::string UpsertAggregateSql(const char* table, const char* column, const char* period, const char* key) {
  return fmt::format(
      "INSERT INTO {0}(source_country, target_country, {1}, quad_class, n_events, goldstein_x10) "
      "SELECT e.source_country, e.target_country, {2}, e.quad_class, COUNT(*), "
      "SUM(CAST(ROUND(e.goldstein * 10) AS BIGINT)) FROM events e JOIN documents d ON d.id = e.doc_id "
      "WHERE e.id >= ? AND d.duplicate_of IS NULL GROUP BY e.source_country, e.target_country, {2}, e.quad_class "
      "ON CONFLICT({3}) DO UPDATE SET "
      "n_events = {0}.n_events + excluded.n_events, goldstein_x10 = {0}.goldstein_x10 + excluded.goldstein_x10",
      table, column, period, key);
}

}  // namespace

struct Store::Statements {
  std::unique_ptr<SqlStatement> contains, max_doc, max_event, new_minhashes, minhash_of, insert_doc,
      insert_sentence, insert_event, upsert_day, upsert_month;
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

Status Store::Init() {
  // Creating the schema is a write: under the writer lock, so two first ingests do not race.
  Status s = conn_->BeginWrite();
  if (!s.ok()) return s;
  s = conn_->Exec(SchemaSql(conn_->dialect()));
  if (s.ok()) {
    s = conn_->Exec(fmt::format(
        "INSERT INTO thaw_meta(key, value) VALUES('schema_version', '{}') ON CONFLICT DO NOTHING", kSchemaVersion));
  }
  if (!s.ok()) {
    conn_->Exec("ROLLBACK");
    return s;
  }
  s = conn_->Exec("COMMIT");
  if (!s.ok()) return s;
  {
    auto v = conn_->Prepare("SELECT value FROM thaw_meta WHERE key = 'schema_version'");
    if (!v.ok()) return v.status();
    auto row = (*v)->Step();
    if (!row.ok()) return row.status();
    const std::string version(*row ? (*v)->ColumnText(0) : "");
    if (version != std::to_string(kSchemaVersion)) {
      return Status::Corruption(fmt::format("store has schema version '{}', this thaw reads version {}", version,
                                            kSchemaVersion));
    }
  }
  st_ = std::make_unique<Statements>();
  const std::string day_sql =
      UpsertAggregateSql("dyad_day", "day", "e.date", "day, source_country, target_country, quad_class");
  const std::string month_sql = UpsertAggregateSql("dyad_month", "month", "e.date / 100",
                                                   "source_country, target_country, month, quad_class");
  struct {
    std::unique_ptr<SqlStatement>* stmt;
    const char* sql;
  } const kStatements[] = {
      {&st_->contains, "SELECT id FROM documents WHERE content_hash = ?"},
      {&st_->max_doc, "SELECT COALESCE(MAX(id), 0) FROM documents"},
      {&st_->max_event, "SELECT COALESCE(MAX(id), 0) FROM events"},
      {&st_->new_minhashes,
       "SELECT id, minhash FROM documents WHERE id > ? AND duplicate_of IS NULL AND minhash IS NOT NULL ORDER BY id"},
      {&st_->minhash_of, "SELECT minhash FROM documents WHERE id = ?"},
      {&st_->insert_doc,
       "INSERT INTO documents(id, content_hash, doc_key, title, source, url, origin, date, date_inferred, text, "
       "minhash, duplicate_of, similarity, n_sentences, first_event, n_events, story_discarded) "
       "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
      {&st_->insert_sentence,
       "INSERT INTO sentences(doc_id, idx, sentence_key, text, doc_offset, date) VALUES(?, ?, ?, ?, ?, ?)"},
      {&st_->insert_event,
       "INSERT INTO events(id, doc_id, sentence_idx, date, source, target, code, root_code, quad_class, goldstein, "
       "source_country, target_country, verb, verb_token, pattern, pattern_line, date_text, source_text, "
       "source_token_begin, source_token_end, source_char_begin, source_char_end, target_text, target_token_begin, "
       "target_token_end, target_char_begin, target_char_end) "
       "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
      {&st_->upsert_day, day_sql.c_str()},
      {&st_->upsert_month, month_sql.c_str()},
  };
  for (const auto& s : kStatements) {
    auto p = conn_->Prepare(s.sql);
    if (!p.ok()) return p.status();
    *s.stmt = std::move(*p);
  }
  return Status::Ok();
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

}  // namespace

Result<bool> Store::Contains(const std::string& hash) {
  st_->contains->BindText(1, hash);
  auto id = QueryInt(st_->contains.get(), -1);
  if (!id.ok()) return id.status();
  return *id >= 0;
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
    // The index may hold documents that were rolled back: rebuild it on the next batch.
    lsh_.Clear();
    lsh_through_ = 0;
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

  const int64_t first_event = *event_id + 1;
  Status s;
  // The LSH index holds the originals up to lsh_through_; file those stored since (all of
  // them on the first batch, then whatever other processes stored between our batches).
  if (*doc_id < lsh_through_) {  // the store was emptied behind our back
    lsh_.Clear();
    lsh_through_ = 0;
  }
  st.new_minhashes->BindInt(1, lsh_through_);
  while (true) {
    auto row = st.new_minhashes->Step();
    if (!row.ok()) {
      st.new_minhashes->Reset();
      return row.status();
    }
    if (!*row) break;
    MinHash stored;
    if (MinHash::Parse(st.new_minhashes->ColumnBlob(1), &stored)) lsh_.Add(stored, st.new_minhashes->ColumnInt(0));
  }
  st.new_minhashes->Reset();
  lsh_through_ = *doc_id;
  std::vector<int64_t> candidates;
  for (CodedDocument& cd : *batch) {
    const Document& doc = cd.doc;
    st.contains->BindText(1, cd.hash);
    auto existing = QueryInt(st.contains.get(), -1);
    if (!existing.ok()) return existing.status();
    if (*existing >= 0) {
      ++stats->already_stored;
      continue;
    }
    const int64_t id = ++*doc_id;

    // Near-duplicate: the most similar original sharing an LSH band, if similar enough.
    const MinHash mh = doc.text.empty() ? ComputeMinHash(DocumentText(doc)) : ComputeMinHash(doc.text);
    int64_t original = 0;
    double best = 0;
    if (mh.valid) {
      lsh_.Candidates(mh, &candidates);
      // The most similar candidate wins; the earliest stored on a tie.
      for (int64_t cand : candidates) {
        st.minhash_of->BindInt(1, cand);
        auto row = st.minhash_of->Step();
        if (!row.ok()) return row.status();
        MinHash other;
        const bool parsed = *row && MinHash::Parse(st.minhash_of->ColumnBlob(0), &other);
        st.minhash_of->Reset();
        if (!parsed) continue;
        const double sim = mh.Similarity(other);
        if (sim >= kNearDuplicateSimilarity && sim > best) {
          best = sim;
          original = cand;
        }
      }
    }

    size_t n_events = 0;
    for (const auto& v : cd.events) n_events += v.size();
    SqlStatement* d = st.insert_doc.get();
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
    const std::string signature = mh.valid ? mh.Serialize() : std::string();  // bound, not copied
    if (mh.valid) d->BindBlob(11, signature); else d->BindNull(11);
    if (original) d->BindInt(12, original); else d->BindNull(12);
    if (original) d->BindDouble(13, best); else d->BindNull(13);
    d->BindInt(14, static_cast<int64_t>(doc.sentences.size()));
    d->BindInt(15, *event_id + 1);
    d->BindInt(16, static_cast<int64_t>(n_events));
    d->BindInt(17, cd.story_discarded);
    if (!(s = Run(d)).ok()) return s;

    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      const Sentence& sent = doc.sentences[i];
      SqlStatement* q = st.insert_sentence.get();
      q->BindInt(1, id);
      q->BindInt(2, static_cast<int64_t>(i));
      q->BindText(3, sent.id);
      q->BindText(4, sent.text);
      if (sent.doc_offset != kNoOffset) q->BindInt(5, sent.doc_offset); else q->BindNull(5);
      q->BindInt(6, sent.date != kNoDate ? sent.date : doc.date);
      if (!(s = Run(q)).ok()) return s;
      if (i >= cd.events.size()) continue;

      // Byte offsets of a mention in the document, when the input gave them.
      auto bind_mention = [&](SqlStatement* q, int col, int32_t begin, int32_t end, std::string_view text) {
        q->BindText(col, text);
        if (begin < 0 || end <= begin) {
          for (int k = 1; k <= 4; ++k) q->BindNull(col + k);
          return;
        }
        q->BindInt(col + 1, begin);
        q->BindInt(col + 2, end);
        if (sent.doc_offset != kNoOffset && static_cast<size_t>(end) <= sent.tokens.size() &&
            sent.tokens[begin].char_begin != kNoOffset && sent.tokens[end - 1].char_end != kNoOffset) {
          q->BindInt(col + 3, int64_t{sent.doc_offset} + sent.tokens[begin].char_begin);
          q->BindInt(col + 4, int64_t{sent.doc_offset} + sent.tokens[end - 1].char_end);
        } else {
          q->BindNull(col + 3);
          q->BindNull(col + 4);
        }
      };

      for (const Event& e : cd.events[i]) {
        const CodeInfo info = DescribeEventCode(e.code);
        const Date date = e.date != kNoDate ? e.date : sent.date != kNoDate ? sent.date : doc.date;
        const std::string_view sc = ActorCountry(e.source), tc = ActorCountry(e.target);
        SqlStatement* q2 = st.insert_event.get();
        q2->BindInt(1, ++*event_id);
        q2->BindInt(2, id);
        q2->BindInt(3, static_cast<int64_t>(i));
        q2->BindInt(4, date);
        q2->BindText(5, e.source);
        q2->BindText(6, e.target);
        q2->BindText(7, e.code);
        q2->BindText(8, info.root);
        q2->BindInt(9, static_cast<int>(info.quad_class));
        q2->BindDouble(10, info.goldstein);
        q2->BindText(11, sc);
        q2->BindText(12, tc);
        q2->BindText(13, e.verb);
        q2->BindInt(14, e.verb_token);
        q2->BindText(15, e.pattern);
        q2->BindInt(16, e.pattern_line);
        q2->BindText(17, e.date_text);
        bind_mention(q2, 18, e.source_begin, e.source_end, e.source_text);
        bind_mention(q2, 23, e.target_begin, e.target_end, e.target_text);
        if (!(s = Run(q2)).ok()) return s;
        ++stats->events;
      }
    }

    if (original == 0 && mh.valid) lsh_.Add(mh, id);
    lsh_through_ = id;
    ++stats->stored;
    if (original != 0) ++stats->near_duplicates;
  }

  // Aggregates: the batch's counted events, grouped inside the database (one statement per
  // table instead of one upsert per cell from here: a third of ingest time, store_bench).
  for (SqlStatement* u : {st.upsert_day.get(), st.upsert_month.get()}) {
    u->BindInt(1, first_event);
    if (!(s = Run(u)).ok()) return s;
  }
  return Status::Ok();
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
  const std::string period = q.period == Period::kDay     ? "day"
                             : q.period == Period::kMonth ? (by_month ? "month" : "day / 100")
                                                          : (by_month ? "month / 100" : "day / 10000");
  std::string where = "1 = 1";
  if (q.source != "*") where += " AND source_country = ?";
  if (q.target != "*") where += " AND target_country = ?";
  if (q.from != kNoDate) where += fmt::format(" AND {} >= ?", col);
  if (q.to != kNoDate) where += fmt::format(" AND {} <= ?", col);
  auto stmt = conn_->Prepare(fmt::format(
      "SELECT {0} AS period, quad_class, SUM(n_events), SUM(goldstein_x10) FROM {1} WHERE {2} "
      "GROUP BY {0}, quad_class ORDER BY 1, 2",
      period, table, where));
  if (!stmt.ok()) return stmt.status();
  SqlStatement* s = stmt->get();
  int p = 0;
  if (q.source != "*") s->BindText(++p, q.source);
  if (q.target != "*") s->BindText(++p, q.target);
  if (q.from != kNoDate) s->BindInt(++p, by_month ? q.from / 100 : q.from);
  if (q.to != kNoDate) s->BindInt(++p, by_month ? q.to / 100 : q.to);
  std::vector<DyadCell> out;
  while (true) {
    auto row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back({static_cast<int32_t>(s->ColumnInt(0)), static_cast<int>(s->ColumnInt(1)), s->ColumnInt(2),
                   static_cast<double>(s->ColumnInt(3)) / 10});
  }
  return out;
}

Result<std::vector<DyadTotal>> Store::TopDyads(Date from, Date to, size_t limit) {
  const bool by_month = WholeMonths(from, to);
  const char* table = by_month ? "dyad_month" : "dyad_day";
  const char* col = by_month ? "month" : "day";
  std::string where = "source_country <> '' AND target_country <> ''";
  if (from != kNoDate) where += fmt::format(" AND {} >= ?", col);
  if (to != kNoDate) where += fmt::format(" AND {} <= ?", col);
  auto stmt = conn_->Prepare(fmt::format(
      "SELECT source_country, target_country, SUM(n_events), SUM(goldstein_x10) FROM {} WHERE {} "
      "GROUP BY source_country, target_country ORDER BY 3 DESC, 1, 2 LIMIT ?",
      table, where));
  if (!stmt.ok()) return stmt.status();
  SqlStatement* s = stmt->get();
  int p = 0;
  if (from != kNoDate) s->BindInt(++p, by_month ? from / 100 : from);
  if (to != kNoDate) s->BindInt(++p, by_month ? to / 100 : to);
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

Status Store::ForEachEvent(bool include_duplicates, const std::function<bool(const StoredEvent&)>& fn) {
  // The near-duplicates of each original, in id order: the original's extra sources.
  std::unordered_map<int64_t, std::vector<std::pair<std::string, std::string>>> extra;
  {
    auto q = conn_->Prepare("SELECT duplicate_of, source, url FROM documents WHERE duplicate_of IS NOT NULL ORDER BY id");
    if (!q.ok()) return q.status();
    while (true) {
      auto row = (*q)->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      extra[(*q)->ColumnInt(0)].emplace_back((*q)->ColumnText(1), (*q)->ColumnText(2));
    }
  }
  auto q = conn_->Prepare(std::string(
      "SELECT e.id, e.doc_id, e.sentence_idx, e.date, e.source, e.target, e.code, e.root_code, e.quad_class, "
      "e.goldstein, e.source_text, e.target_text, e.verb, e.pattern, e.date_text, e.pattern_line, "
      "e.verb_token, d.doc_key, s.sentence_key, d.source, d.url, d.date_inferred, COALESCE(d.duplicate_of, 0) "
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
