// Flags and lazy model loading for commands that may parse text themselves (code, eval, parse).
// CLI-edge code; not thread-safe (PipelinePool hands out one pipeline per thread).
#ifndef THAW_CLI_NLP_FLAGS_H_
#define THAW_CLI_NLP_FLAGS_H_

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "nlp/pipeline.h"

namespace thaw {

struct NlpFlags {
  std::string parse = "auto";
  std::string models;
  int threads = 0;  // 0: DefaultThreads()
};

// Adds --parse (when `with_parse`) and --models.
void AddNlpFlags(CLI::App* app, NlpFlags* f, bool with_parse = true);
// Adds --threads, for commands that work on documents in parallel.
void AddThreadsFlag(CLI::App* app, NlpFlags* f);
// --threads, or the cores this process may use when it is 0.
int ThreadCount(const NlpFlags& f);
// Documents to work on at once on `threads` threads: enough per thread to even out their
// sizes, few enough that output keeps streaming.
inline size_t BatchSize(int threads) { return 8 * static_cast<size_t>(threads); }

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

// One pipeline per thread, for documents worked on in parallel: thread 0's is loaded the
// first time a batch needs it (so coding given parses never loads models), the others share
// its models (Pipeline::ForAnotherThread). Used from the calling thread only; the pipelines
// it hands out are each used by one thread at a time.
class PipelinePool {
 public:
  PipelinePool(std::string models_dir, int threads)
      : first_(std::move(models_dir)), threads_(threads) {}
  int threads() const { return threads_; }
  // Makes pipelines ready for threads [0, k) and returns how many are: k; fewer when no more
  // could be made (said once, as a warning); 0 when the models cannot be loaded (said once).
  int Ready(int k);
  // Thread t's pipeline, t < the count a Ready() call returned.
  Pipeline* Get(int t) { return t == 0 ? first_.Get() : others_[t - 1].get(); }

 private:
  LazyPipeline first_;
  std::vector<std::unique_ptr<Pipeline>> others_;  // threads 1..
  int threads_;
  bool no_more_ = false;  // ForAnotherThread failed; stay with the pipelines there are
};

// True when `doc` has a sentence that `mode` would have thaw parse.
bool NeedsPipeline(const Document& doc, ParseMode mode);

}  // namespace thaw

#endif  // THAW_CLI_NLP_FLAGS_H_
