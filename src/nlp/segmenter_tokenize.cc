// The tokenizer: a hand-written scanner over byte offsets, following the tokenization of the
// UD English treebanks (EWT, GUM), checked against en_ewt-ud-train and en_gum-ud-train.
//
// Each whitespace-separated chunk is cut in four passes, each linear in the chunk:
//   1. leading punctuation is peeled off, one token per mark or run of the same mark ("...",
//      "--", "``"), except an apostrophe that starts a clitic or a shortening ("'s", "'90s");
//   2. a URL (scheme or "www.") takes the rest of the chunk less closing punctuation;
//   3. trailing punctuation is found from the end, keeping the period of an abbreviation;
//   4. the core between them is scanned left to right: words run on over word-internal
//      connectors (a period or '@' before a letter, "50,000", "12:30", "08/16", "AT&T",
//      a hyphen after a prefix such as "anti-" or inside a phone number) and stop before a
//      clitic ("do|n't", "I|'m", "Bush|'s"); everything else is a token per mark or run.
// Word classes for non-ASCII code points come from ICU (u_charType); the scanner never cuts
// inside a multibyte character, and an invalid byte is a token of its own.
#include <unicode/uchar.h>

#include <array>
#include <cstring>
#include <string_view>

#include "nlp/segmenter_internal.h"

namespace thaw::segmenter_internal {
namespace {

constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
constexpr char LowerAscii(char c) { return IsAsciiUpper(c) ? static_cast<char>(c + 32) : c; }

// ASCII classes by table: the hot path never calls ICU for ASCII text.
constexpr std::array<CharClass, 128> MakeAsciiClasses() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (c <= 0x20 || c == 0x7F) {
      t[c] = CharClass::kSpace;  // controls count as whitespace: they never join a token
    } else if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               c == '_') {
      t[c] = CharClass::kWord;
    } else {
      t[c] = CharClass::kPunct;
    }
  }
  return t;
}
constexpr std::array<CharClass, 128> kAsciiClasses = MakeAsciiClasses();

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

bool InListIgnoreCase(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (EqualsIgnoreCase(w, x)) return true;
  }
  return false;
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }
bool IsHyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

// Start of the code point that ends just before byte `i` (i > 0).
size_t PrevStart(std::string_view s, size_t i) {
  size_t j = i - 1;
  // At most three continuation bytes; a stray one stands alone, as DecodeAt treats it.
  size_t limit = i >= 4 ? i - 4 : 0;
  while (j > limit && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  if (DecodeAt(s, j).len != i - j) return i - 1;
  return j;
}

// Prefixes UD keeps attached with their hyphen ("anti-war", "e-mail", "co-workers"): the
// first parts of hyphenated words kept whole in en_ewt/en_gum train; parts such as "self",
// "well", "all", "high", "twenty" are split there and are not listed.
bool IsHyphenPrefix(std::string_view w) {
  return InListIgnoreCase(w, {"anti", "pro", "non", "re", "pre", "post", "co", "e", "mid",
                              "multi", "semi", "ex", "sub", "counter", "cross", "over", "mini",
                              "neo", "inter", "intra", "ultra", "micro", "macro", "super", "bi",
                              "tri", "de", "extra", "pseudo", "quasi", "trans", "mis", "un",
                              "hyper", "auto", "mega"});
}

// Words UD splits without an apostrophe (multiword tokens in EWT/GUM): word, split offset.
struct Fused {
  std::string_view word;
  uint32_t split;
};
constexpr Fused kFused[] = {
    {"gonna", 3},    {"wanna", 3},    {"gotta", 3},    {"outta", 3},    {"cannot", 3},
    {"dont", 2},     {"doesnt", 4},   {"didnt", 3},    {"cant", 2},     {"wont", 2},
    {"isnt", 2},     {"arent", 3},    {"wasnt", 3},    {"werent", 4},   {"couldnt", 5},
    {"wouldnt", 5},  {"shouldnt", 6}, {"havent", 4},   {"hasnt", 3},    {"hadnt", 3},
    {"aint", 2},     {"im", 1},       {"ive", 1},      {"youre", 3},    {"youll", 3},
    {"thats", 4},    {"whats", 4},    {"theres", 5},
};

uint32_t FusedSplit(std::string_view w) {
  if (w.size() < 2 || w.size() > 8) return 0;
  for (const Fused& f : kFused) {
    if (EqualsIgnoreCase(w, f.word)) return f.split;
  }
  return 0;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool StartsUrl(std::string_view s) {
  return StartsWithIgnoreCase(s, "http://") || StartsWithIgnoreCase(s, "https://") ||
         StartsWithIgnoreCase(s, "ftp://") || StartsWithIgnoreCase(s, "mailto:") ||
         (StartsWithIgnoreCase(s, "www.") && s.size() > 4);
}

// Punctuation a URL or an address does not end with when text follows it.
bool IsUrlTrailer(char c) { return std::strchr(".,;:!?'\")]}>", c) != nullptr; }

// Characters an e-mail address or a user@HOST name can contain.
bool IsAddressChar(char c) {
  return (c & 0x80) == 0 && (kAsciiClasses[static_cast<unsigned char>(c)] == CharClass::kWord ||
                             c == '.' || c == '-' || c == '+' || c == '%' || c == '@');
}

class ChunkTokenizer {
 public:
  ChunkTokenizer(std::string_view text, std::vector<RawToken>* out) : t_(text), out_(out) {}

  void Chunk(size_t b, size_t e);

 private:
  bool IsWordAt(size_t i, size_t e) const {
    return i < e && Classify(DecodeAt(t_, i).cp) == CharClass::kWord;
  }
  void Emit(size_t b, size_t e) {
    if (e > b) out_->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  }
  // Length of the punctuation token at i: one mark, or a run of the same mark for the
  // repeatable ones ("...", "--", "!!!", "?!", "``", "''", "====", "——").
  size_t PunctRun(size_t i, size_t e) const;
  // Length of an apostrophe-led word at b ("'s", "'re", "'em", "'90s"), or 0.
  size_t ApostropheWord(size_t b, size_t e) const;
  // End of the core: trailing punctuation excluded, an abbreviation period included.
  size_t CoreEnd(size_t b, size_t e, bool* kept_tail) const;
  void Core(size_t b, size_t e, bool kept_tail);
  // End of the word starting at i within [i, e); sets *clitic_end when a clitic token
  // [return value, *clitic_end) follows the word.
  size_t WordEnd(size_t i, size_t e, bool kept_tail, size_t* clitic_end);
  bool KeepHyphen(size_t seg_begin, size_t hyphen, size_t after, size_t e);
  // True when the letters at i (after a digit) are a unit that ends the word: "5|pm",
  // "35|mm", "10|k", as UD splits them ("3rd", "1990s" are not units).
  bool IsUnitAt(size_t i, size_t e) const;
  void EmitWord(size_t b, size_t e);

  std::string_view t_;
  std::vector<RawToken>* out_;
  size_t address_checked_until_ = 0;  // no address starts before this offset (linear guard)
  size_t digit_chain_end_ = 0;        // a kept digit-hyphen chain ("713-853-3989") ends here
};

size_t ChunkTokenizer::PunctRun(size_t i, size_t e) const {
  CodePoint c = DecodeAt(t_, i);
  size_t j = i + c.len;
  if (c.cp < 0x80) {
    const char ch = static_cast<char>(c.cp);
    if (ch == '.') {  // "...", and ".?" / ".!" as one mark; but "..." "?" as two
      while (j < e && t_[j] == '.') ++j;
      if (j == i + 1) {
        while (j < e && (t_[j] == '!' || t_[j] == '?')) ++j;
      }
    } else if (ch == '!' || ch == '?') {  // "?!", "!!!"
      while (j < e && (t_[j] == '!' || t_[j] == '?')) ++j;
    } else if (std::strchr("-=_*~+<>#`", ch)) {
      while (j < e && t_[j] == ch) ++j;
    } else if (ch == '\'' && j < e && t_[j] == '\'') {
      ++j;
    }
    return j - i;
  }
  if (c.cp == 0x2014 || c.cp == 0x2013 || c.cp == 0x2026 || c.cp == 0x2018 || c.cp == 0x2019) {
    while (j < e && DecodeAt(t_, j).cp == c.cp) j += c.len;
  }
  return j - i;
}

size_t ChunkTokenizer::ApostropheWord(size_t b, size_t e) const {
  CodePoint a = DecodeAt(t_, b);
  size_t i = b + a.len, j = i;
  while (j < e && j - i < 8 && IsAsciiAlpha(t_[j])) ++j;
  if (j > i && !IsWordAt(j, e)) {
    std::string_view w = t_.substr(i, j - i);
    if (InListIgnoreCase(w, {"s", "re", "ve", "ll", "d", "m", "em", "til", "cause", "n"})) {
      return j - b;
    }
  }
  // "'90s", "'08"
  j = i;
  while (j < e && IsAsciiDigit(t_[j])) ++j;
  if (j - i == 2) {
    if (j < e && t_[j] == 's') ++j;
    if (!IsWordAt(j, e)) return j - b;
  }
  return 0;
}

size_t ChunkTokenizer::CoreEnd(size_t b, size_t e, bool* kept_tail) const {
  *kept_tail = false;
  size_t ce = e;
  while (ce > b) {
    size_t p = PrevStart(t_, ce);
    if (Classify(DecodeAt(t_, p).cp) == CharClass::kWord) break;
    ce = p;
  }
  if (ce == b || ce >= e) return ce;
  if (t_[ce] == '-' && ce + 1 == e && IsAsciiAlpha(t_[ce - 1])) {  // cut-off word: "th-", "pre-"
    *kept_tail = true;
    return e;
  }
  if (t_[ce] == '/' && ce + 1 == e && ce == b + 1 && (t_[b] == 'w' || t_[b] == 'W')) {
    *kept_tail = true;  // "w/" (with), as EWT keeps it
    return e;
  }
  if (t_[ce] != '.') return ce;
  // The last letters-and-periods segment of the core plus the period, e.g. "N.K." in
  // "China-N.K.": an abbreviation keeps its period. Bounded look-back keeps this O(1).
  size_t s = ce;
  while (s > b && ce - s < 12 && (IsAsciiAlpha(t_[s - 1]) || t_[s - 1] == '.')) --s;
  if (s > b && (IsAsciiAlpha(t_[s - 1]) || t_[s - 1] == '.')) return ce;  // too long
  if (s > b && (t_[s - 1] & 0x80)) return ce;  // part of a non-ASCII word
  std::string_view form = t_.substr(s, ce + 1 - s);
  Abbrev kind = ClassifyAbbrev(form);
  if (kind == Abbrev::kNone) return ce;
  if (kind == Abbrev::kNumber) {  // "No. 5", "Fig. 3", "c. 1818", but "No." alone is a word
    size_t n = e;
    while (n < t_.size() && (t_[n] == ' ' || t_[n] == '\t')) ++n;
    if (!(n < t_.size() && IsAsciiDigit(t_[n]))) return ce;
  }
  *kept_tail = true;
  return ce + 1;
}

bool ChunkTokenizer::KeepHyphen(size_t seg_begin, size_t hyphen, size_t after, size_t e) {
  if (hyphen < digit_chain_end_) return true;
  std::string_view seg = t_.substr(seg_begin, hyphen - seg_begin);
  bool digits = !seg.empty();
  for (char c : seg) digits = digits && IsAsciiDigit(c);
  if (!digits) return IsHyphenPrefix(seg);
  // Digit groups joined by hyphens: phone numbers, zip+4 and dates stay whole
  // ("713-853-3989", "1-800-553-3119", "77002-1234", "04-26-2001"); ranges and
  // "5-year" split ("2003-2007", "5 - year").
  int groups = 1;
  size_t last_len = 0, i = after;
  while (true) {
    size_t g = i;
    while (i < e && IsAsciiDigit(t_[i])) ++i;
    if (i == g) return false;
    ++groups;
    last_len = i - g;
    if (i + 1 < e && t_[i] == '-' && IsAsciiDigit(t_[i + 1])) {
      ++i;
      continue;
    }
    if (IsWordAt(i, e)) return false;
    break;
  }
  bool keep = groups >= 3 || (last_len == 4 && (seg.size() == 3 || seg.size() == 5));
  if (keep) digit_chain_end_ = i;
  return keep;
}

bool ChunkTokenizer::IsUnitAt(size_t i, size_t e) const {
  size_t r = i;
  while (r < e && r - i < 4 && IsAsciiAlpha(t_[r])) ++r;
  if (IsWordAt(r, e)) return false;
  return InListIgnoreCase(t_.substr(i, r - i),
                          {"am", "pm", "mm", "cm", "km", "m", "kg", "mg", "lb", "lbs", "ft", "k",
                           "mph", "kph", "bn", "ml", "gb", "mb", "kb", "ghz", "mhz", "hrs", "hr"});
}

size_t ChunkTokenizer::WordEnd(size_t i, size_t e, bool kept_tail, size_t* clitic_end) {
  *clitic_end = 0;
  size_t j = i, seg = i;
  while (j < e) {
    const unsigned char byte = static_cast<unsigned char>(t_[j]);
    if (byte < 0x80 && kAsciiClasses[byte] == CharClass::kWord) {
      if (j > i && IsAsciiAlpha(t_[j]) && IsAsciiDigit(t_[j - 1]) && IsUnitAt(j, e)) return j;
      ++j;
      continue;
    }
    CodePoint c = DecodeAt(t_, j);
    if (byte >= 0x80 && Classify(c.cp) == CharClass::kWord) {
      j += c.len;
      continue;
    }
    const size_t n = j + c.len;  // start of the character after the connector
    if (n >= e) {
      if ((c.cp == '.' || c.cp == '-' || c.cp == '/') && kept_tail && n == e) j = n;
      break;
    }
    const char prev = t_[j - 1];
    const char next = t_[n];
    const bool next_word = Classify(DecodeAt(t_, n).cp) == CharClass::kWord;
    if (c.cp == '.' && next_word) {  // "11.8", "U.S", "e.g", "file.pdf"
      j = n;
      continue;
    }
    // "U.S.-led", "D.C.-based": the abbreviation keeps its period, the hyphen is split off
    // (EWT: "U.S." "-" "led").
    if (c.cp == '.' && IsHyphen(DecodeAt(t_, n).cp) &&
        ClassifyAbbrev(t_.substr(i, n - i)) != Abbrev::kNone) {
      return n;
    }
    if (c.cp == ',' && IsAsciiDigit(prev) && n + 3 <= e && IsAsciiDigit(t_[n]) &&
        IsAsciiDigit(t_[n + 1]) && IsAsciiDigit(t_[n + 2]) &&
        (n + 3 == e || !IsAsciiDigit(t_[n + 3]))) {  // "50,000"
      j = n;
      continue;
    }
    if ((c.cp == ':' || c.cp == '/') && IsAsciiDigit(prev) && IsAsciiDigit(next)) {
      j = n;  // "12:30", "08/16/2000", "1/2"
      continue;
    }
    if (c.cp == '/' && j == i + 1 && IsAsciiAlpha(prev) && IsAsciiAlpha(next) &&
        !IsWordAt(n + 1, e)) {
      j = n + 1;  // "b/c", "w/o", "l/c", "A/C", as EWT keeps them
      break;
    }
    if (c.cp == '&' && IsAsciiUpper(prev) && IsAsciiUpper(next)) {  // "AT&T", "PG&E"
      j = n;
      continue;
    }
    if (c.cp == '@' && next_word) {  // "Kaminski@ECT" (addresses are found before)
      j = n;
      continue;
    }
    if (IsHyphen(c.cp) && next_word && KeepHyphen(seg, j, n, e)) {
      j = n;
      seg = n;
      continue;
    }
    if ((IsApostrophe(c.cp) || c.cp == '`') && next_word) {
      size_t r = n;
      while (r < e && IsAsciiAlpha(t_[r]) && r - n < 3) ++r;
      const bool word_ends = !IsWordAt(r, e);
      std::string_view rest = t_.substr(n, r - n);
      if (word_ends && rest == "s" && IsAsciiDigit(prev)) {  // "the 60's"
        j = r;
        continue;
      }
      if (word_ends && InListIgnoreCase(rest, {"s", "re", "ve", "ll", "d", "m"})) {
        *clitic_end = r;  // "Bush|'s", "I|'m", "they|'re"
        return j;
      }
      if (word_ends && (rest == "t" || rest == "T") && (prev == 'n' || prev == 'N')) {
        *clitic_end = r;  // "do|n't", "ca|n't", "wo|n't"
        return j - 1;
      }
      j = n;  // "O'Brien"
      continue;
    }
    break;
  }
  return j;
}

void ChunkTokenizer::EmitWord(size_t b, size_t e) {
  uint32_t split = FusedSplit(t_.substr(b, e - b));
  if (split != 0) {
    Emit(b, b + split);
    Emit(b + split, e);
  } else {
    Emit(b, e);
  }
}

void ChunkTokenizer::Core(size_t b, size_t e, bool kept_tail) {
  size_t i = b;
  while (i < e) {
    CodePoint c = DecodeAt(t_, i);
    if (Classify(c.cp) != CharClass::kWord) {
      if (c.cp == '+' && i == b && i + 1 < e && IsAsciiDigit(t_[i + 1])) {  // "+44"
        size_t clitic_end = 0;
        size_t j = WordEnd(i + 1, e, kept_tail, &clitic_end);
        Emit(i, j);
        i = j;
        continue;
      }
      size_t n = IsApostrophe(c.cp) ? ApostropheWord(i, e) : 0;
      if (n == 0) n = PunctRun(i, e);
      Emit(i, i + n);
      i += n;
      continue;
    }
    // An e-mail address or user@host name as a whole ("kyle.jones@radianz.com").
    if (i >= address_checked_until_) {
      size_t r = i;
      bool at = false;
      while (r < e && IsAddressChar(t_[r])) at |= t_[r++] == '@';
      while (r > i && !(kAsciiClasses[static_cast<unsigned char>(t_[r - 1])] == CharClass::kWord))
        --r;
      if (at && r > i && t_[i] != '@' && t_.substr(i, r - i).find('@') != std::string_view::npos) {
        Emit(i, r);
        i = r;
        continue;
      }
      address_checked_until_ = r > i ? r : i + 1;
    }
    size_t clitic_end = 0;
    size_t j = WordEnd(i, e, kept_tail, &clitic_end);
    if (j > i) EmitWord(i, j);
    if (clitic_end != 0) {
      Emit(j, clitic_end);
      j = clitic_end;
    }
    i = j;
  }
}

void ChunkTokenizer::Chunk(size_t b, size_t e) {
  if (e - b <= 5 && IsEmoticon(t_.substr(b, e - b))) {
    Emit(b, e);
    return;
  }
  // 1. Leading punctuation.
  while (b < e) {
    CodePoint c = DecodeAt(t_, b);
    if (Classify(c.cp) == CharClass::kWord) break;
    if (c.cp == '+' && b + 1 < e && IsAsciiDigit(t_[b + 1])) break;  // "+44 20 ..."
    size_t n = IsApostrophe(c.cp) ? ApostropheWord(b, e) : 0;
    if (n == 0) n = PunctRun(b, e);
    Emit(b, b + n);
    b += n;
  }
  if (b == e) return;
  // 2. A URL takes the rest of the chunk but its closing punctuation.
  if (StartsUrl(t_.substr(b, e - b))) {
    size_t ue = e;
    int open_parens = 0;
    for (size_t k = b; k < e; ++k) open_parens += t_[k] == '(' ? 1 : (t_[k] == ')' ? -1 : 0);
    while (ue > b && IsUrlTrailer(t_[ue - 1]) && !(t_[ue - 1] == ')' && open_parens >= 0)) {
      if (t_[ue - 1] == ')') ++open_parens;
      --ue;
    }
    Emit(b, ue);
    for (size_t k = ue; k < e;) {
      size_t n = PunctRun(k, e);
      Emit(k, k + n);
      k += n;
    }
    return;
  }
  // 3 and 4. Core, then trailing punctuation.
  bool kept_tail = false;
  size_t ce = CoreEnd(b, e, &kept_tail);
  Core(b, ce, kept_tail);
  for (size_t k = ce; k < e;) {
    size_t n = PunctRun(k, e);
    Emit(k, k + n);
    k += n;
  }
}

}  // namespace

bool IsEmoticon(std::string_view s) {
  if (s == "<3" || s == "^_^" || s == "^^" || s == "-_-") return true;
  if (s.size() < 2 || s.size() > 5) return false;
  if (s[0] != ':' && s[0] != ';' && s[0] != '=') return false;
  size_t i = 1;
  if (s[i] == '-' || s[i] == 'o' || s[i] == '\'' || s[i] == '^') ++i;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i) {
    if (!std::strchr(")(][DPpO/\\|3*", s[i])) return false;
  }
  return true;
}

CodePoint DecodeAt(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1};
  uint32_t need;
  char32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    cp = c & 0x07;
  } else {
    return {0xFFFD, 1};
  }
  if (i + need >= s.size()) return {0xFFFD, 1};  // truncated at the end of the text
  for (uint32_t k = 1; k <= need; ++k) {
    const unsigned char b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  if ((need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (need == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
    return {0xFFFD, 1};
  }
  return {cp, need + 1};
}

CharClass Classify(char32_t cp) {
  if (cp < 0x80) return kAsciiClasses[cp];
  if (cp == 0x200B || cp == 0xFEFF || cp == 0x2060) return CharClass::kSpace;  // invisible
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
    case U_FORMAT_CHAR:  // soft hyphen, joiners: inside words
      return CharClass::kWord;
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_CONTROL_CHAR:
      return CharClass::kSpace;
    default:
      return CharClass::kPunct;
  }
}

bool IsUpper(char32_t cp) {
  return cp < 0x80 ? IsAsciiUpper(static_cast<char>(cp)) : u_isupper(cp);
}
bool IsLower(char32_t cp) {
  return cp < 0x80 ? IsAsciiLower(static_cast<char>(cp)) : u_islower(cp);
}

void TokenizeRange(std::string_view text, size_t begin, size_t end, std::vector<RawToken>* out) {
  std::string_view t = text.substr(0, end);
  ChunkTokenizer chunker(t, out);
  size_t i = begin;
  while (i < end) {
    const unsigned char byte = static_cast<unsigned char>(t[i]);
    if (byte < 0x80) {
      if (kAsciiClasses[byte] == CharClass::kSpace) {
        ++i;
        continue;
      }
    } else {
      CodePoint c = DecodeAt(t, i);
      if (Classify(c.cp) == CharClass::kSpace) {
        i += c.len;
        continue;
      }
    }
    size_t j = i;
    while (j < end) {
      const unsigned char b = static_cast<unsigned char>(t[j]);
      if (b < 0x80) {
        if (kAsciiClasses[b] == CharClass::kSpace) break;
        ++j;
      } else {
        CodePoint c = DecodeAt(t, j);
        if (Classify(c.cp) == CharClass::kSpace) break;
        j += c.len;
      }
    }
    chunker.Chunk(i, j);
    i = j;
  }
}

Abbrev ClassifyAbbrev(std::string_view form) {
  if (form.size() < 2 || form.back() != '.') return Abbrev::kNone;
  std::string_view w = form.substr(0, form.size() - 1);
  // A single capital is an initial ("J. R. R. Tolkien"); "I." ends sentences too often.
  if (w.size() == 1) {
    if (w[0] == 'c' || w[0] == 'p') return Abbrev::kNumber;  // circa, page
    return IsAsciiUpper(w[0]) && w[0] != 'I' ? Abbrev::kTitle : Abbrev::kNone;
  }
  // "P.S." and "PS." introduce a postscript rather than end a sentence.
  if (w == "P.S" || w == "PS" || w == "P.P.S") return Abbrev::kTitle;
  if (InListIgnoreCase(w, {"No", "Nos", "Fig", "Figs", "Art", "Vol", "Sec", "Ch", "Ext", "Tel",
                           "Nr", "pp"})) {
    return Abbrev::kNumber;
  }
  // Letters in groups of one or two joined by periods: "U.S", "e.g", "a.m", "Ph.D", "N.K".
  if (w.find('.') != std::string_view::npos) {
    size_t run = 0;
    for (char c : w) {
      if (c == '.') {
        if (run == 0) return Abbrev::kNone;
        run = 0;
      } else if (IsAsciiAlpha(c) && run < 2) {
        ++run;
      } else {
        return Abbrev::kNone;
      }
    }
    return run == 0 ? Abbrev::kNone : Abbrev::kFinal;
  }
  // Titles and ranks, capitalised: they precede a name and never end a sentence.
  if (IsAsciiUpper(w[0]) &&
      InListIgnoreCase(w, {"Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Prof", "Gen", "Sen", "Rep",
                           "Gov", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr",
                           "Cdr", "Brig", "Rev", "Fr", "Hon", "Pres", "Supt", "Det", "Insp", "Drs",
                           "Amb", "Atty", "Sr", "Jr", "Mt", "Ft", "Gens", "Reps", "Sens"})) {
    // "Jr." and "Sr." follow a name and may end a sentence.
    if (EqualsIgnoreCase(w, "Jr") || EqualsIgnoreCase(w, "Sr")) return Abbrev::kFinal;
    return Abbrev::kTitle;
  }
  // Abbreviations that may also end a sentence: company suffixes, months, "etc.", "St.".
  if (IsAsciiUpper(w[0]) &&
      InListIgnoreCase(w, {"Inc", "Corp", "Co", "Ltd", "Llc", "Plc", "Bros", "Esq", "St", "Ave",
                           "Blvd", "Dept", "Univ", "Assn", "Jan", "Feb", "Mar", "Apr", "Jun",
                           "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues",
                           "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Wed", "Attn"})) {
    return Abbrev::kFinal;
  }
  if (w == "etc" || w == "vs" || w == "al" || w == "cf" || w == "approx" || w == "ca" ||
      w == "viz" || w == "esp" || w == "incl" || w == "ibid") {
    return w == "vs" || w == "cf" || w == "approx" || w == "ca" ? Abbrev::kTitle : Abbrev::kFinal;
  }
  return Abbrev::kNone;
}

bool HasKeptPeriod(std::string_view form) {
  return form.size() >= 2 && form.back() == '.' && form[form.size() - 2] != '.' &&
         ClassifyAbbrev(form) != Abbrev::kNone;
}

bool IsSentenceStarter(std::string_view w) {
  static constexpr std::string_view kStarters[] = {
      "The",     "A",       "An",      "He",      "She",      "It",       "They",    "We",
      "I",       "You",     "This",    "That",    "These",    "Those",    "There",   "Here",
      "But",     "And",     "Or",      "So",      "Yet",      "In",       "On",      "At",
      "For",     "From",    "By",      "With",    "After",    "Before",   "When",    "While",
      "Where",   "What",    "Why",     "How",     "Who",      "Which",    "If",      "As",
      "Although", "Though", "Because", "Since",   "Meanwhile", "However", "Also",    "Still",
      "Then",    "Now",     "His",     "Her",     "Its",      "Their",    "Our",     "My",
      "Your",    "Some",    "Many",    "Most",    "All",      "Both",     "Each",    "Every",
      "No",      "Not",     "One",     "Several", "Other",    "Such",     "Last",    "Next",
      "Earlier", "Later",   "Today",   "Yesterday", "Officials", "Analysts", "Please", "Thanks",
  };
  for (std::string_view s : kStarters) {
    if (w == s) return true;
  }
  return ClassifyAbbrev(w) == Abbrev::kTitle && w.size() > 2;  // "Mr.", "Gen."
}

}  // namespace thaw::segmenter_internal
