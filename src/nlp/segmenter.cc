// Sentence splitting: the document is tokenized once (segmenter_tokenize.cc), then each gap
// between two tokens is decided in one left-to-right pass, so the cost is linear in the text.
//
// Candidates within a line come from ICU's sentence break iterator (UAX #29 rules, run over
// the UTF-8 bytes through a UText so its positions are byte offsets). ICU is right about the
// plain cases (". The", "?\" he asked" vs "!\" She") and wrong for news in known ways, which
// are vetoed or added here:
//   - abbreviations and initials: "Gen. Kim", "J. R. R. Tolkien", "the U.S. The" (a kFinal
//     abbreviation ends a sentence only before a typical sentence starter);
//   - a lower-case word after the candidate ("Yahoo! and", "\"Stop!\" he said");
//   - a citation mark after the full stop belongs to the sentence ("1805. [6] An");
//   - a dateline ends its own sentence ("TEHRAN (AFP) - An ...").
// Line structure (ICU breaks after every line feed): a blank line is always a boundary; a
// single line break after sentence-final punctuation is decided like a space; any other line
// break is a boundary unless the line looks wrapped (see LooksWrapped).
//
// Measured with bench/segment_eval on en_ewt-ud-dev + en_gum-ud-dev (Release, one shared core):
// ICU's iterator runs at ~100 MB/s against ~30-70 MB/s for our tokenizer, and takes about 20%
// of Segment's time. On these files it changes no decision (boundary F1 is identical with the
// candidates taken from our own EndsWithTerminal alone), because every ICU break inside a line
// follows a mark EndsWithTerminal knows; it is kept for the terminal marks of other scripts
// ("。", "؟", fullwidth "？") that turn up in quoted names and scraped pages.
#include "nlp/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <climits>
#include <string>
#include <vector>

#include "nlp/segmenter_internal.h"

namespace thaw {

using segmenter_internal::Abbrev;
using segmenter_internal::ClassifyAbbrev;
using segmenter_internal::DecodeAt;
using segmenter_internal::HasKeptPeriod;
using segmenter_internal::IsEmoticon;
using segmenter_internal::IsLower;
using segmenter_internal::IsSentenceStarter;
using segmenter_internal::IsUpper;
using segmenter_internal::RawToken;
using segmenter_internal::TokenizeRange;

namespace {

// A line shorter than this is never taken for a wrapped line of running text: wrapped text is
// filled to 60-80 columns, and only its last line (followed by a blank line or ending in a
// full stop) is short. Headlines, bylines and navigation ("Back To Top") are short lines.
constexpr uint32_t kMinWrappedLine = 30;

bool IsTerminalMark(std::string_view f) {
  if (f.empty()) return false;
  if (f[0] == '.' || f[0] == '!' || f[0] == '?') return true;
  return f == "\xE2\x80\xA6" || f == "\xE2\x80\xBC" || f == "\xE2\x80\xBD";  // … ‼ ‽
}

bool IsClosing(std::string_view f) {
  return f == "\"" || f == "'" || f == ")" || f == "]" || f == "}" || f == "''" ||
         f == "\xE2\x80\x9D" || f == "\xE2\x80\x99" || f == "\xC2\xBB";  // ” ’ »
}

bool IsOpening(std::string_view f) {
  return f == "\"" || f == "'" || f == "(" || f == "[" || f == "{" || f == "``" ||
         f == "\xE2\x80\x9C" || f == "\xE2\x80\x98" || f == "\xC2\xAB";  // “ ‘ «
}

bool IsDash(std::string_view f) {
  return f == "-" || f == "--" || f == "\xE2\x80\x94" || f == "\xE2\x80\x93";  // — –
}

// Marks after which a line of running text continues on the next line.
bool IsContinuationMark(std::string_view f) {
  return f == "," || f == ";" || f == "-" || f == "--" || f == "(" || f == "&" || f == "/" ||
         f == "+" || f == "\xE2\x80\x94" || f == "\xE2\x80\x93";
}

// Function words that do not end a headline but often end a wrapped line.
bool IsFunctionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "a",     "an",   "the",   "and",   "or",    "but",  "nor",   "of",    "to",    "in",
      "on",    "at",   "by",    "for",   "from",  "with", "as",    "into",  "than",  "that",
      "which", "who",  "whom",  "whose", "is",    "are",  "was",   "were",  "be",    "been",
      "has",   "have", "had",   "will",  "would", "can",  "could", "should", "may",  "might",
      "must",  "its",  "their", "his",   "her",   "our",  "this",  "these", "those", "said",
      "about", "after", "before", "over", "under", "between", "against", "during", "since",
      "not",   "if",   "while", "when",  "where", "also", "such",  "some",  "any",   "all",
  };
  for (std::string_view s : kWords) {
    if (w == s) return true;
  }
  return false;
}

bool AllDigits(std::string_view f) {
  if (f.empty()) return false;
  for (char c : f) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsAllCapsWord(std::string_view f) {
  if (f.size() < 2) return false;
  for (char c : f) {
    if (!(c >= 'A' && c <= 'Z') && c != '.' && c != '-') return false;
  }
  return true;
}


}  // namespace

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> sentence_breaks;
  // Per-document scratch, reused so that a document costs no allocation once warm.
  std::vector<RawToken> tokens;
  std::vector<int64_t> icu_breaks;

  std::string_view text;
  std::string_view Form(size_t k) const {
    return text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
  }
  char32_t FirstChar(size_t k) const { return DecodeAt(Form(k), 0).cp; }

  void FindIcuBreaks();
  // Sentence-final punctuation at token k, possibly followed by closing quotes/brackets.
  bool EndsWithTerminal(size_t k) const;
  // True when the boundary candidate before token k is wrong (see the file comment).
  bool Veto(size_t k) const;
  bool LooksWrapped(size_t k, size_t line_start, uint32_t block_max) const;
  bool IsDateline(size_t k, size_t line_first_token) const;
  bool IsCitation(size_t k) const;
  // An e-mail header timestamp "08/16/2000 12:05 PM" begins at token k or ends before it.
  bool IsTimestampEdge(size_t k) const;
  // Max line length of the block (text between blank lines) starting at byte `begin`.
  uint32_t BlockMaxLine(size_t begin) const;
};

void Segmenter::Impl::FindIcuBreaks() {
  icu_breaks.clear();
  if (text.size() >= static_cast<size_t>(INT32_MAX)) return;  // ICU indexes with int32
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  sentence_breaks->setText(ut, status);
  if (U_SUCCESS(status)) {
    for (int32_t p = sentence_breaks->first(); p != icu::BreakIterator::DONE;
         p = sentence_breaks->next()) {
      icu_breaks.push_back(p);
    }
  }
  // Drop the iterator's reference to the document text before it goes away.
  UErrorCode ignored = U_ZERO_ERROR;
  UText* empty = utext_openUTF8(nullptr, "", 0, &ignored);
  sentence_breaks->setText(empty, ignored);
  utext_close(empty);
  utext_close(ut);
}

bool Segmenter::Impl::EndsWithTerminal(size_t k) const {
  for (int steps = 0; steps < 4; ++steps) {
    std::string_view f = Form(k);
    if (IsTerminalMark(f) || HasKeptPeriod(f)) return true;
    if (!IsClosing(f) || k == 0) return false;
    --k;
  }
  return false;
}

bool Segmenter::Impl::IsCitation(size_t k) const {
  return k + 2 < tokens.size() && Form(k) == "[" && Form(k + 2) == "]" &&
         (AllDigits(Form(k + 1)) || Form(k + 1) == "citation");
}

namespace {

bool IsSlashDate(std::string_view f) {  // "08/16/2000", "10/8/99"
  int slashes = 0;
  for (char c : f) {
    if (c == '/') ++slashes;
    else if (c < '0' || c > '9') return false;
  }
  return slashes == 2 && f.size() >= 6;
}

bool IsClockTime(std::string_view f) {  // "12:05", "03:14:14"
  return f.size() >= 4 && f.size() <= 8 && f[0] >= '0' && f[0] <= '9' &&
         f.find(':') != std::string_view::npos &&
         f.find_first_not_of("0123456789:") == std::string_view::npos;
}

bool IsAmPm(std::string_view f) { return f == "AM" || f == "PM" || f == "am" || f == "pm"; }

bool IsUrl(std::string_view f) {
  return f.starts_with("http://") || f.starts_with("https://") || f.starts_with("www.");
}

// Closing formulas of letters, after which the signature is a sentence of its own.
bool IsClosingFormula(std::string_view w) {
  return w == "Regards" || w == "regards" || w == "Sincerely" || w == "Cheers" ||
         w == "wishes" || w == "Respectfully" || w == "Yours";
}

}  // namespace

bool Segmenter::Impl::IsTimestampEdge(size_t k) const {
  // Forwarded e-mail headers ("Sean Boyle 08/17/2000 11:21 AM I spoke to ...") are separate
  // sentences in EWT: 282 of the 1494 boundaries without punctuation in en_ewt-ud-train.
  if (k + 2 < tokens.size() && IsSlashDate(Form(k)) && IsClockTime(Form(k + 1)) &&
      IsAmPm(Form(k + 2))) {
    return !IsLower(FirstChar(k - 1));  // but "sent on 08/17/2000 11:21 AM"
  }
  return k >= 3 && IsAmPm(Form(k - 1)) && IsClockTime(Form(k - 2)) && IsSlashDate(Form(k - 3)) &&
         !IsLower(FirstChar(k));
}

bool Segmenter::Impl::Veto(size_t k) const {
  std::string_view p = Form(k - 1);
  // A lower-case word after the candidate continues the sentence ("\"Stop!\" he said",
  // "wait... what", "e.g. this"), except right after a bare full stop, question or
  // exclamation mark: in EWT/GUM train such a word starts a new sentence 324 times out of 336
  // (web text: "call me. they haven't ..."). Opening quotes and brackets are looked through.
  size_t m = k;
  while (m + 1 < tokens.size() && m < k + 3 && IsOpening(Form(m))) ++m;
  const bool bare_mark = p == "." || p[0] == '?' || p[0] == '!';
  if (IsLower(FirstChar(m)) && !bare_mark) return true;
  // Punctuation that closes or continues ("region . . .", "affiliates. , 2000") and an
  // emoticon after the full stop ("I love her. :)") stay with the sentence.
  std::string_view n = Form(k);
  if (IsEmoticon(n)) return true;
  if (std::string_view(",;:.?!)]}%").find(n[0]) != std::string_view::npos ||
      (IsClosing(n) && !IsOpening(n)) || n == "\xE2\x80\xA6") {
    return true;
  }
  if (p.size() >= 2 && p.back() == '.') {
    switch (ClassifyAbbrev(p)) {
      case Abbrev::kTitle:
        return true;
      case Abbrev::kFinal:
        return !IsSentenceStarter(Form(m));
      case Abbrev::kNumber:
        return FirstChar(k) >= '0' && FirstChar(k) <= '9';
      case Abbrev::kNone:
        break;
    }
  }
  return false;
}

uint32_t Segmenter::Impl::BlockMaxLine(size_t begin) const {
  uint32_t max_len = 0, len = 0;
  bool blank = true;  // the current line has only whitespace so far
  for (size_t i = begin; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      if (blank && i > begin) break;  // a blank line ends the block
      if (len > max_len) max_len = len;
      len = 0;
      blank = true;
      continue;
    }
    ++len;
    if (c != ' ' && c != '\t' && c != '\r') blank = false;
  }
  return len > max_len ? len : max_len;
}

bool Segmenter::Impl::LooksWrapped(size_t k, size_t line_start, uint32_t block_max) const {
  const uint32_t line_len = tokens[k - 1].end - static_cast<uint32_t>(line_start);
  if (line_len < kMinWrappedLine) return false;
  std::string_view p = Form(k - 1);
  if (IsContinuationMark(p)) return true;
  if (p == ":") return false;  // "Attendees:", "Hours of Operation:" head a list
  const char32_t n = FirstChar(k);
  if (IsLower(n)) return true;
  if (IsFunctionWord(p)) return true;
  // A line ending in a lower-case word before a capital or a number: wrapped only when it is
  // about as long as the block's longest line, as the lines of wrapped text are.
  const char32_t last = DecodeAt(p, 0).cp;
  if (IsLower(last) && (IsUpper(n) || (n >= '0' && n <= '9'))) {
    return block_max <= 160 && line_len * 5 >= block_max * 4;
  }
  return false;
}

bool Segmenter::Impl::IsDateline(size_t k, size_t line_first_token) const {
  // "TEHRAN (AFP) - An ...", "SEOUL, Jan. 5 (Yonhap) -- North Korea ...", "BEIJING - The ...".
  if (k < 2 || k - line_first_token > 12 || !IsDash(Form(k - 1)) || !IsUpper(FirstChar(k))) {
    return false;
  }
  std::string_view before = Form(k - 2);
  if (before == ")") {
    for (size_t i = k - 2; i-- > line_first_token;) {
      if (Form(i) == "(") return i > line_first_token && IsAllCapsWord(Form(line_first_token));
    }
    return false;
  }
  return IsAllCapsWord(before) && IsAllCapsWord(Form(line_first_token));
}

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Segmenter::~Segmenter() = default;

Result<std::unique_ptr<Segmenter>> Segmenter::Create() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || it == nullptr) {
    return Status::Unsupported(std::string("cannot create the ICU sentence break iterator: ") +
                               u_errorName(status) +
                               " (is the ICU data library, libicudata, installed?)");
  }
  auto impl = std::make_unique<Impl>();
  impl->sentence_breaks = std::move(it);
  return std::unique_ptr<Segmenter>(new Segmenter(std::move(impl)));
}

namespace {

void AddToken(Sentence* s, std::string_view form, uint32_t begin) {
  Token t;
  t.form = s->Intern(form);
  t.char_begin = begin;
  t.char_end = begin + static_cast<uint32_t>(form.size());
  s->tokens.push_back(t);
}

// Fills s->tokens from raw tokens [first, last] of `text`, offsets relative to `base`.
void FillTokens(std::string_view text, const std::vector<RawToken>& raw, size_t first,
                size_t last, uint32_t base, Sentence* s) {
  s->ClearTokens();
  s->has_parse = false;
  s->tokens.reserve(last - first + 2);
  for (size_t i = first; i <= last; ++i) {
    std::string_view form = text.substr(raw[i].begin, raw[i].end - raw[i].begin);
    if (i == last && HasKeptPeriod(form)) {  // "... and so on, etc." -> "etc" "."
      AddToken(s, form.substr(0, form.size() - 1), raw[i].begin - base);
      AddToken(s, form.substr(form.size() - 1), raw[i].end - 1 - base);
    } else {
      AddToken(s, form, raw[i].begin - base);
    }
  }
}

}  // namespace

void Segmenter::Tokenize(std::string_view text, Sentence* out) {
  Impl& m = *impl_;
  m.tokens.clear();
  TokenizeRange(text, 0, text.size(), &m.tokens);
  out->ClearTokens();
  out->has_parse = false;
  if (!m.tokens.empty()) FillTokens(text, m.tokens, 0, m.tokens.size() - 1, 0, out);
}

void Segmenter::Segment(Document* doc) {
  Impl& m = *impl_;
  m.text = doc->text;
  m.tokens.clear();
  TokenizeRange(m.text, 0, m.text.size(), &m.tokens);
  const size_t n = m.tokens.size();
  if (n == 0) return;
  m.FindIcuBreaks();
  const bool have_icu = !m.icu_breaks.empty();

  int sentence_no = 0;
  auto emit = [&](size_t first, size_t last) {
    Sentence& s = doc->sentences.emplace_back();
    s.id = doc->id + "-" + std::to_string(++sentence_no);
    const uint32_t begin = m.tokens[first].begin, end = m.tokens[last].end;
    s.text.assign(m.text.substr(begin, end - begin));
    s.doc_offset = begin;
    s.date = doc->date;
    FillTokens(m.text, m.tokens, first, last, begin, &s);
  };

  size_t first = 0;            // first token of the current sentence
  size_t line_start = 0;       // byte offset where the current line starts
  size_t line_first = 0;       // first token of the current line
  size_t block_start = 0;      // byte offset where the current block starts
  uint32_t block_max = 0;      // its longest line, computed when first needed
  bool block_max_known = false;
  size_t forced = 0;           // a boundary goes before this token (after a citation); 0 = none
  size_t icu = 0;
  for (size_t k = 1; k < n; ++k) {
    const uint32_t gap_begin = m.tokens[k - 1].end, gap_end = m.tokens[k].begin;
    if (gap_begin == gap_end) {  // glued tokens straddle no boundary, but for the length cap
      if (k - first >= kMaxSentenceTokens) {
        emit(first, k - 1);
        first = k;
      }
      continue;
    }
    while (icu < m.icu_breaks.size() && m.icu_breaks[icu] < gap_begin) ++icu;
    const bool icu_break = have_icu ? icu < m.icu_breaks.size() && m.icu_breaks[icu] <= gap_end
                                    : m.EndsWithTerminal(k - 1);
    int newlines = 0;
    size_t last_newline = 0;
    for (uint32_t i = gap_begin; i < gap_end; ++i) {
      if (m.text[i] == '\n' || (m.text[i] == '\r' && (i + 1 == gap_end || m.text[i + 1] != '\n'))) {
        ++newlines;
        last_newline = i;
      }
    }

    bool boundary;
    if (newlines >= 2) {
      boundary = true;
    } else if (k == forced) {
      boundary = true;
    } else if (m.EndsWithTerminal(k - 1) || (icu_break && newlines == 0)) {
      if (m.IsCitation(k)) {  // "1805. [6] An": the mark stays with its sentence
        boundary = false;
        forced = k + 3;
      } else {
        boundary = !m.Veto(k);
      }
    } else if (newlines == 1) {
      if (!block_max_known) {
        block_max = m.BlockMaxLine(block_start);
        block_max_known = true;
      }
      boundary = !m.LooksWrapped(k, line_start, block_max);
    } else {
      // A list of links ("http://a ... http://b"), and the signature after "Regards,".
      const bool link_list = IsUrl(m.Form(k - 1)) && IsUrl(m.Form(k));
      const bool signature = k >= 2 && m.Form(k - 1) == "," && IsClosingFormula(m.Form(k - 2)) &&
                             k - 2 <= first + 1 && IsUpper(m.FirstChar(k));
      boundary = link_list || signature || m.IsDateline(k, line_first) || m.IsTimestampEdge(k) ||
                 (IsEmoticon(m.Form(k - 1)) && IsUpper(m.FirstChar(k)));
    }
    if (!boundary && k - first >= kMaxSentenceTokens) boundary = true;

    if (boundary) {
      emit(first, k - 1);
      first = k;
    }
    if (newlines > 0) {
      line_start = last_newline + 1;
      line_first = k;
      if (newlines >= 2) {
        block_start = line_start;
        block_max_known = false;
      }
    }
  }
  emit(first, n - 1);
}

}  // namespace thaw
