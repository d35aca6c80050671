// Fills Sentence tokens from CoNLL-U token lines; shared by the CoNLL-U reader and the
// <Parse> blocks of PETRARCH records. Internal to src/text; not thread-safe.
#ifndef THAW_TEXT_CONLLU_H_
#define THAW_TEXT_CONLLU_H_

#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"

namespace thaw {

// Usage: Begin(s); AddLine(...) per token line; Finish(...). One builder can be reused for
// any number of sentences; its scratch buffers keep their capacity.
class ConlluBuilder {
 public:
  // Starts a sentence: clears s's tokens and pool. `s` must outlive Finish().
  void Begin(Sentence* s);
  // Adds one line of the 10 tab-separated columns (ID FORM LEMMA UPOS XPOS FEATS HEAD
  // DEPREL DEPS MISC). Multiword ranges ("1-2") and empty nodes ("1.1") add no token.
  // Returns false and sets *error on the first malformed line of the sentence; later lines
  // are then ignored (returning true) so that each bad sentence is reported once.
  bool AddLine(std::string_view line, int line_no, std::string* error);
  // Ends the sentence. On success converts heads to 0-based indices (-1 = root) and sets
  // has_parse (false when every head is "_": tokenised but unparsed input). Returns false
  // when the sentence has no usable parse; then the tokens are cleared, has_parse is false,
  // and *error / *error_line describe the problem unless AddLine already reported it
  // (*error is left empty then). Problems found here: head out of range, self-headed token.
  bool Finish(std::string* error, int* error_line);
  // True when no token line was added since Begin().
  bool empty() const { return lines_seen_ == 0; }
  // The sentence text rebuilt from surface forms and SpaceAfter=No, for input that has
  // no "# text" comment. Valid after Finish() until the next Begin().
  const std::string& surface() const { return surface_; }

 private:
  Sentence* s_ = nullptr;
  bool failed_ = false;
  int lines_seen_ = 0;
  int unparsed_heads_ = 0;  // tokens whose HEAD is "_"
  int multiword_end_ = 0;   // last word id covered by the current multiword token
  std::vector<int> heads_;  // 1-based heads as written, per token
  std::vector<int> lines_;  // input line per token, for messages
  std::string surface_;
};

// Sets Token::char_begin/char_end by finding each form in s->text in order, allowing
// whitespace between tokens. Forms that do not appear where expected (e.g. "-LRB-" for
// "(") keep kNoOffset and do not move the cursor. Linear in the text length.
void AlignTokens(Sentence* s);

}  // namespace thaw

#endif  // THAW_TEXT_CONLLU_H_
