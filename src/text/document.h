// Documents and sentences: the unit every reader produces and every later layer consumes.
// A Sentence owns its strings; tokens refer to them by offset so copies never dangle.
#ifndef THAW_TEXT_DOCUMENT_H_
#define THAW_TEXT_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/strings.h"

namespace thaw {

// A byte range inside Sentence::pool().
struct Span {
  uint32_t begin = 0;
  uint32_t size = 0;
};

inline constexpr uint32_t kNoOffset = 0xFFFFFFFFu;

// One token of a sentence with its (optional) Universal Dependencies annotation.
struct Token {
  Span form, lemma, upos, xpos, deprel;
  Span feats;                       // "Number=Sing|..." (CoNLL-U FEATS); empty when none
  int32_t head = -1;                // 0-based index of the head token; -1 for the root
  uint32_t char_begin = kNoOffset;  // byte offsets into Sentence::text, when known
  uint32_t char_end = kNoOffset;
};

// An event a validation record expects (PETRARCH <EventCoding>).
struct ExpectedEvent {
  std::string source, target, code;
};

// What a validation record expects; empty for ordinary input.
struct Expectation {
  bool present = false;                // the record had any <EventCoding>
  std::vector<ExpectedEvent> events;   // empty with present=true means "no events"
  std::string error;                   // error="..." attribute (dateline, storydiscard, ...)
};

// A sentence: raw text plus tokens (possibly parsed). Not thread-safe to mutate.
class Sentence {
 public:
  std::string id;      // XML id, CoNLL-U sent_id, or "<doc_id>-<n>"
  std::string text;    // the sentence text as it appeared in the input
  Date date = kNoDate;
  std::vector<Token> tokens;
  bool has_parse = false;   // tokens carry heads and relations from the input
  // A Penn Treebank bracketed tree ("(ROOT (S ...") given instead of CoNLL-U, kept verbatim
  // for a later conversion; empty otherwise. has_parse stays false when only this is set.
  std::string tree;
  Expectation expected;     // only for validation records
  uint32_t doc_offset = kNoOffset;  // byte offset of `text` in Document::text, when known
  // Reader-level coding options from PETRARCH <Config> tags in effect for this record.
  bool require_dyad = true;

  std::string_view Str(Span s) const { return std::string_view(pool_).substr(s.begin, s.size); }
  std::string_view Form(size_t i) const { return Str(tokens[i].form); }
  std::string_view Lemma(size_t i) const { return Str(tokens[i].lemma); }
  std::string_view Upos(size_t i) const { return Str(tokens[i].upos); }
  std::string_view Xpos(size_t i) const { return Str(tokens[i].xpos); }
  std::string_view Deprel(size_t i) const { return Str(tokens[i].deprel); }
  std::string_view Feats(size_t i) const { return Str(tokens[i].feats); }
  // Copies `s` into the sentence's string pool and returns its span.
  Span Intern(std::string_view s) {
    Span span{static_cast<uint32_t>(pool_.size()), static_cast<uint32_t>(s.size())};
    pool_.append(s);
    return span;
  }
  void ClearTokens() {
    tokens.clear();
    pool_.clear();
  }

 private:
  std::string pool_;
};

// A document: metadata, raw text and its sentences.
struct Document {
  std::string id;
  std::string title;
  std::string source;
  std::string url;
  Date date = kNoDate;
  bool date_inferred = false;  // date taken from the file name or the text, not metadata
  std::string date_evidence;   // what it was inferred from
  std::string text;  // raw text, when the input had any
  std::vector<Sentence> sentences;
  std::string origin;  // "file:line" where the document started, for messages
};

// Where tokens [begin, end) of `sent`, a sentence of `doc`, lie in doc.text: character (code
// point) offsets [*first, *last), counted by `chars` (a CodePointCounter over doc.text). False,
// leaving both unset, when the range is empty or the input gave those tokens no offsets.
inline bool TokenCharRange(const Document& doc, const Sentence& sent, int begin, int end,
                           CodePointCounter* chars, int64_t* first, int64_t* last) {
  if (begin < 0 || end <= begin || static_cast<size_t>(end) > sent.tokens.size() ||
      sent.doc_offset == kNoOffset) {
    return false;
  }
  const uint32_t b = sent.tokens[begin].char_begin, e = sent.tokens[end - 1].char_end;
  if (b == kNoOffset || e == kNoOffset || size_t{sent.doc_offset} + e > doc.text.size())
    return false;
  *first = static_cast<int64_t>(chars->At(size_t{sent.doc_offset} + b));
  *last = static_cast<int64_t>(chars->At(size_t{sent.doc_offset} + e));
  return true;
}

}  // namespace thaw

#endif  // THAW_TEXT_DOCUMENT_H_
