// Sentence splitting and UD-style (English EWT/GUM) tokenization of raw news text.
// Not thread-safe: a Segmenter holds ICU iterator state and scratch buffers; use one per thread.
#ifndef THAW_NLP_SEGMENTER_H_
#define THAW_NLP_SEGMENTER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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
//
// With a trained model (models/segmenter.model, see segmenter.cc and
// src/train/segmenter_train.cc) every space between two tokens on one line is decided by an
// averaged perceptron whose features include the rules' decision; line breaks are decided by
// the rules alone, with or without a model.

// A trained boundary model: hashed feature weights. Built by the trainer.
struct SegmenterModelData {
  static constexpr uint32_t kTableBits = 18;  // the weight table has 2^kTableBits slots
  // Non-zero weights: slot index[i] (distinct, < 2^kTableBits) has weight weight[i].
  std::vector<uint32_t> index;
  std::vector<float> weight;
};

// Writes `data` to `path` atomically (nothing half-written on failure).
Status WriteSegmenterModel(const SegmenterModelData& data, const std::string& path);

class Segmenter {
 public:
  static constexpr size_t kMaxSentenceTokens = 1000;

  // A rule-based segmenter: builds the ICU sentence break iterator. Fails only when ICU
  // cannot (missing ICU data).
  static Result<std::unique_ptr<Segmenter>> Create();
  // A segmenter using `model` (InvalidArgument when its arrays are inconsistent).
  static Result<std::unique_ptr<Segmenter>> Create(const SegmenterModelData& model);
  // Reads a model written by WriteSegmenterModel. Errors name the file: missing (IoError),
  // not a segmenter model, another format version, truncated or inconsistent (Corruption).
  static Result<std::unique_ptr<Segmenter>> Load(const std::string& path);
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

  // True when a boundary model decides the gaps within lines (Create(model) or Load).
  bool has_model() const;

  // A segmenter for another thread: this one's model, shared (read-only), with its own ICU
  // state and scratch. Fails only as Create does.
  Result<std::unique_ptr<Segmenter>> ForAnotherThread() const;

  // --- Training support (src/train/segmenter_train.cc) ---
  // One gap the model decides: whitespace without a line break between two tokens.
  struct Gap {
    uint32_t end;           // byte offset where a sentence ending at this gap ends
    bool rule;              // the rules' decision
    const uint32_t* slots;  // the weight-table slots of its features (repeats possible)
    int num_slots;
  };
  class GapDecider {
   public:
    virtual ~GapDecider() = default;
    // Returns true when a sentence ends at `gap`. The view is valid during the call only.
    virtual bool Decide(const Gap& gap) = 0;
  };
  // Segment, with every gap the model would decide decided by *decider instead, left to
  // right (the features of a gap depend on the decisions before it).
  void SegmentWith(Document* doc, GapDecider* decider);

 private:
  struct Impl;
  explicit Segmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace thaw

#endif  // THAW_NLP_SEGMENTER_H_
