// Coding speed with the full Phoenix/CAMEO.2.0 dictionaries on one core, dictionary load time,
// and peak memory (issue #2). Inputs: ../shared PETRARCH records and the UD EWT test set, both
// with their given parses. Prints the figures docs/STATUS.md records, then runs the
// Google Benchmark cases.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_util.h"
#include "coder/coder.h"
#include "dict/dictionaries.h"
#include "text/reader.h"

namespace {

using thaw::bench::ReadParsedSentences;
using thaw::bench::Seconds;

const std::string kShared = THAW_SHARED_DIR;

struct Fixture {
  std::unique_ptr<thaw::Coder> coder;
  std::vector<thaw::Sentence> sentences;
};

Fixture* fixture = nullptr;

void BM_CodeGivenParses(benchmark::State& state) {
  auto scratch = fixture->coder->NewScratch();
  std::vector<thaw::Event> events;
  size_t n = 0;
  for (auto _ : state) {
    for (const auto& s : fixture->sentences) {
      events.clear();
      fixture->coder->CodeSentence(s, scratch.get(), &events);
      benchmark::DoNotOptimize(events.data());
    }
    n += fixture->sentences.size();
  }
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dicts = kShared + "/petrarch/dictionaries";
  if (!std::filesystem::exists(dicts)) {
    std::printf("code_bench: %s is absent; skipping\n", dicts.c_str());
    return 0;
  }
  // Load time: best of five full loads (dictionary parsing + compilation).
  double best_load = 1e9, best_parse = 1e9;
  thaw::DictionarySet set;
  for (int i = 0; i < 5; ++i) {
    thaw::Diagnostics diags;
    auto t0 = std::chrono::steady_clock::now();
    auto loaded = thaw::LoadDictionaryDir(dicts, thaw::LoadOptions(), &diags);
    const double parse = Seconds(t0);
    auto coder = thaw::Coder::Create(*loaded, thaw::CoderOptions(), &diags);
    best_load = std::min(best_load, Seconds(t0));
    best_parse = std::min(best_parse, parse);
    if (i == 0) set = std::move(loaded).value();
  }
  thaw::Diagnostics diags;
  auto coder = thaw::Coder::Create(set, thaw::CoderOptions(), &diags);
  set = thaw::DictionarySet();  // the coder keeps only its compiled tables

  Fixture f;
  f.coder = std::move(coder).value();
  f.sentences = ReadParsedSentences(kShared + "/petrarch/validation/PETR.UnitTest.records.xml",
                                    thaw::InputFormat::kPetrarchXml);
  auto ewt = ReadParsedSentences(kShared + "/ud/en_ewt-ud-test.conllu", thaw::InputFormat::kConllu);
  for (auto& s : ewt) f.sentences.push_back(std::move(s));
  fixture = &f;

  // One timed pass of its own for the headline figure, then Google Benchmark.
  auto scratch = f.coder->NewScratch();
  std::vector<thaw::Event> events;
  size_t n_events = 0;
  auto t0 = std::chrono::steady_clock::now();
  int passes = 0;
  while (Seconds(t0) < 2.0) {
    for (const auto& s : f.sentences) {
      events.clear();
      f.coder->CodeSentence(s, scratch.get(), &events);
      n_events += events.size();
    }
    ++passes;
  }
  const double secs = Seconds(t0);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  std::printf("dictionaries: Phoenix + CAMEO.2.0 from %s\n", dicts.c_str());
  std::printf("load time (parse + compile), best of 5: %.3f s (parse alone %.3f s)\n", best_load,
              best_parse);
  std::printf("sentences: %zu (PETRARCH records + EWT test, given parses), events per pass: %zu\n",
              f.sentences.size(), n_events / static_cast<size_t>(passes));
  std::printf("coding speed, one core: %.0f sentences/s\n",
              static_cast<double>(f.sentences.size()) * passes / secs);
  std::printf("peak memory (max RSS): %.1f MB\n", static_cast<double>(ru.ru_maxrss) / 1024.0);

  benchmark::RegisterBenchmark("CodeGivenParses/full_dictionaries", BM_CodeGivenParses)
      ->Unit(benchmark::kMillisecond);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
