// The event coder: compiles PETRARCH-format dictionaries into flat lookup tables and codes
// dependency-parsed sentences into events. A Coder is immutable and thread-safe once built;
// each thread passes its own CoderScratch.
#ifndef THAW_CODER_CODER_H_
#define THAW_CODER_CODER_H_

#include <memory>
#include <vector>

#include "base/diagnostics.h"
#include "base/status.h"
#include "coder/event.h"
#include "dict/dictionaries.h"
#include "text/document.h"

namespace thaw {

struct CompiledDictionaries;  // coder/compiled.h
struct CoderScratch;          // per-thread working memory, reused across sentences

// Frees scratch memory; defined where CoderScratch is complete.
struct CoderScratchDeleter {
  void operator()(CoderScratch* s) const;
};
using ScratchPtr = std::unique_ptr<CoderScratch, CoderScratchDeleter>;

struct CoderOptions {
  // Emit events with a source but no target (target "---"). PETRARCH's require_dyad=false.
  // A validation record's <Config require_dyad> overrides this per sentence when
  // `honor_record_config` is set.
  bool allow_monads = false;
  bool honor_record_config = true;
};

class Coder {
 public:
  // Compiles `dicts`. Patterns that cannot be used (unknown codes such as "+++") are reported
  // to `diags` and dropped. Fails when the set holds no verbs.
  static Result<std::unique_ptr<Coder>> Create(const DictionarySet& dicts, const CoderOptions& options,
                                               Diagnostics* diags);
  ~Coder();
  Coder(const Coder&) = delete;  // owns large tables; share by reference
  Coder& operator=(const Coder&) = delete;

  // Allocates scratch space for one thread.
  ScratchPtr NewScratch() const;
  // Codes one sentence with a dependency parse and appends its events to *out. A sentence
  // without a parse, or discarded by the discard dictionary, yields no events.
  void CodeSentence(const Sentence& sentence, CoderScratch* scratch, std::vector<Event>* out) const;
  // True when a story-level discard phrase (e.g. "+TYPHOON") occurs in the sentence: the
  // whole document it belongs to should then be dropped.
  bool IsStoryDiscard(const Sentence& sentence, CoderScratch* scratch) const;

 private:
  explicit Coder(std::unique_ptr<CompiledDictionaries> dict, const CoderOptions& options);
  std::unique_ptr<CompiledDictionaries> dict_;
  CoderOptions options_;
};

}  // namespace thaw

#endif  // THAW_CODER_CODER_H_
