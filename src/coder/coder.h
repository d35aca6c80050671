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
  // Drop events whose target is the source or a coarser code of it ("Seoul said THAAD could
  // help defend South Korea": KORGOV on KOR). Off for PETRARCH conformance, which keeps them.
  bool drop_self_directed = false;
  // Drop events whose source or target has no country or organisation ("---GOV" for "the
  // government", "---EDU" for "a university"): a dyad nobody can place. Off for conformance.
  bool drop_unknown_actors = false;
  // Restrict the target search to the verb's own arguments: not places and settings ("met
  // in Singapore", "according to state media", "after the summit"), relative clauses or
  // participial clauses; a conjoined subject acts on itself only for mutual acts (meet, sign,
  // cooperate, fight), not for "Xi and Kim visited the tower". Off for conformance.
  bool strict_targets = false;
  // The date at which dated actor codes (leaders: "Putin" is RUSGOV after 1998-07-24) are
  // resolved in a sentence that has no date; kNoDate: they do not apply there (PETRARCH).
  Date undated_as_of = kNoDate;

  // The settings for coding news: everything above that favours precision.
  static CoderOptions News() {
    CoderOptions o;
    o.drop_self_directed = true;
    o.drop_unknown_actors = true;
    o.strict_targets = true;
    return o;
  }
};

class Coder {
 public:
  // Compiles `dicts`. Patterns that cannot be used (unknown codes such as "+++") are reported
  // to `diags` and dropped. Fails when the set holds no verbs.
  static Result<std::unique_ptr<Coder>> Create(const DictionarySet& dicts,
                                               const CoderOptions& options, Diagnostics* diags);
  ~Coder();
  Coder(const Coder&) = delete;  // owns large tables; share by reference
  Coder& operator=(const Coder&) = delete;

  // Allocates scratch space for one thread.
  ScratchPtr NewScratch() const;
  enum class Outcome { kCoded, kUnparsed, kDiscarded, kStoryDiscarded };
  // Codes one sentence with a dependency parse and appends its events to *out. A sentence
  // without a parse, or with a discard phrase, yields no events; kStoryDiscarded (a '+'
  // discard such as "+TYPHOON") means the whole document should be dropped.
  Outcome CodeSentence(const Sentence& sentence, CoderScratch* scratch,
                       std::vector<Event>* out) const;
  // Codes every sentence of `doc` into out->events[i] for sentence i; a story discard in any
  // sentence empties them all. `out` is reused across calls to avoid reallocation.
  struct DocumentEvents {
    std::vector<std::vector<Event>> events;
    bool story_discarded = false;
    size_t coded = 0;     // sentences with a parse
    size_t unparsed = 0;  // sentences (or a whole raw-text document) without one
  };
  void CodeDocument(const Document& doc, CoderScratch* scratch, DocumentEvents* out) const;

  // What the dictionaries make of a tokenized phrase, matched as in coding: the longest actor,
  // agent and discard phrase starting at each token, and each token that is a dictionary verb.
  struct LookupHit {
    enum class Kind { kActor, kAgent, kDiscard, kVerb };
    Kind kind = Kind::kActor;
    int32_t begin = 0, end = 0;  // token span [begin, end)
    std::string code;    // actor: the code on `date`; agent: "~GOV" / "NGO~"; verb: block code
    std::string source;  // "file:line" of the entry
    std::string detail;  // actor: every code with its window; verb: block name and pattern count
  };
  // `date` picks among dated actor codes (kNoDate: the undated code). No parse is needed.
  std::vector<LookupHit> Lookup(const Sentence& sentence, Date date) const;

 private:
  explicit Coder(std::unique_ptr<CompiledDictionaries> dict, const CoderOptions& options);
  std::unique_ptr<CompiledDictionaries> dict_;
  CoderOptions options_;
};

}  // namespace thaw

#endif  // THAW_CODER_CODER_H_
