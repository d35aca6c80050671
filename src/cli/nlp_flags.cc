#include "cli/nlp_flags.h"

#include <algorithm>
#include <iostream>

#include "base/parallel.h"
#include "base/strings.h"

namespace thaw {

void AddNlpFlags(CLI::App* app, NlpFlags* f, bool with_parse) {
  if (with_parse) {
    app->add_option(
           "--parse", f->parse,
           "where dependency parses come from: auto (default: the input's parse when it has one, else "
           "thaw's own), given (input parses only), own (always thaw's: re-tokenize, tag, parse)")
        ->check(CLI::IsMember({"auto", "given", "own"}));
  }
  app->add_option(
      "--models", f->models,
      "directory with tagger.model and parser.model (default: $THAW_MODELS, else the models/ "
      "directory shipped with thaw)");
}

void AddThreadsFlag(CLI::App* app, NlpFlags* f) {
  app->add_option("--threads", f->threads,
                  "documents worked on in parallel (default: one per core); the output is the "
                  "same, in input order")
      ->check(CLI::Range(0, 256));
}

int ThreadCount(const NlpFlags& f) { return f.threads > 0 ? f.threads : DefaultThreads(); }

Pipeline* LazyPipeline::Get() {
  if (pipeline_ || failed_) return pipeline_.get();
  auto p = Pipeline::Load(models_dir_);
  if (!p.ok()) {
    std::cerr << "thaw: error: cannot load the tagger and parser: " << p.status().message() << "\n";
    failed_ = true;
    return nullptr;
  }
  pipeline_ = std::move(p).value();
  return pipeline_.get();
}

int PipelinePool::Ready(int k) {
  Pipeline* first = first_.Get();
  if (first == nullptr) return 0;
  while (!no_more_ && static_cast<int>(others_.size()) + 1 < k) {
    auto p = first->ForAnotherThread();
    if (!p.ok()) {
      std::cerr << "thaw: warning: parsing on " << CountOf(others_.size() + 1, "thread")
                << " only: " << p.status().message() << "\n";
      no_more_ = true;
      break;
    }
    others_.push_back(std::move(p).value());
  }
  return std::min(k, static_cast<int>(others_.size()) + 1);
}

bool NeedsPipeline(const Document& doc, ParseMode mode) {
  if (mode == ParseMode::kGiven) return false;
  if (mode == ParseMode::kOwn || mode == ParseMode::kRetag) return true;
  if (doc.sentences.empty()) return !doc.text.empty();
  for (const Sentence& s : doc.sentences) {
    if (!s.has_parse) return true;
  }
  return false;
}

}  // namespace thaw
