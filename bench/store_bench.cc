// store_bench: ingest throughput and analysis-query latency of the event store on a generated
// corpus. Writes N events (default 1,000,000; the acceptance figure is --events 10000000) as
// documents of ~8 events dated in ingest order over 2000-2023 (an archive read in date order;
// a fifth of events dated up to a month before their document), 150 countries with Zipf-like
// frequencies, agents and non-state actors, 1% near-duplicate republications; then times the
// queries the analysis commands make: one dyad's monthly and daily series over the whole range
// (`thaw dyad`), the all-dyad monthly series, and the top dyads over all time, 15 years and 6 weeks
// (`thaw top`).
//   store_bench [--events N] [--db PATH|postgresql://...] [--batch DOCS] [--keep]
// Without --db the store is a fresh SQLite file in $TMPDIR, removed afterwards unless --keep.
// With --db naming an existing store, ingest is skipped and only the queries run.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "ontology/cameo.h"
#include "store/store.h"

namespace thaw {
namespace {

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// CPU seconds (user + system) this process has used: on a shared machine, events per CPU
// second compare runs that wall time cannot.
double CpuNow() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto secs = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return secs(u.ru_utime) + secs(u.ru_stime);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    s_ ^= s_ << 13;
    s_ ^= s_ >> 7;
    s_ ^= s_ << 17;
    return s_;
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  // Zipf-like over [0, n): index ~ n^u - 1 for uniform u, so small indexes are frequent.
  size_t Skewed(size_t n) {
    const double u = static_cast<double>(Next() >> 11) / 9007199254740992.0;
    return std::min(n - 1, static_cast<size_t>(std::pow(static_cast<double>(n) + 1, u)) - 1);
  }

 private:
  uint64_t s_;
};

const char* kCountries[] = {
    "USA", "CHN", "RUS", "GBR", "FRA", "DEU", "ISR", "IRN", "UKR", "IND", "PAK", "JPN", "KOR",
    "PRK", "SYR", "TUR", "IRQ", "AFG", "SAU", "EGY", "ITA", "ESP", "CAN", "AUS", "BRA", "MEX",
    "NGA", "ZAF", "KEN", "ETH", "SDN", "SSD", "LBY", "YEM", "LBN", "JOR", "PSE", "QAT", "ARE",
    "KWT", "OMN", "BHR", "VNM", "THA", "MMR", "PHL", "IDN", "MYS", "SGP", "TWN", "MNG", "KAZ",
    "UZB", "TKM", "KGZ", "TJK", "AZE", "ARM", "GEO", "BLR", "POL", "CZE", "SVK", "HUN", "ROU",
    "BGR", "SRB", "HRV", "BIH", "ALB", "GRC", "CYP", "MLT", "PRT", "IRL", "NLD", "BEL", "LUX",
    "CHE", "AUT", "SWE", "NOR", "DNK", "FIN", "EST", "LVA", "LTU", "MDA", "ISL", "ARG", "CHL",
    "PER", "COL", "VEN", "ECU", "BOL", "PRY", "URY", "CUB", "HTI", "DOM", "JAM", "GTM", "HND",
    "SLV", "NIC", "CRI", "PAN", "MAR", "DZA", "TUN", "MLI", "NER", "TCD", "CMR", "COD", "COG",
    "CAF", "UGA", "RWA", "BDI", "TZA", "MOZ", "ZWE", "ZMB", "AGO", "NAM", "BWA", "SOM", "ERI",
    "DJI", "SEN", "GHA", "CIV", "LBR", "SLE", "GIN", "BFA", "BGD", "LKA", "NPL", "BTN", "KHM",
    "LAO", "NZL", "FJI", "PNG", "KSV", "MKD", "MNE"};
const char* kAgents[] = {"",    "",    "",    "GOV", "GOV", "MIL", "OPP",
                         "REB", "BUS", "MED", "CVL", "JUD", "LEG"};
const char* kOther[] = {"IGOUNO", "IGOEUREEC", "NGO", "---", "IGOAFR", "MNCUSA"};
const char* kWords[] = {
    "the",        "minister",  "said",      "talks",  "on",        "forces",    "border",
    "government", "agreement", "security",  "aid",    "officials", "president", "meeting",
    "attack",     "troops",    "sanctions", "trade",  "election",  "protest",   "capital",
    "region",     "foreign",   "defence",   "police", "report",    "statement", "week",
    "leaders",    "summit",    "ceasefire", "deal",   "crisis"};

std::string Actor(Rng& r) {
  if (r.Below(10) == 0) return kOther[r.Below(std::size(kOther))];
  return std::string(kCountries[r.Skewed(std::size(kCountries))]) +
         kAgents[r.Below(std::size(kAgents))];
}

// The n-th of `total` documents falls on day n/total of 2000-01-01..2023-12-28 (28-day months
// keep the arithmetic simple); `back` days earlier for events dated before their story.
Date DocumentDate(int64_t n, int64_t total, int back = 0) {
  int64_t day = std::max<int64_t>(0, n * (24 * 12 * 28) / std::max<int64_t>(total, 1) - back);
  day = std::min<int64_t>(day, 24 * 12 * 28 - 1);
  return static_cast<Date>((2000 + day / (12 * 28)) * 10000 + (1 + day / 28 % 12) * 100 + 1 +
                           day % 28);
}

// One generated document: 6 sentences of 14 words, 0-2 events per sentence (4 on average
// with the 2/3 weighting), or a republication of `previous` under another id.
CodedDocument MakeDocument(Rng& r, int64_t n, int64_t total,
                           const std::vector<std::string_view>& codes,
                           const CodedDocument* previous) {
  CodedDocument cd;
  cd.doc.id = "gen-" + std::to_string(n);
  cd.doc.source = "wire";
  cd.doc.url = "http://bench.example/" + std::to_string(n);
  if (previous != nullptr && r.Below(100) == 0) {
    cd.doc.text = "CITY (Other) - " + previous->doc.text;
    cd.doc.date = previous->doc.date;
    cd.doc.sentences = previous->doc.sentences;
    cd.events = previous->events;
    return cd;
  }
  cd.doc.date = DocumentDate(n, total);
  for (int s = 0; s < 6; ++s) {
    Sentence sent;
    sent.id = cd.doc.id + "-" + std::to_string(s + 1);
    sent.doc_offset = static_cast<uint32_t>(cd.doc.text.size());
    for (int w = 0; w < 14; ++w) {
      if (w) sent.text += ' ';
      sent.text +=
          r.Below(4) == 0 ? std::to_string(r.Below(100000)) : kWords[r.Below(std::size(kWords))];
    }
    sent.text += '.';
    cd.doc.text += sent.text;
    cd.doc.text += ' ';
    sent.date = cd.doc.date;
    std::vector<Event> events;
    const size_t k = r.Below(3) + (r.Below(3) == 0);  // 0..3, mean 1.33: ~8 events per 6 sentences
    for (size_t e = 0; e < k; ++e) {
      Event ev;
      ev.source = Actor(r);
      ev.target = Actor(r);
      ev.code = codes[r.Skewed(codes.size())];
      ev.verb = "said";
      ev.pattern = "[default]";
      ev.pattern_line = static_cast<int>(r.Below(5000));
      ev.verb_token = 2;
      ev.source_text = ev.source;
      ev.target_text = ev.target;
      ev.source_begin = 0;
      ev.source_end = 2;
      ev.target_begin = 4;
      ev.target_end = 6;
      if (r.Below(5) == 0) ev.date = DocumentDate(n, total, static_cast<int>(r.Below(28)));
      events.push_back(std::move(ev));
    }
    cd.doc.sentences.push_back(std::move(sent));
    cd.events.push_back(std::move(events));
  }
  return cd;
}

template <typename Fn>
double TimeBest(int runs, Fn fn) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    const double t = Now();
    fn();
    best = std::min(best, Now() - t);
  }
  return best;
}

int Main(int argc, char** argv) {
  int64_t target_events = 1000000;
  size_t batch_docs = 5000;
  std::string db;
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--events" && i + 1 < argc) target_events = std::atoll(argv[++i]);
    else if (a == "--db" && i + 1 < argc) db = argv[++i];
    else if (a == "--batch" && i + 1 < argc)
      batch_docs = static_cast<size_t>(std::atoll(argv[++i]));
    else if (a == "--keep") keep = true;
    else {
      std::fprintf(stderr,
                   "usage: store_bench [--events N] [--db PATH|URL] [--batch DOCS] [--keep]\n");
      return 2;
    }
  }
  const bool temp = db.empty();
  if (temp) {
    db = (std::filesystem::temp_directory_path() /
          ("thaw_store_bench_" + std::to_string(getpid()) + ".db"))
             .string();
  }
  const bool existing = !temp && !IsPostgresUrl(db) && std::filesystem::exists(db);
  auto store = Store::Open(db);
  if (!store.ok()) {
    std::fprintf(stderr, "store_bench: %s\n", store.status().message().c_str());
    return 1;
  }
  std::vector<std::string_view> codes;
  for (const CameoCode& c : AllCameoCodes()) codes.push_back(c.code);

  if (!existing) {
    Rng rng(20240619);
    WriteStats stats;
    double write_secs = 0, write_cpu = 0, gen_secs = 0;
    int64_t n = 0;
    std::vector<CodedDocument> batch;
    double last_report = Now();
    while (static_cast<int64_t>(stats.events) < target_events) {
      double t = Now();
      batch.clear();
      while (batch.size() < batch_docs) {
        batch.push_back(MakeDocument(rng, n, target_events / 8, codes,
                                     batch.empty() ? nullptr : &batch.back()));
        ++n;
      }
      gen_secs += Now() - t;
      t = Now();
      const double cpu = CpuNow();
      Status s = (*store)->Write(&batch, &stats);
      write_cpu += CpuNow() - cpu;
      write_secs += Now() - t;
      if (!s.ok()) {
        std::fprintf(stderr, "store_bench: %s\n", s.message().c_str());
        return 1;
      }
      if (Now() - last_report > 30) {
        std::fprintf(stderr, "  %zu events, %.0f events/s\n", stats.events,
                     stats.events / write_secs);
        last_report = Now();
      }
    }
    std::printf(
        "ingest: %zu documents (%zu near-duplicates), %zu events in %.1f s of writing (+%.1f s generating): "
        "%.0f events/s, %.0f documents/s\n",
        stats.stored, stats.near_duplicates, stats.events, write_secs, gen_secs,
        stats.events / write_secs, stats.stored / write_secs);
    std::printf("ingest CPU: %.1f s of writing: %.0f events per CPU second\n", write_cpu,
                stats.events / write_cpu);
    if (!IsPostgresUrl(db)) {
      std::printf("store file: %.2f GB\n",
                  static_cast<double>(std::filesystem::file_size(db)) / 1e9);
    }
  }
  auto counts = (*store)->Counts();
  if (counts.ok()) {
    std::printf(
        "store: %lld documents, %lld events (%lld counted), %lld mentions, %lld sentences\n",
        static_cast<long long>(counts->documents), static_cast<long long>(counts->events),
        static_cast<long long>(counts->counted_events), static_cast<long long>(counts->mentions),
        static_cast<long long>(counts->sentences));
  }

  size_t rows = 0;
  Status err;
  auto dyad = [&](const char* source, const char* target) {
    auto r = (*store)->DyadSeries({.source = source, .target = target, .period = Period::kMonth});
    if (!r.ok()) err = r.status(); else rows = r->size();
  };
  double t = TimeBest(3, [&] { dyad("USA", "CHN"); });
  std::printf("dyad USA->CHN monthly, whole range: %.4f s (%zu cells)\n", t, rows);
  t = TimeBest(3, [&] { dyad("KHM", "LAO"); });
  std::printf("dyad KHM->LAO monthly, whole range: %.4f s (%zu cells)\n", t, rows);
  t = TimeBest(3, [&] { dyad("*", "*"); });
  std::printf("all dyads monthly, whole range: %.4f s (%zu cells)\n", t, rows);
  t = TimeBest(3, [&] {
    auto r = (*store)->DyadSeries({.source = "USA", .target = "CHN", .period = Period::kDay});
    if (!r.ok()) err = r.status(); else rows = r->size();
  });
  std::printf("dyad USA->CHN daily, whole range: %.4f s (%zu cells)\n", t, rows);
  t = TimeBest(3, [&] {
    auto r = (*store)->TopDyads(kNoDate, kNoDate, 20);
    if (!r.ok()) err = r.status(); else rows = r->size();
  });
  std::printf("top 20 dyads, whole range: %.4f s\n", t);
  t = TimeBest(3, [&] {
    auto r = (*store)->TopDyads(20050101, 20191231, 20);
    if (!r.ok()) err = r.status(); else rows = r->size();
  });
  std::printf("top 20 dyads, 2005-01..2019-12 (month table): %.4f s\n", t);
  t = TimeBest(3, [&] {
    auto r = (*store)->TopDyads(20100301, 20100415, 20);
    if (!r.ok()) err = r.status(); else rows = r->size();
  });
  std::printf("top 20 dyads, 2010-03-01..2010-04-15 (day table): %.4f s\n", t);
  if (!err.ok()) {
    std::fprintf(stderr, "store_bench: %s\n", err.message().c_str());
    return 1;
  }
  store->reset();
  if (temp && !keep) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  } else if (temp) {
    std::printf("kept %s\n", db.c_str());
  }
  return 0;
}

}  // namespace
}  // namespace thaw

int main(int argc, char** argv) { return thaw::Main(argc, argv); }
