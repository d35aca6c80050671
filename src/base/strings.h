// Small string helpers for ASCII-cased dictionary text and UTF-8 checks.
// All functions are pure and thread-safe; returned views borrow from the argument.
#ifndef THAW_BASE_STRINGS_H_
#define THAW_BASE_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace thaw {

// Strips ASCII whitespace (space, tab, CR, LF, VT, FF) from both ends.
std::string_view Trim(std::string_view s);
// Upper-cases ASCII letters; other bytes (UTF-8 included) are copied unchanged.
std::string ToUpperAscii(std::string_view s);
std::string ToLowerAscii(std::string_view s);
// "1 document", "2 documents": n and `noun`, with an "s" unless n is 1.
std::string CountOf(size_t n, std::string_view noun);
// True when `s` equals `lower` (all lower case) ignoring the case of ASCII letters in `s`.
bool EqualsLowerAscii(std::string_view s, std::string_view lower);
// Splits on any run of ASCII whitespace; no empty pieces.
std::vector<std::string_view> SplitWhitespace(std::string_view s);
// Splits on `sep`; keeps empty pieces.
std::vector<std::string_view> Split(std::string_view s, char sep);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);
// Returns `s` with each invalid UTF-8 byte replaced by U+FFFD.
std::string RepairUtf8(std::string_view s);
// Decodes the five XML predefined entities and numeric character references;
// unknown entities are kept literally.
std::string DecodeXmlEntities(std::string_view s);
// Escapes a string for a JSON string literal body (no surrounding quotes).
void AppendJsonEscaped(std::string_view s, std::string* out);
// Appends `s` as one line of a TSV or CoNLL-U file: tabs, C0 controls, DEL, NEL (U+0085) and
// U+2028/U+2029 (where Python's str.splitlines() or R's readLines would end a line) each
// become one space, so character offsets into the text still hold.
void AppendOneLine(std::string_view s, std::string* out);

// Byte offsets in a UTF-8 text -> code point (character) offsets, as Python, R and SQL's
// substr count. Counts on from the offset asked for last, forwards or back, so offsets asked
// for in text order cost one pass over the text. A byte that starts no character (invalid
// UTF-8) counts with the one before it. Holds a view.
class CodePointCounter {
 public:
  explicit CodePointCounter(std::string_view text) : text_(text) {}
  // The number of code points that start before byte `byte` (clamped to the text's end).
  size_t At(size_t byte) {
    byte = byte < text_.size() ? byte : text_.size();
    for (; byte_ < byte; ++byte_) count_ += !IsContinuation(text_[byte_]);
    for (; byte_ > byte; --byte_) count_ -= !IsContinuation(text_[byte_ - 1]);
    return count_;
  }

 private:
  static bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
  std::string_view text_;
  size_t byte_ = 0, count_ = 0;
};

}  // namespace thaw

#endif  // THAW_BASE_STRINGS_H_
