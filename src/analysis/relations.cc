#include "analysis/relations.h"

#include <algorithm>
#include <map>

#include "store/country.h"

namespace thaw {
namespace {

bool IsCountryArg(const std::string& s) { return s.size() == 3 && IsCountryCode(s); }

// Adds the store's cells of one direction to `rows` (keyed by period of `p`).
void AddCells(const std::vector<DyadCell>& cells, Period stored, SeriesPeriod p,
              std::map<int32_t, PeriodCounts>* rows) {
  for (const DyadCell& c : cells) {
    const int32_t day = stored == Period::kDay     ? c.period
                        : stored == Period::kMonth ? c.period * 100 + 1
                                                   : c.period * 10000 + 101;
    PeriodCounts& r = (*rows)[PeriodOf(day, p)];
    r.period = PeriodOf(day, p);
    r.events += c.events;
    r.quad[c.quad_class >= 1 && c.quad_class <= 4 ? c.quad_class : 0] += c.events;
    r.goldstein_sum += c.goldstein_sum;
  }
}

// Events of one direction read row by row (actor-code prefixes).
Status AddEventRows(Store* store, const std::string& src, const std::string& tgt, const DyadSpec& d,
                    std::map<int32_t, PeriodCounts>* rows) {
  auto q = store->connection()->Prepare(
      "SELECT e.date, e.quad_class, e.goldstein FROM events e JOIN documents d ON d.id = e.doc_id "
      "WHERE d.duplicate_of IS NULL AND e.source LIKE ? AND e.target LIKE ? AND e.date >= ? AND e.date <= ? "
      "AND e.date > 0");
  if (!q.ok()) return q.status();
  const std::string sp = src + "%", tp = tgt + "%";
  (*q)->BindText(1, sp);
  (*q)->BindText(2, tp);
  (*q)->BindInt(3, d.from == kNoDate ? 0 : d.from);
  (*q)->BindInt(4, d.to == kNoDate ? 99991231 : d.to);
  while (true) {
    auto more = (*q)->Step();
    if (!more.ok()) return more.status();
    if (!*more) break;
    const auto day = static_cast<int32_t>((*q)->ColumnInt(0));
    PeriodCounts& r = (*rows)[PeriodOf(day, d.period)];
    r.period = PeriodOf(day, d.period);
    ++r.events;
    const auto quad = (*q)->ColumnInt(1);
    ++r.quad[quad >= 1 && quad <= 4 ? quad : 0];
    r.goldstein_sum += (*q)->ColumnDouble(2);
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<PeriodCounts>> LoadDyadSeries(Store* store, const DyadSpec& d) {
  std::map<int32_t, PeriodCounts> rows;
  std::vector<std::pair<std::string, std::string>> directions{{d.a, d.b}};
  if (!d.directed && d.a != d.b) directions.push_back({d.b, d.a});
  for (const auto& [src, tgt] : directions) {
    if (IsCountryArg(src) && IsCountryArg(tgt)) {
      DyadQuery q;
      q.source = src;
      q.target = tgt;
      q.from = d.from;
      q.to = d.to;
      q.period = d.period == SeriesPeriod::kWeek ? Period::kDay : Period::kMonth;
      auto cells = store->DyadSeries(q);
      if (!cells.ok()) return cells.status();
      AddCells(*cells, q.period, d.period, &rows);
    } else if (Status s = AddEventRows(store, src, tgt, d, &rows); !s.ok()) {
      return s;
    }
  }
  std::vector<PeriodCounts> series;
  for (auto& [period, r] : rows) {
    if (period > 0) series.push_back(r);
  }
  const int32_t from = d.from == kNoDate ? 0 : PeriodOf(d.from, d.period);
  const int32_t to = d.to == kNoDate ? 0 : PeriodOf(d.to, d.period);
  return FillGaps(series, d.period, from, to);
}

Result<std::vector<EvidenceEvent>> LoadEvidence(Store* store, const DyadSpec& d, bool warmer,
                                                size_t limit) {
  std::string sql =
      "SELECT e.date, e.source, e.target, e.code, e.goldstein, d.doc_key, s.text FROM events e "
      "JOIN documents d ON d.id = e.doc_id JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx "
      "WHERE d.duplicate_of IS NULL AND e.date >= ? AND e.date <= ? AND "
      "((e.source LIKE ? AND e.target LIKE ?)";
  if (!d.directed) sql += " OR (e.source LIKE ? AND e.target LIKE ?)";
  sql +=
      std::string(") ORDER BY e.goldstein ") + (warmer ? "DESC" : "ASC") + ", e.date, e.id LIMIT ?";
  auto q = store->connection()->Prepare(sql);
  if (!q.ok()) return q.status();
  const std::string a = d.a + "%", b = d.b + "%";
  int k = 1;
  (*q)->BindInt(k++, d.from == kNoDate ? 0 : d.from);
  (*q)->BindInt(k++, d.to == kNoDate ? 99991231 : d.to);
  (*q)->BindText(k++, a);
  (*q)->BindText(k++, b);
  if (!d.directed) {
    (*q)->BindText(k++, b);
    (*q)->BindText(k++, a);
  }
  (*q)->BindInt(k, static_cast<int64_t>(limit));
  std::vector<EvidenceEvent> out;
  while (true) {
    auto more = (*q)->Step();
    if (!more.ok()) return more.status();
    if (!*more) break;
    EvidenceEvent e;
    e.date = static_cast<Date>((*q)->ColumnInt(0));
    e.source = (*q)->ColumnText(1);
    e.target = (*q)->ColumnText(2);
    e.code = (*q)->ColumnText(3);
    e.goldstein = (*q)->ColumnDouble(4);
    e.doc_key = (*q)->ColumnText(5);
    e.sentence = (*q)->ColumnText(6);
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<ActorActivity>> LoadActorActivity(Store* store, Date from, Date to,
                                                     size_t limit) {
  // Countries from the month aggregates when the range is open; else (and for actors with no
  // country) from the events.
  std::map<std::string, ActorActivity> by;
  for (int side = 0; side < 2; ++side) {
    const std::string col = side == 0 ? "source" : "target";
    auto q = store->connection()->Prepare(
        "SELECT CASE WHEN e." + col + "_country <> '' THEN e." + col + "_country ELSE e." + col +
        " END AS actor, COUNT(*), SUM(e.goldstein) FROM events e JOIN documents d ON d.id = e.doc_id "
        "WHERE d.duplicate_of IS NULL AND e.date >= ? AND e.date <= ? GROUP BY actor");
    if (!q.ok()) return q.status();
    (*q)->BindInt(1, from == kNoDate ? 0 : from);
    (*q)->BindInt(2, to == kNoDate ? 99991231 : to);
    while (true) {
      auto more = (*q)->Step();
      if (!more.ok()) return more.status();
      if (!*more) break;
      ActorActivity& a = by[std::string((*q)->ColumnText(0))];
      a.code = (*q)->ColumnText(0);
      (side == 0 ? a.as_source : a.as_target) += (*q)->ColumnInt(1);
      a.goldstein_sum += (*q)->ColumnDouble(2);
    }
  }
  std::vector<ActorActivity> out;
  for (auto& [code, a] : by) {
    if (code != "---") out.push_back(a);
  }
  std::sort(out.begin(), out.end(), [](const ActorActivity& x, const ActorActivity& y) {
    const int64_t nx = x.as_source + x.as_target, ny = y.as_source + y.as_target;
    return nx != ny ? nx > ny : x.code < y.code;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace thaw
