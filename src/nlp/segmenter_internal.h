// Internals of the segmenter shared by segmenter.cc and segmenter_tokenize.cc (and their
// test): the hand-written tokenizer over byte offsets and the character and word classes
// the sentence rules use. Pure functions, thread-safe; not part of the public API.
#ifndef THAW_NLP_SEGMENTER_INTERNAL_H_
#define THAW_NLP_SEGMENTER_INTERNAL_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace thaw::segmenter_internal {

// A token as a byte range [begin, end) of the text being tokenized.
struct RawToken {
  uint32_t begin;
  uint32_t end;
};

// One decoded code point; invalid UTF-8 decodes to U+FFFD with len 1.
struct CodePoint {
  char32_t cp;
  uint32_t len;
};
CodePoint DecodeAt(std::string_view s, size_t i);

enum class CharClass : uint8_t { kSpace, kWord, kPunct };
CharClass Classify(char32_t cp);
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);

// Appends the tokens of text[begin, end) to *out, offsets relative to `text`. Linear in the
// length of the range. The range must start and end outside a token (at whitespace or at the
// text's ends). The last token is not treated as sentence-final: see HasKeptPeriod.
void TokenizeRange(std::string_view text, size_t begin, size_t end, std::vector<RawToken>* out);

// True for an emoticon such as ":)", ":-(", ";D", "=)", "<3", "^_^" (one token in EWT).
bool IsEmoticon(std::string_view s);

// How an abbreviation with its period kept behaves at a sentence-boundary candidate.
enum class Abbrev : uint8_t {
  kNone,   // not an abbreviation: its period is a token of its own
  kTitle,  // "Mr.", "Gen.", "J." (initial): never ends a sentence before a name or number
  kFinal,  // "U.S.", "Inc.", "etc.", "Aug.": may end a sentence; see IsSentenceStarter
  kNumber, // "No.", "Fig.", "c.", "ext.": an abbreviation only before a number ("No. 5")
};
// Classifies a token whose form ends in '.', such as "U.S." or "Gen."; kNone otherwise.
Abbrev ClassifyAbbrev(std::string_view form);

// A word that often begins a sentence after a kFinal abbreviation ("The", "He", "But").
bool IsSentenceStarter(std::string_view form);

// True when `form` is a word with its abbreviation period kept ("U.S.", "etc."). UD splits
// that period off when the abbreviation ends a sentence ("etc" "."), so the sentence
// builder splits such a token when it is the last of its sentence.
bool HasKeptPeriod(std::string_view form);

}  // namespace thaw::segmenter_internal

#endif  // THAW_NLP_SEGMENTER_INTERNAL_H_
