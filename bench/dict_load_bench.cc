// How long loading the PETRARCH-2 dictionaries takes. The target is well under 0.3 s for
// the whole of shared/petrarch/dictionaries in a Release build, since every `thaw code`
// run pays it once before coding.
//
//   dict_load_bench [DICT_DIR] [--benchmark_... flags]
//
// DICT_DIR defaults to $THAW_DICT_DIR, else THAW_SHARED_DIR/petrarch/dictionaries when the
// build defines THAW_SHARED_DIR, else the first shared/petrarch/dictionaries found beside
// a directory above the executable (a checkout with shared/ beside it). Prints one
// line per file (kind, bytes, entries, diagnostics) and a single cold load, then runs the
// Google Benchmark cases. Exits 0 with a message when no dictionaries are found.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file.h"
#include "base/strings.h"
#include "dict/dictionaries.h"

namespace {

namespace fs = std::filesystem;
using thaw::Diagnostics;
using thaw::LoadOptions;

std::string FindDictDir(int argc, char** argv) {
  if (argc > 1 && argv[1][0] != '-') return argv[1];
  if (const char* env = std::getenv("THAW_DICT_DIR")) return env;
#ifdef THAW_SHARED_DIR
  return std::string(THAW_SHARED_DIR) + "/petrarch/dictionaries";
#else
  std::error_code ec;
  const fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
         dir = dir.parent_path()) {
      const fs::path candidate = dir.parent_path() / "shared" / "petrarch" / "dictionaries";
      std::error_code probe;  // not-found sets it; that must not end the walk
      if (fs::is_directory(candidate, probe)) return candidate.string();
    }
  }
  return "../shared/petrarch/dictionaries";
#endif
}

size_t PatternCount(const thaw::VerbDictionary& v) {
  size_t n = 0;
  for (const auto& b : v.blocks) n += b.patterns.size();
  return n;
}

// One line per dictionary file, loaded on its own, so the counts can be checked against
// the files; then one timed load of the whole directory.
bool PrintSummary(const std::string& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::printf("%-36s %-8s %9s %s\n", "file", "kind", "bytes", "contents");
  for (const fs::path& p : files) {
    const std::string name = thaw::ToLowerAscii(p.filename().string());
    const std::string path = p.string();
    const auto bytes = static_cast<unsigned long long>(fs::file_size(p));
    Diagnostics diags;
    std::string kind;
    std::string contents;
    if (!thaw::EndsWith(name, ".txt")) {
      kind = "ignored";
    } else if (name.find("verbs") != std::string::npos || thaw::StartsWith(name, "cameo")) {
      kind = "verbs";
      auto v = thaw::LoadVerbDictionary(path, LoadOptions(), &diags);
      if (v.ok()) {
        size_t forms = 0;
        for (const auto& b : v->blocks) forms += b.forms.size();
        contents = std::to_string(v->synsets.size()) + " synsets, " +
                   std::to_string(v->blocks.size()) + " blocks, " + std::to_string(forms) +
                   " verb forms, " + std::to_string(PatternCount(*v)) + " patterns";
      }
    } else if (name.find("actors") != std::string::npos) {
      kind = "actors";
      thaw::ActorDictionary a;
      thaw::LoadActorDictionary(path, LoadOptions(), &diags, &a);
      size_t names = 0;
      size_t codes = 0;
      for (const auto& e : a.entries) {
        names += e.names.size();
        codes += e.codes.size();
      }
      contents = std::to_string(a.entries.size()) + " actors, " + std::to_string(names) +
                 " names, " + std::to_string(codes) + " codes";
    } else if (name.find("agents") != std::string::npos) {
      kind = "agents";
      thaw::AgentDictionary a;
      thaw::LoadAgentDictionary(path, LoadOptions(), &diags, &a);
      contents = std::to_string(a.entries.size()) + " agents";
    } else if (name.find("discards") != std::string::npos) {
      kind = "discards";
      thaw::DiscardDictionary d;
      thaw::LoadDiscardDictionary(path, LoadOptions(), &diags, &d);
      contents = std::to_string(d.entries.size()) + " discards";
    } else {
      kind = "ignored";
    }
    if (kind != "ignored") contents += ", " + std::to_string(diags.size()) + " diagnostics";
    std::printf("%-36s %-8s %9llu %s\n", p.filename().string().c_str(), kind.c_str(), bytes,
                contents.c_str());
  }

  Diagnostics diags;
  const auto start = std::chrono::steady_clock::now();
  auto set = thaw::LoadDictionaryDir(dir, LoadOptions(), &diags);
  const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
  if (!set.ok()) {
    std::printf("LoadDictionaryDir failed: %s\n", set.status().ToString().c_str());
    return false;
  }
  std::printf(
      "LoadDictionaryDir(%s): %zu blocks, %zu patterns, %zu actors, %zu agents, "
      "%zu discards, %zu diagnostics; one load (page cache warm) %.1f ms\n\n",
      dir.c_str(), set->verbs.blocks.size(), PatternCount(set->verbs), set->actors.entries.size(),
      set->agents.entries.size(), set->discards.entries.size(), diags.size(), took.count());
  return true;
}

void BM_LoadDictionaryDir(benchmark::State& state, const std::string& dir) {
  size_t entries = 0;
  for (auto _ : state) {
    Diagnostics diags;
    auto set = thaw::LoadDictionaryDir(dir, LoadOptions(), &diags);
    if (!set.ok()) {
      state.SkipWithError(set.status().message().c_str());
      return;
    }
    entries = set->actors.entries.size() + set->agents.entries.size();
    benchmark::DoNotOptimize(entries);
  }
  state.counters["actors+agents"] = static_cast<double>(entries);
}

// Parsing alone, from memory, for the two largest files: where the time goes.
void BM_ParseFile(benchmark::State& state, const std::string& path, bool verbs) {
  auto text = thaw::ReadFile(path);
  if (!text.ok()) {
    state.SkipWithError(text.status().message().c_str());
    return;
  }
  for (auto _ : state) {
    if (verbs) {
      auto v = thaw::ParseVerbDictionary(*text, path, LoadOptions(), nullptr);
      benchmark::DoNotOptimize(v.ok());
    } else {
      thaw::ActorDictionary a;
      benchmark::DoNotOptimize(
          thaw::ParseActorDictionary(*text, path, LoadOptions(), nullptr, &a).ok());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text->size()));
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = FindDictDir(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (!fs::is_directory(dir)) {
    std::printf(
        "dict_load_bench: skipped: no PETRARCH dictionaries at %s (pass a directory, set "
        "THAW_DICT_DIR, or put shared/ beside the checkout)\n",
        dir.c_str());
    return 0;
  }
  if (!PrintSummary(dir)) return 1;
  benchmark::RegisterBenchmark("LoadDictionaryDir", BM_LoadDictionaryDir, dir)
      ->Unit(benchmark::kMillisecond);
  const std::string cameo = dir + "/CAMEO.2.0.txt";
  const std::string countries = dir + "/Phoenix.Countries.actors.txt";
  if (fs::exists(cameo)) {
    benchmark::RegisterBenchmark("ParseVerbDictionary/CAMEO.2.0", BM_ParseFile, cameo, true)
        ->Unit(benchmark::kMillisecond);
  }
  if (fs::exists(countries)) {
    benchmark::RegisterBenchmark("ParseActorDictionary/Phoenix.Countries", BM_ParseFile, countries,
                                 false)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
