// Sentence splitting and UD-style (English EWT/GUM) tokenization of raw news text.
// Not thread-safe: a Segmenter holds ICU iterator state and scratch buffers; use one per thread.
#ifndef THAW_NLP_SEGMENTER_H_
#define THAW_NLP_SEGMENTER_H_

#include <memory>
#include <string_view>

#include "base/status.h"
#include "text/document.h"

namespace thaw {

// Sentence boundaries come from ICU's sentence rules, corrected for news and web text
// (abbreviations, initials, quotes after the full stop, citations, datelines) and for the
// line structure of scraped pages: a blank line always ends a sentence, and so does a line
// break after a headline or boilerplate line; a line break inside a wrapped paragraph does
// not. A sentence is also cut after kMaxSentenceTokens tokens, so that text without any
// punctuation cannot make one huge sentence. Tokens follow UD English: punctuation split off,
// clitics split ("do n't", "I 'm", possessive "'s"), URLs, e-mail addresses, numbers and
// abbreviations kept whole, hyphenated words split except after prefixes ("anti-war").
class Segmenter {
 public:
  static constexpr size_t kMaxSentenceTokens = 1000;

  // Builds the ICU sentence break iterator. Fails only when ICU cannot (missing ICU data).
  static Result<std::unique_ptr<Segmenter>> Create();
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;  // owns ICU state that must not be shared
  Segmenter& operator=(const Segmenter&) = delete;

  // Splits doc->text into sentences appended to doc->sentences. Each gets id
  // "<doc id>-<n>" (n 1-based, counting the sentences appended by this call), text = its
  // trimmed text, doc_offset = byte offset of that text in doc->text, date = doc->date, and
  // tokens as Tokenize makes them. Whitespace-only text adds no sentence. Invalid UTF-8 is
  // tolerated: a stray byte becomes a one-byte token and is never merged into a neighbour.
  void Segment(Document* doc);

  // Replaces out->tokens (and its string pool) with the tokens of one already-split sentence
  // `text`, which may be a view of out->text: forms interned into out's pool, char_begin /
  // char_end = byte offsets into `text`, lemma/upos/xpos/deprel empty, head -1; sets
  // has_parse = false. out->text is not modified.
  void Tokenize(std::string_view text, Sentence* out);

 private:
  struct Impl;
  explicit Segmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace thaw

#endif  // THAW_NLP_SEGMENTER_H_
