// Flags and lazy model loading for commands that may parse text themselves (code, eval, parse).
// CLI-edge code; not thread-safe.
#ifndef THAW_CLI_NLP_FLAGS_H_
#define THAW_CLI_NLP_FLAGS_H_

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "nlp/pipeline.h"

namespace thaw {

struct NlpFlags {
  std::string parse = "auto";
  std::string models;
};

// Adds --parse (when `with_parse`) and --models.
void AddNlpFlags(CLI::App* app, NlpFlags* f, bool with_parse = true);

// Loads the pipeline the first time a document needs it, so coding given parses never pays
// for model loading. Get() returns nullptr (after printing why, once) when models are missing.
class LazyPipeline {
 public:
  explicit LazyPipeline(std::string models_dir) : models_dir_(std::move(models_dir)) {}
  Pipeline* Get();

 private:
  std::string models_dir_;
  std::unique_ptr<Pipeline> pipeline_;
  bool failed_ = false;
};

// True when `doc` has a sentence that `mode` would have thaw parse.
bool NeedsPipeline(const Document& doc, ParseMode mode);

}  // namespace thaw

#endif  // THAW_CLI_NLP_FLAGS_H_
