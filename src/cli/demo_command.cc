// `thaw demo`: the main job on the shipped sample corpus, with built-in dictionaries and
// models: events, then how each country pair's relation moved year by year.
#include <fmt/format.h>

#include <chrono>
#include <algorithm>
#include <filesystem>
#include <map>

#include "base/file.h"
#include "cli/common.h"
#include "cli/news_coding.h"
#include "cli/nlp_flags.h"
#include "coder/dating.h"
#include "ontology/cameo.h"

namespace thaw {
namespace {

// One coded event, flattened for printing and summing.
struct DemoEvent {
  std::string doc_id, date, source, target, code, verb, sentence;
  QuadClass quad = QuadClass::kUnknown;
  double goldstein = 0;
};

// Per country pair and year: counts and the Goldstein sum.
struct YearCell {
  int events = 0, cooperation = 0, conflict = 0;
  double goldstein = 0;
};

std::string Country(const std::string& code) {
  if (code.size() < 3 || code.compare(0, 3, "---") == 0 || code.compare(0, 3, "IGO") == 0 ||
      code.compare(0, 3, "NGO") == 0 || code.compare(0, 3, "IMG") == 0) {
    return {};
  }
  return code.substr(0, 3);
}

std::string Clip(std::string_view s, size_t n) {
  if (s.size() <= n) return std::string(s);
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return std::string(s.substr(0, cut)) + "...";
}

class DemoCommand : public Command {
 public:
  explicit DemoCommand(CLI::App* parent) {
    app = parent->add_subcommand("demo",
                                 "run thaw on its sample corpus: events and how relations moved");
    app->footer(
        "Codes the sample corpus shipped in examples/demo (about thirty short articles on China, the two Koreas, "
        "Russia and the United States, 2013-2025, plus three scraped pages) with the built-in dictionaries and "
        "models, prints every event with its date and sentence, then for the most active country pairs the "
        "events, cooperation/conflict counts and mean Goldstein score per year, marking year-on-year thaws "
        "(mean up by 2 or more) and chills (down by 2 or more).\n\nExample:\n  thaw demo\n  thaw demo --pairs 8");
    app->add_option("--corpus", corpus_,
                    "demo corpus directory (default: examples/demo, or $THAW_DEMO)");
    app->add_option("--pairs", pairs_, "how many country pairs to summarize (default 5)");
    AddNlpFlags(app, &nlp_, /*with_parse=*/false);
  }

  int Run() override;

 private:
  void PrintSummary(const std::vector<DemoEvent>& events) const;

  std::string corpus_;
  int pairs_ = 5;
  NlpFlags nlp_;
};

int DemoCommand::Run() {
  const auto t0 = std::chrono::steady_clock::now();
  const std::string dir = corpus_.empty() ? FindShippedDir("THAW_DEMO", "examples/demo",
                                                           "corpus.jsonl", THAW_DEFAULT_DEMO_DIR)
                                          : corpus_;
  std::vector<std::string> inputs;
  std::error_code ec;
  if (std::filesystem::exists(dir + "/corpus.jsonl", ec)) inputs.push_back(dir + "/corpus.jsonl");
  if (std::filesystem::is_directory(dir + "/raw", ec)) inputs.push_back(dir + "/raw");
  if (inputs.empty()) {
    std::cerr << "thaw: error: no demo corpus in " << dir << " (expected corpus.jsonl or raw/)\n";
    return 2;
  }
  Diagnostics diags;
  auto coding = NewsCoding::Create(DictFlags(), nlp_, InputFlags(), "", &diags);
  if (coding == nullptr) return 2;
  std::vector<DemoEvent> events;
  size_t docs = 0, sentences = 0;
  const bool ok =
      ForEachDocument(inputs, coding->input(), false, false, &diags, [&](Document& doc) {
        ++docs;
        coding->Code(&doc);
        sentences += doc.sentences.size();
        const Coder::DocumentEvents& coded = coding->events();
        for (size_t i = 0; i < doc.sentences.size(); ++i) {
          for (const Event& e : coded.events[i]) {
            const CodeInfo info = DescribeEventCode(e.code);
            const Date d = e.date != kNoDate                  ? e.date
                           : doc.sentences[i].date != kNoDate ? doc.sentences[i].date
                                                              : doc.date;
            events.push_back({doc.id, FormatDate(d), e.source, e.target, e.code, e.verb,
                              doc.sentences[i].text, info.quad_class, info.goldstein});
          }
        }
        return true;
      });
  if (!ok) return 2;

  std::cout << fmt::format("thaw demo: {}, {}, {} (corpus: {})\n\n", CountOf(docs, "document"),
                           CountOf(sentences, "sentence"), CountOf(events.size(), "event"), dir);
  std::string last_doc;
  for (const DemoEvent& e : events) {
    if (e.doc_id != last_doc) {
      std::cout << e.doc_id << "\n";
      last_doc = e.doc_id;
    }
    const CameoCode* c = FindCameoCode(e.code);
    std::cout << fmt::format("  {}  {:<10} -> {:<10} {:<5} {:<30} {}\n", e.date, e.source, e.target,
                             e.code, Clip(c != nullptr ? c->name : std::string_view("?"), 30),
                             Clip(e.sentence, 70));
  }
  PrintSummary(events);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << fmt::format("\n{:.2f} s. Code your own articles: thaw code FILES --format tsv\n",
                           secs);
  return 0;
}

void DemoCommand::PrintSummary(const std::vector<DemoEvent>& events) const {
  std::map<std::string, std::map<std::string, YearCell>> pairs;  // "CHN-PRK" -> year -> cell
  for (const DemoEvent& e : events) {
    std::string a = Country(e.source), b = Country(e.target);
    if (a.empty() || b.empty() || a == b) continue;
    if (b < a) std::swap(a, b);
    YearCell& cell = pairs[a + "-" + b][e.date.substr(0, 4)];
    ++cell.events;
    cell.cooperation += e.quad == QuadClass::kVerbalCoop || e.quad == QuadClass::kMaterialCoop;
    cell.conflict += e.quad == QuadClass::kVerbalConflict || e.quad == QuadClass::kMaterialConflict;
    cell.goldstein += e.goldstein;
  }
  std::vector<std::pair<int, std::string>> order;
  for (const auto& [pair, years] : pairs) {
    int n = 0;
    for (const auto& [year, cell] : years) n += cell.events;
    order.push_back({-n, pair});
  }
  std::sort(order.begin(), order.end());
  std::cout << "\nRelations by year (events, cooperation/conflict, mean Goldstein):\n";
  for (size_t k = 0; k < order.size() && static_cast<int>(k) < pairs_; ++k) {
    const std::string& pair = order[k].second;
    std::cout << fmt::format("  {} ({} events)\n", pair, -order[k].first);
    double prev = 0;
    bool first = true;
    for (const auto& [year, cell] : pairs[pair]) {
      const double mean = cell.goldstein / cell.events;
      std::string mark;
      if (!first && mean - prev >= 2) mark = "  thaw";
      if (!first && prev - mean >= 2) mark = "  chill";
      std::cout << fmt::format("    {}  {:>3}  {:>3}/{:<3}  {:+5.1f}{}\n", year, cell.events,
                               cell.cooperation, cell.conflict, mean, mark);
      prev = mean;
      first = false;
    }
  }
}

}  // namespace

std::unique_ptr<Command> MakeDemoCommand(CLI::App* parent) {
  return std::make_unique<DemoCommand>(parent);
}

}  // namespace thaw
