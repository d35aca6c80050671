// Dependency parser: Universal Dependencies trees (heads and relations with subtypes, as in
// UD English EWT/GUM) for tokenized, tagged sentences.
//
// A greedy arc-hybrid transition parser scored by an averaged perceptron over sparse hashed
// features (design and measurements in parser_model.cc and src/train/parser_train.cc).
// Models are written by TrainParser (train/parser_train.h); models/parser.model ships with
// thaw.
#ifndef THAW_NLP_PARSER_H_
#define THAW_NLP_PARSER_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "text/document.h"

namespace thaw {

namespace parse_internal {
class ParserModel;
}

// An immutable loaded model. Thread-safe: Parse() is const and keeps its scratch per thread,
// so one Parser may serve any number of threads.
class Parser {
 public:
  // Loads a model written by TrainParser. Errors (missing file, not a parser model, another
  // format version, truncated or inconsistent data) name `path`.
  static Result<std::unique_ptr<Parser>> Load(const std::string& path);
  ~Parser();
  Parser(const Parser&) = delete;  // owns tens of megabytes of tables; share by pointer
  Parser& operator=(const Parser&) = delete;

  // Parses *s using its forms and UPOS/XPOS tags (and lemmas when present; a missing tag
  // counts as an unknown one). Sets every token's head (0-based, -1 for the one root) and
  // deprel (interned into the sentence), and has_parse = true. The result is always a
  // single-rooted tree; a sentence without tokens is left empty with has_parse = true.
  void Parse(Sentence* s) const;

  // Bytes of weight tables in memory.
  size_t memory() const;

 private:
  explicit Parser(std::unique_ptr<parse_internal::ParserModel> model);
  std::unique_ptr<parse_internal::ParserModel> model_;
};

}  // namespace thaw

#endif  // THAW_NLP_PARSER_H_
