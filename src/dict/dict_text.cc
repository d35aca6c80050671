#include "dict/dict_text.h"

#include <cstdio>

#include "base/strings.h"

namespace thaw::dict_internal {
namespace {

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD

// Length of a block-comment opener at raw[i]: "<!--", or the "<! --" misspelling found in
// PETR.Validate.actors.txt (any blanks between '!' and "--"); 0 when there is none.
size_t BlockOpenerLength(std::string_view raw, size_t i) {
  if (raw.compare(i, 2, "<!") != 0) return 0;
  size_t j = i + 2;
  while (j < raw.size() && IsBlank(raw[j])) ++j;
  if (raw.compare(j, 2, "--") != 0) return 0;
  return j + 2 - i;
}

// Whether the '#' at raw[i] starts a comment. PETRARCH files put comments after
// whitespace ("ABANDON    # pas"), straight after a code ("[ZBW]#jw") or after the '_'
// that ends a phrase ("RAMCIEL___#_LIKELY_TO...", "WEST_PAPUA#_VERY_IFFY_"), while '#'
// inside a word ("COACUTE#RDOBA", a mangled HTML entity) and inside a code ("[###]") is
// data. Inside an unclosed '[' only whitespace before the '#' makes a comment.
bool StartsComment(std::string_view raw, size_t i, bool in_brackets) {
  const char prev = i == 0 ? ' ' : raw[i - 1];
  if (in_brackets) return IsBlank(prev);
  const char next = i + 1 < raw.size() ? raw[i + 1] : ' ';
  return IsBlank(prev) || prev == ']' || prev == '_' || IsBlank(next) || next == '_';
}

bool IsPlainAscii(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (u < 0x20 && c != '\t')) return false;
  }
  return true;
}

}  // namespace

void Reporter::Skipped(int line, std::string message) {
  if (failed()) return;
  if (strict_) {
    Diagnostic d{file_, line, std::move(message)};
    error_ = Status::InvalidArgument(d.ToString());
    return;
  }
  if (diags_ != nullptr) diags_->Add(file_, line, std::move(message));
}

void Reporter::Repaired(int line, std::string message) {
  if (diags_ != nullptr) diags_->Add(file_, line, std::move(message));
}

bool LineReader::Next(DictLine* line) {
  while (pos_ < text_.size()) {
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view raw = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    ++number_;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);

    std::string_view content = Trim(StripComments(raw));
    if (content.empty()) continue;
    line->number = number_;
    line->text = RepairEncoding(content, number_);
    return true;
  }
  if (in_block_comment_) {
    in_block_comment_ = false;
    reporter_->Skipped(block_comment_line_,
                       "comment opened with `<!--` is never closed by `-->`; the rest of the "
                       "file was ignored");
  }
  return false;
}

std::string_view LineReader::StripComments(std::string_view raw) {
  // Fast path: most lines have neither '#' nor '<' and are not inside a block comment.
  if (!in_block_comment_ && raw.find_first_of("#<") == std::string_view::npos) return raw;

  size_t i = 0;
  if (in_block_comment_) {
    const size_t close = raw.find("-->");
    if (close == std::string_view::npos) return {};
    in_block_comment_ = false;
    i = close + 3;
  }
  // Pieces kept on either side of a mid-line <!-- --> are joined with a space; the common
  // case of a single piece stays a view into the text.
  bool joining = false;
  size_t piece_start = i;
  int bracket_depth = 0;
  size_t end = raw.size();
  while (i < raw.size()) {
    const char c = raw[i];
    if (c == '[') {
      ++bracket_depth;
    } else if (c == ']') {
      if (bracket_depth > 0) --bracket_depth;
    } else if (c == '#' && StartsComment(raw, i, bracket_depth > 0)) {
      end = i;
      break;
    } else if (c == '<') {
      if (const size_t open = BlockOpenerLength(raw, i); open > 0) {
        const size_t close = raw.find("-->", i + open);
        if (close == std::string_view::npos) {
          in_block_comment_ = true;
          block_comment_line_ = number_;
          end = i;
          break;
        }
        if (!joining) joined_.clear();
        joining = true;
        joined_.append(raw.substr(piece_start, i - piece_start));
        joined_.push_back(' ');
        i = close + 3;
        piece_start = i;
        continue;
      }
    }
    ++i;
  }
  if (!joining) return raw.substr(piece_start, end - piece_start);
  joined_.append(raw.substr(piece_start, end - piece_start));
  return joined_;
}

std::string_view LineReader::RepairEncoding(std::string_view content, int number) {
  if (IsPlainAscii(content)) return content;
  const bool had_replacement = content.find(kReplacementChar) != std::string_view::npos;
  std::string_view text = content;
  if (!IsValidUtf8(text)) {
    repaired_ = RepairUtf8(text);
    text = repaired_;
    reporter_->Repaired(number, "invalid UTF-8 (probably Latin-1) bytes replaced by U+FFFD: " +
                                    Quote(text) + "; re-save the file as UTF-8");
  }
  // Control characters (a NUL, or the 0x1A SUB that stands for a lost character in
  // Phoenix.Countries.actors.txt) would end up inside words; mark them like lost bytes.
  bool has_control = false;
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t') has_control = true;
  }
  if (has_control) {
    std::string out;
    out.reserve(text.size() + 8);
    for (char c : text) {
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
        out += kReplacementChar;
      } else {
        out.push_back(c);
      }
    }
    repaired_ = std::move(out);
    text = repaired_;
    reporter_->Repaired(number, "control character replaced by U+FFFD: " + Quote(text) +
                                    "; the character it stood for was lost");
  }
  if (had_replacement) {
    reporter_->Repaired(number,
                        "contains U+FFFD, a character lost before this file was "
                        "written; it will only match text with the same mark: " +
                            Quote(text));
  }
  return text;
}

bool SplitPhrase(std::string_view s, std::vector<std::string>* words) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (IsBlank(s[i]) || s[i] == '_' || s[i] == '\n')) ++i;
    size_t j = i;
    while (j < s.size() && !(IsBlank(s[j]) || s[j] == '_' || s[j] == '\n')) ++j;
    if (j > i) words->push_back(ToUpperAscii(s.substr(i, j - i)));
    i = j;
  }
  const std::string_view t = Trim(s);
  return !t.empty() && t.back() == '_';
}

std::string Quote(std::string_view text) {
  constexpr size_t kMax = 80;
  size_t cut = text.size();
  if (cut > kMax) {
    cut = kMax;
    // Back up to the start of a UTF-8 sequence so the message stays valid UTF-8.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  // Built by append: GCC 12 warns falsely (-Wrestrict) on "`" + std::string(...).
  std::string out;
  out.reserve(cut + 5);
  out.push_back('`');
  out.append(text.substr(0, cut));
  if (cut < text.size()) out.append("...");
  out.push_back('`');
  return out;
}

}  // namespace thaw::dict_internal
