// Boilerplate blanking for scraped pages (see clean.h for what is removed and kept).
//
// Each line is decided once, in order, from its own words and two bits of context: whether
// a "Related stories" block is open, and whether the line just above (no blank line
// between) was removed by a rule. Decisions are collected first and applied at the end, so
// the repeat check can keep views into the unmodified text.
//
// Rules come in two strengths. Strong ones are whole-line shapes no news sentence takes
// (starting with "©", "Log in to ", "To write comments", "We use cookies"). Weak ones
// (widget words, breadcrumbs, bylines, dates, counters, junk) only apply to a line that does
// not read as a running sentence; that guard is what keeps a real sentence such as "By
// Tuesday, the talks had collapsed." or "Kim will share the data." from ever being blanked.

#include "text/clean.h"

#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/strings.h"

namespace thaw {
namespace {

// Widget, byline and prompt lines are short; a longer line can only go as a repeat or in a
// Related block. The cap also keeps a 10 MB one-line document from being word-split.
constexpr size_t kMaxBoilerplateBytes = 400;
constexpr size_t kMaxLineWords = 40;   // words looked at per line
constexpr size_t kMaxWidgetWords = 8;  // "Sign up for our newsletter", "Menu Search Subscribe"
constexpr size_t kMaxHeaderWords = 6;  // "Related stories", "More from Opinion"
constexpr size_t kMaxRelatedItemWords = 20;
constexpr size_t kMaxContinuationWords = 8;
constexpr size_t kMaxCrumbWords = 4;  // words per breadcrumb item

using WordSet = std::unordered_set<std::string_view>;

// Words that make a line a widget: navigation, sharing, sign-in, ads, legal links. A line
// of these (with FillerWords and numbers) alone is never a sentence of news.
const WordSet& WidgetWords() {
  // clang-format off
  static const WordSet* const kWords = new WordSet{
      "advertisement", "advertisements", "advert", "ad", "ads", "sponsored", "subscribe",
      "subscribed", "subscription", "subscriber", "subscribers", "newsletter", "newsletters",
      "menu", "search", "login", "logout", "log", "sign", "signin", "signup", "register", "share",
      "shares", "sharing", "facebook", "twitter", "email", "e-mail", "whatsapp", "linkedin",
      "reddit", "telegram", "pinterest", "instagram", "youtube", "kakaotalk", "print", "comments",
      "comment", "icon", "lock", "dictionary", "cookies", "cookie", "privacy", "terms", "policy",
      "conditions", "sitemap", "rss", "home", "skip", "top", "font", "zoom", "listen", "audio",
      "bookmark", "help-image", "social", "read", "reading", "continue", "more", "follow",
      "contact", "feedback", "faq", "close", "next", "previous", "prev", "back", "navigation",
      "copyright", "reserved", "min", "mins", "minute", "minutes", "video", "photo", "photos",
      "gallery", "link", "copy", "copied", "app", "download", "inbox", "alerts", "notifications",
      "settings", "preferences", "accessibility", "feeds"};
  // clang-format on
  return *kWords;
}

// Words allowed in a widget line that do not make one by themselves.
const WordSet& FillerWords() {
  // clang-format off
  static const WordSet* const kWords = new WordSet{
      "to", "this", "the", "on", "in", "of", "for", "up", "our", "us", "and", "or", "with", "a",
      "an", "now", "here", "your", "you", "below", "above", "page", "article", "articles", "story",
      "stories", "site", "website", "all", "main", "content", "rights", "use", "service", "view",
      "views", "full", "free", "via", "by", "out", "at", "from", "it",
      // newsletter pitches: "Get the latest news delivered to your inbox daily"
      "get", "latest", "news", "updates", "daily", "weekly", "delivered", "straight"};
  // clang-format on
  return *kWords;
}

const WordSet& DateWords() {
  // clang-format off
  static const WordSet* const kWords = new WordSet{
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
      "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
      "sun"};
  // clang-format on
  return *kWords;
}

// What may stand beside a date in a dateline ("Updated 16 Jun 2020, 10:30 KST").
const WordSet& DatelineWords() {
  // clang-format off
  static const WordSet* const kWords = new WordSet{
      "updated", "published", "posted", "last", "on", "at", "am", "pm", "a.m", "p.m", "gmt", "utc",
      "kst", "jst", "hkt", "sgt", "cet", "bst", "est", "edt", "pst", "pdt", "cst", "cdt", "and",
      "of"};
  // clang-format on
  return *kWords;
}

// Lower-case words allowed after the name in a byline ("By Staff Reporter | Updated").
const WordSet& BylineWords() {
  // clang-format off
  static const WordSet* const kWords = new WordSet{
      "and", "in", "at", "for", "the", "of", "updated", "published", "posted", "staff", "reporter",
      "reporters", "writer", "correspondent", "editor", "am", "pm", "a.m", "p.m", "min", "read"};
  // clang-format on
  return *kWords;
}

// Lower-case particles inside a name ("By Ursula von der Leyen").
const WordSet& NameParticles() {
  // clang-format off
  static const WordSet* const kWords = new WordSet{
      "and", "de", "da", "van", "von", "der", "den", "bin", "al", "el", "la", "le", "du", "dos",
      "di"};
  // clang-format on
  return *kWords;
}

// Headers of a block of links to other articles; the headline-like lines after one go too.
const WordSet& RelatedHeaders() {
  // clang-format off
  static const WordSet* const kHeaders = new WordSet{
      "related", "related stories", "related articles", "related news", "related content",
      "related coverage", "related links", "related topics", "more stories", "more news",
      "more articles", "most read", "most popular", "most viewed", "most shared", "top stories",
      "trending", "trending now", "recommended", "recommended stories", "recommended for you",
      "you may also like", "you might also like", "read next", "also read", "see also",
      "more on this story", "editor's picks", "latest news", "popular now"};
  // clang-format on
  return *kHeaders;
}

// Site prompts addressed to the reader, as line prefixes (lower case, spaces collapsed).
// Strong: they apply even to a line ending in a full stop, so only openings a news
// paragraph never has are here; "Sign up for ..." and "Subscribe to ..." are weak.
// clang-format off
constexpr std::string_view kPromptPrefixes[] = {
    "to write comments", "to write a comment", "to post a comment", "to leave a comment",
    "please log in", "please login", "please sign in", "log in to ", "login to ", "sign in to ",
    "click here", "tap here", "follow us on ", "we use cookies", "this site uses cookies",
    "this website uses cookies", "by using this site", "by using our site", "by using our website",
    "by continuing to use", "already a subscriber"};
// clang-format on

// Weak prefixes: only for a line that does not read as a sentence. A headline may mention a
// privacy policy, so the legal links must start the line.
// clang-format off
constexpr std::string_view kWidgetPrefixes[] = {
    "read more", "continue reading", "share on ", "share this", "follow us", "sign up for ",
    "sign up to ", "sign in with ", "subscribe to ", "subscribe now", "please register",
    "download our app", "download the app", "related:", "see also:", "also read:", "more from ",
    "privacy policy", "terms of use", "terms of service", "cookie policy", "cookie settings"};
// clang-format on

// Weak fragments: a short non-sentence line containing one is a prompt.
// clang-format off
constexpr std::string_view kWidgetFragments[] = {
    "our newsletter", "the newsletter", "newsletter sign", "your inbox"};
// clang-format on

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiLower(c) || IsAsciiUpper(c) || IsAsciiDigit(c); }
bool IsNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// Multi-byte punctuation seen around words on scraped pages: quotes, guillemets, dashes,
// bullets, the ellipsis and the copyright sign.
// clang-format off
constexpr std::string_view kUtf8Punct[] = {
    "\u201C", "\u201D", "\u2018", "\u2019", "\u00AB", "\u00BB", "\u2039", "\u203A", "\u2014",
    "\u2013", "\u2022", "\u00B7", "\u2026", "\u00A9"};
// clang-format on

// The length of the punctuation mark `w` starts (front) or ends (!front) with; 0 if none.
size_t PunctAt(std::string_view w, bool front) {
  if (w.empty()) return 0;
  const char c = front ? w.front() : w.back();
  if (!IsNonAscii(c)) return (c > ' ' && !IsAsciiAlnum(c)) ? 1 : 0;
  for (std::string_view p : kUtf8Punct) {
    if (front ? StartsWith(w, p) : EndsWith(w, p)) return p.size();
  }
  return 0;
}

// `w` without the punctuation around it: "(sshluck@heraldcorp.com)" -> the address,
// "“blood" -> "blood", ">" -> "".
std::string_view StripPunct(std::string_view w) {
  while (size_t n = PunctAt(w, true)) w.remove_prefix(n);
  while (size_t n = PunctAt(w, false)) w.remove_suffix(n);
  return w;
}

// True when the line ends a sentence: . ! ? or a closing quote last.
bool EndsSentence(std::string_view line) {
  if (line.empty()) return false;
  const char c = line.back();
  if (c == '.' || c == '!' || c == '?' || c == '"' || c == '\'') return true;
  return EndsWith(line, "\u201D") || EndsWith(line, "\u2019") || EndsWith(line, "\u00BB");
}

// "2019", "10:30", "16th", "2020-06-16": a number as datelines and counters write it.
bool IsNumeric(std::string_view w) {
  bool digit = false;
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (IsAsciiDigit(c)) {
      digit = true;
    } else if (c == ':' || c == '.' || c == '/' || c == '-' || c == ',' || c == '%') {
      continue;
    } else {
      const std::string_view rest = w.substr(i);
      return digit && (rest == "st" || rest == "nd" || rest == "rd" || rest == "th");
    }
  }
  return digit;
}

// True for a lone separator between breadcrumb items.
bool IsCrumbSeparator(std::string_view w) {
  return w == ">" || w == ">>" || w == "\u00BB" || w == "\u203A" || w == "|" || w == "/" ||
         w == "\u2022" || w == "\u00B7" || w == "::";
}
bool IsAngleSeparator(std::string_view w) {
  return w == ">" || w == ">>" || w == "\u00BB" || w == "\u203A";
}

// Decides the lines of one document. Holds per-line scratch, reused across lines.
class Cleaner {
 public:
  CleanStats Run(std::string* text);

 private:
  // Splits `line` (trimmed, at most kMaxBoilerplateBytes) into words_, words_stripped_,
  // keys_ (stripped, lower-cased) and norm_ (lower-cased, spaces collapsed).
  void Split(std::string_view line);
  size_t NumWords() const;  // words with any letter or digit (separators do not count)

  bool IsBoilerplate(std::string_view line) const;
  bool IsStrong(std::string_view line) const;
  bool IsWeak(std::string_view line) const;
  bool LooksLikeSentence(std::string_view line) const;
  bool IsWidgetLine() const;
  bool IsDateline() const;
  bool IsBreadcrumb() const;
  bool IsByline() const;
  bool IsJunk(std::string_view line) const;
  bool HasCounter(std::string_view line) const;
  bool IsRelatedHeader(std::string_view line) const;
  bool IsRelatedItem(std::string_view line) const;
  bool IsContinuation(std::string_view line) const;
  bool Has(const WordSet& set, size_t i) const { return set.count(keys_[i]) != 0; }

  std::vector<std::string_view> words_;           // as written
  std::vector<std::string_view> words_stripped_;  // punctuation around removed
  std::vector<std::string> keys_;                 // stripped and lower-cased
  std::string norm_;
};

void Cleaner::Split(std::string_view line) {
  words_.clear();
  words_stripped_.clear();
  keys_.clear();
  norm_.clear();
  size_t i = 0;
  while (i < line.size() && words_.size() < kMaxLineWords) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    const size_t b = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i == b) break;
    const std::string_view w = line.substr(b, i - b);
    words_.push_back(w);
    words_stripped_.push_back(StripPunct(w));
    keys_.push_back(ToLowerAscii(words_stripped_.back()));
    if (!norm_.empty()) norm_ += ' ';
    norm_ += ToLowerAscii(w);
  }
}

size_t Cleaner::NumWords() const {
  size_t n = 0;
  for (std::string_view s : words_stripped_) n += !s.empty();
  return n;
}

bool Cleaner::IsBoilerplate(std::string_view line) const {
  return IsStrong(line) || (!LooksLikeSentence(line) && IsWeak(line));
}

bool Cleaner::IsStrong(std::string_view line) const {
  if (StartsWith(line, "\u00A9") || StartsWith(norm_, "(c) ") ||
      StartsWith(norm_, "all rights reserved") ||
      norm_.find(". all rights reserved") != std::string::npos) {
    return true;
  }
  for (std::string_view p : kPromptPrefixes) {
    if (StartsWith(norm_, p)) return true;
  }
  return false;
}

bool Cleaner::IsWeak(std::string_view line) const {
  if (IsJunk(line) || IsWidgetLine() || IsDateline() || IsBreadcrumb() || IsByline()) {
    return true;
  }
  if (NumWords() > 12) return false;
  if (HasCounter(line)) return true;
  // "Copyright 2019 Herald", "Copyright © ...", not "Copyright dispute ...".
  if (keys_[0] == "copyright" && (words_.size() == 1 || IsNumeric(keys_[1]) ||
                                  words_stripped_[1].empty() || keys_[1] == "c")) {
    return true;
  }
  for (std::string_view p : kWidgetPrefixes) {
    if (StartsWith(norm_, p)) return true;
  }
  for (std::string_view f : kWidgetFragments) {
    if (norm_.find(f) != std::string::npos) return true;
  }
  return false;
}

// A running sentence: it ends like one and has at least two lower-case words, one of them
// outside the widget vocabulary (a verb almost always is: "said", "met", "will").
bool Cleaner::LooksLikeSentence(std::string_view line) const {
  if (!EndsSentence(line) || NumWords() < 3) return false;
  size_t lower = 0;
  bool content = false;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (words_stripped_[i].empty() || !IsAsciiLower(words_stripped_[i][0])) continue;
    ++lower;
    if (!Has(WidgetWords(), i) && !Has(FillerWords(), i)) content = true;
  }
  return lower >= 2 && content;
}

// "Menu  Search  Subscribe", "Share this article", "Terms | Privacy | Cookies", "3 min read".
bool Cleaner::IsWidgetLine() const {
  const size_t n = NumWords();
  if (n == 0 || n > kMaxWidgetWords) return false;
  bool widget = false;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i].empty()) continue;
    if (Has(WidgetWords(), i)) {
      widget = true;
    } else if (!Has(FillerWords(), i) && !IsNumeric(keys_[i])) {
      return false;
    }
  }
  return widget;
}

// "21 June 2019", "Updated 16 Jun 2020, 10:30 KST".
bool Cleaner::IsDateline() const {
  const size_t n = NumWords();
  if (n < 2 || n > 10) return false;
  bool date = false, number = false;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i].empty()) continue;
    if (Has(DateWords(), i)) {
      date = true;
    } else if (IsNumeric(keys_[i])) {
      number = true;
    } else if (!Has(DatelineWords(), i)) {
      return false;
    }
  }
  return date && number;
}

// "Home > World > Asia", "Home » Opinion": short capitalised items joined by separators.
// "|" and "/" join the words of headlines too ("Kim, Xi meet | Asia"), so with those the
// line must start at "Home".
bool Cleaner::IsBreadcrumb() const {
  size_t items = 0, item_words = 0;
  bool angle = false, separator = false;
  for (size_t i = 0; i < words_.size(); ++i) {
    if (IsCrumbSeparator(words_[i])) {
      if (item_words > 0) ++items;
      item_words = 0;
      separator = true;
      angle = angle || IsAngleSeparator(words_[i]);
      continue;
    }
    if (item_words == 0) {
      const char c = words_[i][0];
      if (!IsAsciiUpper(c) && !IsNonAscii(c)) return false;
    }
    if (++item_words > kMaxCrumbWords || EndsSentence(words_[i])) return false;
  }
  if (item_words > 0) ++items;
  return separator && items >= 2 && (angle || keys_[0] == "home");
}

// "By Song Sang-ho (sshluck@heraldcorp.com)", "By Song Sang-ho (", "By Staff Reporter |
// Updated": "By", a capitalised name, then only addresses, numbers, capitalised words and
// byline words.
bool Cleaner::IsByline() const {
  if (words_.size() < 2 || words_.size() > 16 || (words_[0] != "By" && words_[0] != "BY")) {
    return false;
  }
  size_t i = 1, name = 0;
  for (; i < words_.size() && name < 6; ++i) {
    const std::string_view w = words_[i];
    if (IsCrumbSeparator(w) || w[0] == '(' || PunctAt(w, true) > 0) break;
    if (IsAsciiUpper(w[0]) || IsNonAscii(w[0])) {
      ++name;
    } else if (!Has(NameParticles(), i)) {
      return false;
    }
    if (w.back() == ',') {
      ++i;
      break;
    }
  }
  if (name == 0) return false;
  for (; i < words_.size(); ++i) {
    const std::string_view s = words_stripped_[i];
    if (s.empty() || !IsAsciiLower(s[0]) || s.find('@') != std::string_view::npos) continue;
    if (!Has(BylineWords(), i)) return false;
  }
  return true;
}

// At most one letter or digit ("s", "|", "***"). A lone non-ASCII character stays: it may
// be the U+FFFD of a repaired byte that a UTF-8 diagnostic points at, or a CJK word.
bool Cleaner::IsJunk(std::string_view line) const {
  size_t alnum = 0;
  for (size_t i = 0; i < line.size();) {
    if (!IsNonAscii(line[i])) {
      alnum += IsAsciiAlnum(line[i]);
      ++i;
      continue;
    }
    const size_t p = PunctAt(line.substr(i), true);
    if (p > 0) {
      i += p;
      continue;
    }
    alnum += 2;
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  }
  return alnum <= 1;
}

// A comment-box counter: "(0/250자)", "(0/500)".
bool Cleaner::HasCounter(std::string_view line) const {
  for (size_t p = line.find('('); p != std::string_view::npos; p = line.find('(', p + 1)) {
    size_t i = p + 1;
    const size_t digits1 = i;
    while (i < line.size() && IsAsciiDigit(line[i])) ++i;
    if (i == digits1 || i >= line.size() || line[i] != '/') continue;
    const size_t digits2 = ++i;
    while (i < line.size() && IsAsciiDigit(line[i])) ++i;
    if (i == digits2) continue;
    const size_t close = line.find(')', i);
    if (close != std::string_view::npos && close - i <= 12 &&
        line.substr(i, close - i).find(' ') == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

bool Cleaner::IsRelatedHeader(std::string_view line) const {
  if (EndsSentence(line) || NumWords() > kMaxHeaderWords) return false;
  std::string_view n = norm_;
  while (!n.empty() && (n.back() == ':' || n.back() == ' ')) n.remove_suffix(1);
  if (RelatedHeaders().count(n) != 0) return true;
  return StartsWith(n, "more from ");
}

// A link to another article in a Related block: a headline, so no sentence-final mark.
bool Cleaner::IsRelatedItem(std::string_view line) const {
  return !EndsSentence(line) && NumWords() <= kMaxRelatedItemWords;
}

// The wrapped rest of a removed prompt: "Log in to Twitter or Facebook account to connect"
// then "with the Korea JoongAng Daily".
bool Cleaner::IsContinuation(std::string_view line) const {
  return IsAsciiLower(line[0]) && !EndsSentence(line) && NumWords() <= kMaxContinuationWords;
}

CleanStats Cleaner::Run(std::string* text) {
  const std::string_view all = *text;
  std::vector<std::pair<size_t, size_t>> removed;  // [begin, end) of each removed line
  WordSet seen;  // every non-blank line so far, trimmed; views into the unmodified text
  bool in_related = false;
  bool above_removed = false;  // the line just above was removed by a line rule
  for (size_t begin = 0; begin <= all.size();) {
    size_t end = all.find('\n', begin);
    if (end == std::string_view::npos) end = all.size();
    const std::string_view line = Trim(all.substr(begin, end - begin));
    if (line.empty()) {
      above_removed = false;
    } else {
      const bool first_copy = seen.insert(line).second;
      const bool short_line = line.size() <= kMaxBoilerplateBytes;
      if (short_line) Split(line);
      bool remove = false, by_rule = false;
      if (in_related && short_line && IsRelatedItem(line)) {
        remove = true;
      } else {
        in_related = false;
        if (!first_copy) {
          remove = true;
        } else if (short_line && IsRelatedHeader(line)) {
          remove = in_related = true;
        } else if (short_line && (IsBoilerplate(line) || (above_removed && IsContinuation(line)))) {
          remove = by_rule = true;
        }
      }
      if (remove) removed.emplace_back(begin, end);
      above_removed = by_rule;
    }
    if (end == all.size()) break;
    begin = end + 1;
  }

  // Removed lines become one space per character; kept bytes move left over what the wider
  // characters took (removed is in text order).
  CleanStats stats;
  std::string& t = *text;
  size_t out = 0, in = 0;
  for (const auto& [begin, end] : removed) {
    ++stats.lines_removed;
    for (; in < begin; ++in) t[out++] = t[in];
    for (; in < end; ++in) {
      const char c = t[in];
      if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // rest of a character
      t[out++] = c == '\r' ? c : ' ';
      if (c != '\r' && c != ' ') ++stats.chars_removed;
    }
  }
  for (; in < t.size(); ++in) t[out++] = t[in];
  t.resize(out);
  return stats;
}

}  // namespace

CleanStats BlankBoilerplate(std::string* text) {
  Cleaner cleaner;
  return cleaner.Run(text);
}

}  // namespace thaw
