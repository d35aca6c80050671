#include "cli/nlp_flags.h"

#include <chrono>
#include <iostream>

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

Pipeline* LazyPipeline::Get() {
  if (pipeline_ || failed_) return pipeline_.get();
  const auto t0 = std::chrono::steady_clock::now();
  auto p = Pipeline::Load(models_dir_);
  if (!p.ok()) {
    std::cerr << "thaw: error: cannot load the tagger and parser: " << p.status().message() << "\n";
    failed_ = true;
    return nullptr;
  }
  pipeline_ = std::move(p).value();
  (void)t0;
  return pipeline_.get();
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
