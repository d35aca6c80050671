// `thaw dyad`, `thaw shifts`, `thaw top`, `thaw actors`, `thaw plot`: relations read out of
// an event store (see `thaw ingest`).
#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "analysis/plot.h"
#include "analysis/relations.h"
#include "analysis/shifts.h"
#include "cli/common.h"
#include "nlp/segmenter.h"
#include "store/country.h"

namespace thaw {
namespace {

// Flags every relations command shares.
struct StoreFlags {
  std::string db = "thaw.db", from, to, by = "month";
  Date from_date = kNoDate, to_date = kNoDate;
  SeriesPeriod period = SeriesPeriod::kMonth;
};

void AddStoreFlags(CLI::App* app, StoreFlags* f, bool period) {
  app->add_option("--db", f->db,
                  "the store: a SQLite file (default thaw.db) or a postgresql:// URL");
  app->add_option("--from", f->from, "first day, YYYY-MM-DD (default: the first event)");
  app->add_option("--to", f->to, "last day, YYYY-MM-DD (default: the last event)");
  if (period) {
    app->add_option("--by", f->by, "period: week, month (default), quarter or year")
        ->check(CLI::IsMember({"week", "month", "quarter", "year"}));
  }
}

// Opens the store and checks the flags; prints the problem and returns null on failure.
std::unique_ptr<Store> OpenStore(StoreFlags* f) {
  for (auto [text, date] : {std::pair{&f->from, &f->from_date}, std::pair{&f->to, &f->to_date}}) {
    if (text->empty()) continue;
    auto d = ParseDate(*text);
    if (!d) {
      std::cerr << "thaw: error: " << *text << ": expected a date as YYYY-MM-DD\n";
      return nullptr;
    }
    *date = *d;
  }
  f->period = f->by == "week" ? SeriesPeriod::kWeek : f->by == "quarter" ? SeriesPeriod::kQuarter
              : f->by == "year"                     ? SeriesPeriod::kYear
                                                    : SeriesPeriod::kMonth;
  if (!IsPostgresUrl(f->db) && !std::filesystem::exists(f->db)) {
    std::cerr << "thaw: error: no store at " << f->db
              << " (create one with `thaw ingest INPUT --db " << f->db << "`)\n";
    return nullptr;
  }
  auto store = Store::Open(f->db);
  if (!store.ok()) {
    std::cerr << "thaw: error: " << store.status().message() << "\n";
    return nullptr;
  }
  return std::move(store).value();
}

// An actor argument as the store knows it: a country code ("CHN"), a full actor code
// ("CHNGOV"), or a name ("China", "North Korea") looked up in the built-in dictionaries.
Result<std::string> ResolveActor(const std::string& arg) {
  bool code = arg.size() >= 3 && arg.size() % 3 == 0;
  for (char c : arg) code = code && ((c >= 'A' && c <= 'Z') || c == '-');
  if (code && (arg.size() > 3 || IsCountryCode(arg))) return arg;
  Diagnostics diags;
  DictFlags flags;
  flags.quiet = true;
  auto coder = BuildCoder(flags, &diags);
  if (!coder.ok()) return coder.status();
  auto seg = Segmenter::Create();
  if (!seg.ok()) return seg.status();
  Sentence sentence;
  sentence.text = arg;
  (*seg)->Tokenize(arg, &sentence);
  for (const auto& hit : (*coder)->Lookup(sentence, kNoDate)) {
    if (hit.kind != Coder::LookupHit::Kind::kActor || hit.begin != 0 ||
        hit.end != static_cast<int32_t>(sentence.tokens.size())) {
      continue;
    }
    const std::string_view country = ActorCountry(hit.code);
    return country.empty() ? hit.code : std::string(country);
  }
  return Status::InvalidArgument(
      "'" + arg +
      "' is neither an actor code (CHN, CHNGOV) nor a name in the built-in "
      "dictionaries (try `thaw dict lookup \"" +
      arg + "\"`)");
}

// The two actors of a dyad command, resolved; prints and returns false on failure.
bool ResolveDyad(const std::string& a, const std::string& b, DyadSpec* d) {
  for (auto [arg, out] : {std::pair{&a, &d->a}, std::pair{&b, &d->b}}) {
    auto r = ResolveActor(*arg);
    if (!r.ok()) {
      std::cerr << "thaw: error: " << r.status().message() << "\n";
      return false;
    }
    *out = *r;
  }
  return true;
}

DyadSpec Spec(const StoreFlags& f, bool directed) {
  DyadSpec d;
  d.directed = directed;
  d.from = f.from_date;
  d.to = f.to_date;
  d.period = f.period;
  return d;
}

std::string DyadTitle(const DyadSpec& d) { return d.a + (d.directed ? " → " : " ↔ ") + d.b; }

// The commands about one dyad (dyad, shifts, plot): A, B, the store flags and --directed,
// and the series they all start from.
class DyadBase : public Command {
 protected:
  void AddDyadArgs() {
    app->add_option("A", a_, "first actor")->required();
    app->add_option("B", b_, "second actor")->required();
    AddStoreFlags(app, &flags_, true);
    app->add_flag("--directed", directed_, "only events from A to B");
  }
  // Opens the store, resolves the actors and loads the series; prints and returns false on
  // failure.
  bool Load(std::unique_ptr<Store>* store, DyadSpec* d, std::vector<PeriodCounts>* series) {
    *store = OpenStore(&flags_);
    if (!*store) return false;
    *d = Spec(flags_, directed_);
    if (!ResolveDyad(a_, b_, d)) return false;
    auto s = LoadDyadSeries(store->get(), *d);
    if (!s.ok()) {
      std::cerr << "thaw: error: " << s.status().message() << "\n";
      return false;
    }
    *series = std::move(s).value();
    return true;
  }

  StoreFlags flags_;
  std::string a_, b_;
  bool directed_ = false;
};

class DyadCommand : public DyadBase {
 public:
  explicit DyadCommand(CLI::App* parent) {
    app = parent->add_subcommand("dyad", "a relation series: events per period between two actors");
    app->footer(
        "Prints one row per period (empty periods included): events, events per QuadClass (verbal and material "
        "cooperation, verbal and material conflict), Goldstein sum and mean, and net cooperation ((cooperation - "
        "conflict) / events, from -1 to +1). Both directions count unless --directed. Actors are country codes "
        "(CHN), actor codes (CHNGOV) or names (\"North Korea\"). Near-duplicate stories count once.\n\nExample:\n"
        "  thaw dyad China \"North Korea\" --db events.db --by year\n  thaw dyad CHN PRK --from 2018-01-01 "
        "--format csv > chn_prk.csv");
    AddDyadArgs();
    app->add_option("--format", format_, "table (default), csv or json (one object per line)")
        ->check(CLI::IsMember({"table", "csv", "json"}));
  }

  int Run() override {
    std::unique_ptr<Store> store;
    DyadSpec d;
    std::vector<PeriodCounts> series;
    if (!Load(&store, &d, &series)) return 2;
    if (format_ == "table") {
      std::cout << fmt::format("{}, events per {}\n", DyadTitle(d), flags_.by);
      std::cout << fmt::format("{:<11} {:>7} {:>7} {:>7} {:>7} {:>7} {:>10} {:>7} {:>7}\n",
                               "period", "events", "v.coop", "m.coop", "v.conf", "m.conf",
                               "goldstein", "mean", "net");
    } else if (format_ == "csv") {
      std::cout
          << "period,events,verbal_coop,material_coop,verbal_conflict,material_conflict,goldstein_sum,"
             "goldstein_mean,net_cooperation\n";
    }
    for (const PeriodCounts& r : series) {
      const std::string label = PeriodLabel(r.period, d.period);
      if (format_ == "table") {
        std::cout << fmt::format(
            "{:<11} {:>7} {:>7} {:>7} {:>7} {:>7} {:>10.1f} {:>7.2f} {:>7.2f}\n", label, r.events,
            r.quad[1], r.quad[2], r.quad[3], r.quad[4], r.goldstein_sum, r.GoldsteinMean(),
            r.NetCooperation());
      } else if (format_ == "csv") {
        std::cout << fmt::format("{},{},{},{},{},{},{:.1f},{:.3f},{:.3f}\n", label, r.events,
                                 r.quad[1], r.quad[2], r.quad[3], r.quad[4], r.goldstein_sum,
                                 r.GoldsteinMean(), r.NetCooperation());
      } else {
        nlohmann::json j{{"period", label},          {"events", r.events},
                         {"verbal_coop", r.quad[1]}, {"material_coop", r.quad[2]},
                         {"verbal_conflict", r.quad[3]}, {"material_conflict", r.quad[4]},
                         {"goldstein_sum", r.goldstein_sum}, {"goldstein_mean", r.GoldsteinMean()},
                         {"net_cooperation", r.NetCooperation()}};
        std::cout << j.dump() << "\n";
      }
    }
    return 0;
  }

 private:
  std::string format_ = "table";
};

class ShiftsCommand : public DyadBase {
 public:
  explicit ShiftsCommand(CLI::App* parent) {
    app = parent->add_subcommand(
        "shifts", "thaws and chills: change points in a dyad's relation, with evidence");
    app->footer(
        "Finds change points in the dyad's Goldstein series with PELT (penalised least squares on the per-period "
        "means, weighted by events; noise scale estimated robustly from the series) and keeps those with enough "
        "evidence: at least --min-events events on each side and a move of at least --min-size Goldstein points "
        "and 5 standard errors. Each is labelled thaw (warmer) or chill (colder), with its size, the first "
        "period of the new regime and the sentences that pull that way most in its first periods.\n\nExample:\n"
        "  thaw shifts China \"North Korea\" --db events.db --by quarter");
    AddDyadArgs();
    app->add_option("--min-events", options_.min_events,
                    "events needed on each side of a shift (default 8)");
    app->add_option("--min-size", options_.min_size,
                    "smallest Goldstein move reported (default 1.0)");
    app->add_option("--evidence", evidence_, "sentences shown per shift (default 3)");
  }

  int Run() override {
    std::unique_ptr<Store> store;
    DyadSpec d;
    std::vector<PeriodCounts> series;
    if (!Load(&store, &d, &series)) return 2;
    const auto shifts = FindShifts(series, options_);
    int64_t total = 0;
    for (const PeriodCounts& r : series) total += r.events;
    std::cout << fmt::format("{}: {} events in {} periods ({}), {} shift{}\n", DyadTitle(d), total,
                             series.size(), flags_.by, shifts.size(),
                             shifts.size() == 1 ? "" : "s");
    for (const Shift& s : shifts) {
      std::cout << fmt::format(
          "\n{} from {}: Goldstein mean {:+.2f} -> {:+.2f} ({:+.2f}; {} events before, {} after)\n",
          s.thaw() ? "THAW" : "CHILL", PeriodLabel(s.period, d.period), s.before, s.after, s.size(),
          s.events_before, s.events_after);
      // Evidence from the first periods of the new regime.
      DyadSpec e = d;
      const size_t last = std::min(series.size() - 1, s.index + 2);
      e.from = FirstDay(series[s.index].period, d.period);
      e.to = LastDay(series[last].period, d.period);
      auto ev = LoadEvidence(store.get(), e, s.thaw(), evidence_);
      if (!ev.ok()) {
        std::cerr << "thaw: error: " << ev.status().message() << "\n";
        return 2;
      }
      for (const EvidenceEvent& x : *ev) {
        std::cout << fmt::format("  {} {}->{} {} ({:+.1f}) [{}] {}\n", FormatDate(x.date), x.source,
                                 x.target, x.code, x.goldstein, x.doc_key, x.sentence);
      }
    }
    return 0;
  }

  static Date FirstDay(int32_t period, SeriesPeriod p) {
    switch (p) {
      case SeriesPeriod::kWeek: return period;
      case SeriesPeriod::kMonth: return period * 100 + 1;
      case SeriesPeriod::kQuarter: return (period / 10) * 10000 + ((period % 10) * 3 - 2) * 100 + 1;
      case SeriesPeriod::kYear: return period * 10000 + 101;
    }
    return period;
  }
  // The day before the next period starts; YYYYMMDD arithmetic is fine for comparisons
  // ("20240300" sorts after every day of February).
  static Date LastDay(int32_t period, SeriesPeriod p) {
    return FirstDay(NextPeriod(period, p), p) - 1;
  }

 private:
  ShiftOptions options_;
  size_t evidence_ = 3;
};

class TopCommand : public Command {
 public:
  explicit TopCommand(CLI::App* parent) {
    app = parent->add_subcommand(
        "top", "the most active dyads, and the dyads whose relation changed most");
    app->footer(
        "Most active: country pairs (both directions together) by events in --from/--to (default: all). Most "
        "changed: among the 50 most active, the change of Goldstein mean between the --period before --to and "
        "the --period before that (each side needs 5 events).\n\nExample:\n  thaw top --db events.db --period year");
    AddStoreFlags(app, &flags_, false);
    app->add_option("--period", period_,
                    "comparison window for 'most changed': month, quarter or year (default)")
        ->check(CLI::IsMember({"month", "quarter", "year"}));
    app->add_option("-n,--limit", limit_, "rows per list (default 10)");
  }

  int Run() override;

 private:
  StoreFlags flags_;
  std::string period_ = "year";
  size_t limit_ = 10;
};

int TopCommand::Run() {
  auto store = OpenStore(&flags_);
  if (!store) return 2;
  auto top = store->TopDyads(flags_.from_date, flags_.to_date, 400);
  if (!top.ok()) {
    std::cerr << "thaw: error: " << top.status().message() << "\n";
    return 2;
  }
  // Undirected: fold B->A into A->B.
  struct Pair {
    std::string a, b;
    int64_t events = 0;
    double goldstein = 0;
  };
  std::vector<Pair> pairs;
  for (const DyadTotal& t : *top) {
    if (t.source == t.target) continue;
    const bool swap = t.target < t.source;
    const std::string& a = swap ? t.target : t.source;
    const std::string& b = swap ? t.source : t.target;
    auto it = std::find_if(pairs.begin(), pairs.end(),
                           [&](const Pair& p) { return p.a == a && p.b == b; });
    if (it == pairs.end()) it = pairs.insert(pairs.end(), Pair{a, b});
    it->events += t.events;
    it->goldstein += t.goldstein_sum;
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    return x.events != y.events ? x.events > y.events : std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  std::cout << "most active dyads\n";
  std::cout << fmt::format("{:<9} {:>8} {:>9}\n", "dyad", "events", "mean");
  for (size_t i = 0; i < pairs.size() && i < limit_; ++i) {
    std::cout << fmt::format("{:<9} {:>8} {:>+9.2f}\n", pairs[i].a + "-" + pairs[i].b,
                             pairs[i].events,
                             pairs[i].goldstein / static_cast<double>(pairs[i].events));
  }

  // Most changed: the last window before --to (or the last event) against the one before it.
  const SeriesPeriod p = period_ == "month"     ? SeriesPeriod::kMonth
                         : period_ == "quarter" ? SeriesPeriod::kQuarter
                                                : SeriesPeriod::kYear;
  struct Change {
    std::string dyad;
    double before = 0, after = 0;
    int64_t n_before = 0, n_after = 0;
  };
  std::vector<Change> changes;
  for (size_t i = 0; i < pairs.size() && i < 50; ++i) {
    DyadSpec d = Spec(flags_, false);
    d.a = pairs[i].a;
    d.b = pairs[i].b;
    d.period = p;
    auto series = LoadDyadSeries(store.get(), d);
    if (!series.ok()) {
      std::cerr << "thaw: error: " << series.status().message() << "\n";
      return 2;
    }
    if (series->size() < 2) continue;
    const PeriodCounts& before = (*series)[series->size() - 2];
    const PeriodCounts& after = series->back();
    if (before.events < 5 || after.events < 5) continue;
    changes.push_back({pairs[i].a + "-" + pairs[i].b, before.GoldsteinMean(), after.GoldsteinMean(),
                       before.events, after.events});
  }
  std::sort(changes.begin(), changes.end(), [](const Change& x, const Change& y) {
    return std::abs(x.after - x.before) > std::abs(y.after - y.before);
  });
  std::cout << fmt::format("\nmost changed dyads (last {} against the one before)\n", period_);
  std::cout << fmt::format("{:<9} {:>8} {:>8} {:>8} {:>8}  {}\n", "dyad", "before", "after",
                           "change", "events", "");
  for (size_t i = 0; i < changes.size() && i < limit_; ++i) {
    const Change& c = changes[i];
    std::cout << fmt::format("{:<9} {:>+8.2f} {:>+8.2f} {:>+8.2f} {:>4}/{:<4} {}\n", c.dyad,
                             c.before, c.after, c.after - c.before, c.n_before, c.n_after,
                             c.after > c.before ? "thaw" : "chill");
  }
  return 0;
}

class ActorsCommand : public Command {
 public:
  explicit ActorsCommand(CLI::App* parent) {
    app = parent->add_subcommand("actors", "actors by activity: events as source and as target");
    app->footer(
        "Countries (and actors without one, such as IGOUNO) by the events they took part in.\n\nExample:\n"
        "  thaw actors --db events.db --from 2024-01-01");
    AddStoreFlags(app, &flags_, false);
    app->add_option("-n,--limit", limit_, "rows (default 20)");
  }
  int Run() override {
    auto store = OpenStore(&flags_);
    if (!store) return 2;
    auto actors = LoadActorActivity(store.get(), flags_.from_date, flags_.to_date, limit_);
    if (!actors.ok()) {
      std::cerr << "thaw: error: " << actors.status().message() << "\n";
      return 2;
    }
    std::cout << fmt::format("{:<12} {:>8} {:>8} {:>8} {:>8}\n", "actor", "events", "source",
                             "target", "mean");
    for (const ActorActivity& a : *actors) {
      const int64_t n = a.as_source + a.as_target;
      std::cout << fmt::format("{:<12} {:>8} {:>8} {:>8} {:>+8.2f}\n", a.code, n, a.as_source,
                               a.as_target, n > 0 ? a.goldstein_sum / static_cast<double>(n) : 0.0);
    }
    return 0;
  }

 private:
  StoreFlags flags_;
  size_t limit_ = 20;
};

class PlotCommand : public DyadBase {
 public:
  explicit PlotCommand(CLI::App* parent) {
    app = parent->add_subcommand(
        "plot", "draw a dyad's relation series with its thaws and chills (SVG or PNG)");
    app->footer(
        "Cooperation events stack above the axis, conflict below (verbal light, material dark), the Goldstein "
        "mean is the line on the right-hand scale, and each shift found by `thaw shifts` is a dashed line with "
        "its label.\n\nExample:\n  thaw plot China \"North Korea\" --db events.db --by quarter -o chn_prk.png");
    AddDyadArgs();
    app->add_option("-o,--output", output_, "FILE.svg or FILE.png")->required();
  }
  int Run() override {
    std::unique_ptr<Store> store;
    DyadSpec d;
    std::vector<PeriodCounts> series;
    if (!Load(&store, &d, &series)) return 2;
    if (series.empty()) {
      std::cerr << "thaw: error: no events between " << d.a << " and " << d.b << " in the store\n";
      return 1;
    }
    Chart chart;
    chart.title = DyadTitle(d);
    chart.period = d.period;
    chart.series = std::move(series);
    chart.shifts = FindShifts(chart.series);
    int64_t total = 0;
    for (const PeriodCounts& r : chart.series) total += r.events;
    chart.subtitle = fmt::format("{} events per {}, {} .. {}; {} shift{}", total, flags_.by,
                                 PeriodLabel(chart.series.front().period, d.period),
                                 PeriodLabel(chart.series.back().period, d.period),
                                 chart.shifts.size(), chart.shifts.size() == 1 ? "" : "s");
    if (Status s = WriteChart(chart, output_); !s.ok()) {
      std::cerr << "thaw: error: " << s.message() << "\n";
      return 2;
    }
    std::cerr << "thaw: wrote " << output_ << "\n";
    return 0;
  }

 private:
  std::string output_;
};

}  // namespace

std::unique_ptr<Command> MakeDyadCommand(CLI::App* parent) {
  return std::make_unique<DyadCommand>(parent);
}
std::unique_ptr<Command> MakeShiftsCommand(CLI::App* parent) {
  return std::make_unique<ShiftsCommand>(parent);
}
std::unique_ptr<Command> MakeTopCommand(CLI::App* parent) {
  return std::make_unique<TopCommand>(parent);
}
std::unique_ptr<Command> MakeActorsCommand(CLI::App* parent) {
  return std::make_unique<ActorsCommand>(parent);
}
std::unique_ptr<Command> MakePlotCommand(CLI::App* parent) {
  return std::make_unique<PlotCommand>(parent);
}

}  // namespace thaw
