// Tagger evaluation: loads models/tagger.model, re-tags gold-tokenized CoNLL-U files and
// prints UPOS, XPOS and lemma accuracy and tagging speed (one thread).
//
//   tag_eval [--model FILE] [CONLLU...]
// Default files: UD EWT and GUM test sets under ../shared/ud.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "nlp/tagger.h"
#include "train/tagger_train.h"

int main(int argc, char** argv) {
  // bench/tag_eval.cc -> the source tree's models/tagger.model.
  std::string model =
      (std::filesystem::path(__FILE__).parent_path().parent_path() / "models" / "tagger.model")
          .string();
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--model" && i + 1 < argc) {
      model = argv[++i];
    } else if (arg == "-h" || arg == "--help") {
      std::printf("usage: tag_eval [--model FILE] [CONLLU...]\n");
      return 0;
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) {
    files = {THAW_SHARED_DIR "/ud/en_ewt-ud-test.conllu",
             THAW_SHARED_DIR "/ud/en_gum-ud-test.conllu"};
  }

  const auto start = std::chrono::steady_clock::now();
  auto tagger = thaw::Tagger::Load(model);
  const double load =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!tagger.ok()) {
    std::fprintf(stderr, "tag_eval: %s\n", tagger.status().ToString().c_str());
    return 1;
  }
  std::printf("model %s: %zu classes, %zu features, loaded in %.3f s\n", model.c_str(),
              (*tagger)->num_classes(), (*tagger)->num_features(), load);
  std::printf("%-28s %8s %7s %7s %7s %10s\n", "file", "tokens", "UPOS", "XPOS", "lemma",
              "tokens/s");
  for (const std::string& file : files) {
    auto gold = thaw::ReadConlluSentences(file, nullptr);
    if (!gold.ok()) {
      std::fprintf(stderr, "tag_eval: %s\n", gold.status().ToString().c_str());
      return 1;
    }
    // Tag three times and report the fastest pass; accuracy is the same each time.
    thaw::TaggerAccuracy acc;
    double best = 1e30;
    for (int pass = 0; pass < 3; ++pass) {
      acc = thaw::EvaluateTagger(**tagger, *gold);
      best = std::min(best, acc.seconds);
    }
    std::printf("%-28s %8zu %6.2f%% %6.2f%% %6.2f%% %10.0f\n",
                std::filesystem::path(file).filename().string().c_str(), acc.tokens,
                100 * acc.Upos(), 100 * acc.Xpos(), 100 * acc.Lemma(), acc.tokens / best);
  }
  return 0;
}
