// Helpers shared by the benchmark programs: reading their treebank and XML input, and clocks.
// Bench-only; input that cannot be read gives nothing (each program reports what it lacks).
#ifndef THAW_BENCH_BENCH_UTIL_H_
#define THAW_BENCH_BENCH_UTIL_H_

#include <chrono>
#include <ctime>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "text/reader.h"

namespace thaw::bench {

// Every document of `path` read as `format`, warnings dropped.
inline std::vector<Document> ReadDocuments(const std::string& path, InputFormat format) {
  std::vector<Document> out;
  Diagnostics diags;
  auto reader = OpenDocumentReader(path, format, &diags);
  if (!reader.ok()) return out;
  while (true) {
    Document doc;
    auto more = (*reader)->Next(&doc);
    if (!more.ok() || !*more) break;
    out.push_back(std::move(doc));
  }
  return out;
}

// The sentences of `path` that have a dependency parse and at least one token.
inline std::vector<Sentence> ReadParsedSentences(const std::string& path, InputFormat format) {
  std::vector<Sentence> out;
  for (Document& doc : ReadDocuments(path, format)) {
    for (Sentence& s : doc.sentences) {
      if (s.has_parse && !s.tokens.empty()) out.push_back(std::move(s));
    }
  }
  return out;
}

// Wall seconds since t0.
inline double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// CPU seconds this thread has used.
inline double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

}  // namespace thaw::bench

#endif  // THAW_BENCH_BENCH_UTIL_H_
