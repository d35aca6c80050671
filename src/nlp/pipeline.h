// The NLP pipeline: raw text -> sentences and tokens -> tags and lemmas -> dependency trees,
// using the models under models/. One Pipeline per thread (the segmenter holds ICU state);
// ForAnotherThread gives more threads theirs without loading the models again.
#ifndef THAW_NLP_PIPELINE_H_
#define THAW_NLP_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "text/document.h"

namespace thaw {

class Segmenter;
class Tagger;
class Parser;

// Where parses come from.
enum class ParseMode {
  kAuto,   // use a parse given in the input (CoNLL-U, or a PTB tree converted); parse the rest
  kGiven,  // only given parses; sentences without one stay unparsed
  kOwn,    // always our own: re-tokenize each sentence's text, then tag and parse
  kRetag,  // keep the given tokens, re-tag and re-parse them (evaluation with gold tokens)
};

// Parses "auto", "given", "own"; "retag" is used by `thaw parse --tokenized`.
Result<ParseMode> ParseParseMode(std::string_view name);

// The directory holding tagger.model and parser.model: `flag` when given, else $THAW_MODELS,
// else models/ beside or above the executable, else the source tree's models/ (compile-time).
std::string FindModelsDir(const std::string& flag, const char* argv0);

class Pipeline {
 public:
  // Loads models from `models_dir`. Fails with a message naming the missing file and how to
  // get it (they ship in the repository; `thaw train` rebuilds them). segmenter.model is
  // optional: when it is missing the segmenter uses its rules alone; when it is present but
  // unreadable, Load fails.
  static Result<std::unique_ptr<Pipeline>> Load(const std::string& models_dir);
  // A pipeline for another thread: shares this one's models (immutable, tens of MB), with a
  // segmenter of its own (it holds ICU state). Reads no file; fails only if ICU does.
  Result<std::unique_ptr<Pipeline>> ForAnotherThread() const;
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;  // one per thread; ForAnotherThread shares the models
  Pipeline& operator=(const Pipeline&) = delete;

  // Brings every sentence of *doc to a dependency parse according to `mode`: splits
  // doc->text into sentences when it has none, converts PTB trees, tokenizes, tags, parses.
  // Returns the number of sentences parsed by thaw itself (not given).
  size_t Annotate(Document* doc, ParseMode mode);
  // Splits doc->text into tokenized sentences (no tags, no parse), replacing any it had.
  void Segment(Document* doc);

 private:
  Pipeline();
  static Result<std::unique_ptr<Segmenter>> LoadSegmenter(const std::string& models_dir);
  std::string models_dir_;
  std::unique_ptr<Segmenter> segmenter_;
  std::shared_ptr<const Tagger> tagger_;  // shared with ForAnotherThread's pipelines
  std::shared_ptr<const Parser> parser_;
  std::vector<Sentence*> todo_;  // Annotate's scratch: the sentences to tag and parse
};

}  // namespace thaw

#endif  // THAW_NLP_PIPELINE_H_
