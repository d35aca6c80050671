// Speed of the whole NLP pipeline on raw text, one core (issue #3: tokenize + tag + parse
// >= 100,000 tokens/s). The raw text is the `# text` of every sentence of the UD English
// EWT and GUM test files, joined by a space within each document, as running text; the
// pipeline splits it into sentences, tokenizes, tags and parses it (nlp/pipeline.h).
// Prints tokens/s for the whole pipeline and for each stage (CPU time of this thread), the
// model load time and the peak memory.
//
// Usage: pipeline_bench [MODELS_DIR]   (default: $THAW_MODELS, else <source>/models)
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "bench_util.h"
#include "nlp/pipeline.h"
#include "text/reader.h"

namespace {

using thaw::bench::ThreadCpuSeconds;

// One raw-text document per treebank document.
std::vector<std::string> ReadRawDocuments(const std::string& path) {
  std::vector<std::string> out;
  for (const thaw::Document& doc : thaw::bench::ReadDocuments(path, thaw::InputFormat::kConllu)) {
    std::string text;
    for (const auto& s : doc.sentences) {
      if (!text.empty()) text += ' ';
      text += s.text;
    }
    if (!text.empty()) out.push_back(std::move(text));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string shared = THAW_SHARED_DIR;
  const std::string models = thaw::FindModelsDir(argc > 1 ? argv[1] : "", argv[0]);
  std::vector<std::string> docs;
  for (const char* name : {"en_ewt-ud-test.conllu", "en_gum-ud-test.conllu"}) {
    auto more = ReadRawDocuments(shared + "/ud/" + name);
    docs.insert(docs.end(), more.begin(), more.end());
  }
  if (docs.empty()) {
    std::printf("skip: %s/ud/*-test.conllu not found; nothing to measure\n", shared.c_str());
    return 0;
  }
  const auto t0 = std::chrono::steady_clock::now();
  auto loaded = thaw::Pipeline::Load(models);
  if (!loaded.ok()) {
    std::fprintf(stderr, "pipeline_bench: %s\n", loaded.status().ToString().c_str());
    return 1;
  }
  const double load = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  thaw::Pipeline& pipeline = **loaded;

  // Whole pipeline, best of three passes (the machine is noisy).
  size_t tokens = 0, sentences = 0;
  double best = 1e30;
  for (int pass = 0; pass < 3; ++pass) {
    tokens = sentences = 0;
    const double c0 = ThreadCpuSeconds();
    for (const std::string& text : docs) {
      thaw::Document doc;
      doc.text = text;
      pipeline.Annotate(&doc, thaw::ParseMode::kAuto);
      sentences += doc.sentences.size();
      for (const auto& s : doc.sentences) tokens += s.tokens.size();
    }
    best = std::min(best, ThreadCpuSeconds() - c0);
  }
  std::printf("input: %zu documents, %zu sentences, %zu tokens (EWT + GUM test, raw text)\n",
              docs.size(), sentences, tokens);
  std::printf(
      "pipeline (split + tokenize + tag + parse): %.0f tokens/s, %.0f sentences/s on one core\n",
      static_cast<double>(tokens) / best, static_cast<double>(sentences) / best);

  // Stages: segmentation alone (no tagging or parsing), then tag + parse of the segmented text.
  std::vector<thaw::Document> segmented;
  double seg = 1e30, tag_parse = 1e30;
  for (int pass = 0; pass < 3; ++pass) {
    segmented.clear();
    const double c0 = ThreadCpuSeconds();
    for (const std::string& text : docs) {
      thaw::Document doc;
      doc.text = text;
      pipeline.Segment(&doc);
      segmented.push_back(std::move(doc));
    }
    seg = std::min(seg, ThreadCpuSeconds() - c0);
    const double c1 = ThreadCpuSeconds();
    for (auto& doc : segmented) pipeline.Annotate(&doc, thaw::ParseMode::kAuto);
    tag_parse = std::min(tag_parse, ThreadCpuSeconds() - c1);
  }
  std::printf("  split + tokenize: %.0f tokens/s;  tag + parse: %.0f tokens/s\n",
              static_cast<double>(tokens) / seg, static_cast<double>(tokens) / tag_parse);
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("model load: %.3f s;  peak memory: %.0f MB\n", load,
              static_cast<double>(ru.ru_maxrss) / 1024.0);
  return 0;
}
