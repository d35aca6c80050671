#include "text/xml_scanner.h"

#include "text/readers.h"

namespace thaw {
namespace {

bool IsBlank(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool IsNameStart(int c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' || c >= 0x80;
}

bool IsNameChar(int c) { return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

}  // namespace

bool XmlScanner::NameIs(std::string_view n) const { return EqualsIgnoreCase(name_, n); }

const std::string* XmlScanner::Attr(std::string_view attr) const {
  for (size_t i = 0; i < attr_count_; ++i) {
    if (EqualsIgnoreCase(attrs_[i].name, attr)) return &attrs_[i].value;
  }
  return nullptr;
}

int XmlScanner::Take() {
  const int c = src_->Get();
  if (c != ByteSource::kEof) at_line_start_ = (c == '\n');
  return c;
}

void XmlScanner::SkipLine() {
  for (int c = Take(); c != ByteSource::kEof && c != '\n'; c = Take()) {
  }
}

void XmlScanner::SkipBlanks() {
  while (IsBlank(src_->Peek())) Take();
}

void XmlScanner::ReportTruncated(const char* what, int line) {
  truncated_ = true;
  diags_->Add(src_->name(), line,
              std::string("input ends inside ") + what + " that begins here; is the file cut off?");
}

XmlScanner::Token XmlScanner::Next() {
  text_.clear();
  for (;;) {
    const int c = src_->Peek();
    if (c == ByteSource::kEof) return text_.empty() ? Token::kEnd : Token::kText;
    if (c == '#' && at_line_start_ && !hash_lines_are_text_) {
      SkipLine();
      continue;
    }
    if (c != '<') {
      if (text_.empty()) line_ = src_->line();
      text_.push_back(static_cast<char>(Take()));
      continue;
    }
    // Hand back pending text first so the caller sees it before the tag that ends it.
    if (!text_.empty()) return Token::kText;
    const int tag_line = src_->line();
    Take();  // '<'
    const int d = src_->Peek();
    if (d == '!') {
      Take();
      line_ = tag_line;
      ScanBang();  // CDATA content lands in text_; the loop returns it with what follows
      if (truncated_) return text_.empty() ? Token::kEnd : Token::kText;
      continue;
    }
    if (d == '?') {
      Take();
      ScanProcessingInstruction();
      if (truncated_) return Token::kEnd;
      continue;
    }
    if (d == '/') {
      Take();
      line_ = tag_line;
      ScanEndTag();
      return truncated_ ? Token::kEnd : Token::kEndTag;
    }
    if (IsNameStart(d)) {
      line_ = tag_line;
      ScanStartTag();
      return truncated_ ? Token::kEnd : Token::kStartTag;
    }
    // "a < b" in running text: not a tag, keep the '<' literally.
    line_ = tag_line;
    text_.push_back('<');
  }
}

void XmlScanner::ScanBang() {
  const int start = line_;
  if (src_->Peek() == '-') {
    Take();
    if (src_->Peek() == '-') {
      Take();
      // Comment: ends at the first "-->" (a run of two or more dashes then '>').
      int dashes = 0;
      for (;;) {
        const int c = Take();
        if (c == ByteSource::kEof) return ReportTruncated("a <!-- comment", start);
        if (c == '-') {
          ++dashes;
        } else if (c == '>' && dashes >= 2) {
          return;
        } else {
          dashes = 0;
        }
      }
    }
  }
  static constexpr std::string_view kCdata = "[CDATA[";
  size_t matched = 0;
  while (matched < kCdata.size() && src_->Peek() == kCdata[matched]) {
    Take();
    ++matched;
  }
  if (matched == kCdata.size()) {
    // CDATA content is text; it ends at "]]>".
    const size_t begin = text_.size();
    for (;;) {
      const int c = Take();
      if (c == ByteSource::kEof) return ReportTruncated("a <![CDATA[ section", start);
      text_.push_back(static_cast<char>(c));
      if (c == '>' && text_.size() - begin >= 3 && text_.compare(text_.size() - 3, 3, "]]>") == 0) {
        text_.resize(text_.size() - 3);
        return;
      }
    }
  }
  // <!DOCTYPE ...>, <!ENTITY ...> or junk: skip to the closing '>'.
  for (;;) {
    const int c = Take();
    if (c == ByteSource::kEof) return ReportTruncated("a <! declaration", start);
    if (c == '>') return;
  }
}

void XmlScanner::ScanProcessingInstruction() {
  const int start = src_->line();
  int prev = 0;
  for (;;) {
    const int c = Take();
    if (c == ByteSource::kEof) return ReportTruncated("a <? processing instruction", start);
    if (c == '>' && prev == '?') return;
    prev = c;
  }
}

void XmlScanner::ScanName() {
  name_.clear();
  while (IsNameChar(src_->Peek())) name_.push_back(static_cast<char>(Take()));
}

void XmlScanner::ScanEndTag() {
  ScanName();
  for (;;) {
    const int c = src_->Peek();
    if (c == ByteSource::kEof) return ReportTruncated("an end tag", line_);
    if (c == '<') {
      diags_->Add(src_->name(), line_, "end tag </" + Excerpt(name_) + " is missing its '>'");
      return;
    }
    Take();
    if (c == '>') return;
  }
}

void XmlScanner::ScanStartTag() {
  ScanName();
  self_closing_ = false;
  attr_count_ = 0;
  for (;;) {
    SkipBlanks();
    const int c = src_->Peek();
    if (c == ByteSource::kEof)
      return ReportTruncated(("the tag <" + Excerpt(name_)).c_str(), line_);
    if (c == '>') {
      Take();
      return;
    }
    if (c == '/') {
      Take();
      if (src_->Peek() == '>') {
        Take();
        self_closing_ = true;
        return;
      }
      continue;  // a stray '/' inside a tag
    }
    if (c == '<') {
      // '<' cannot occur inside a tag: the '>' is missing. Close the tag here so one typo
      // does not swallow the records after it.
      diags_->Add(src_->name(), line_, "tag <" + Excerpt(name_) + " is missing its '>'");
      return;
    }
    if (attr_count_ == attrs_.size()) attrs_.emplace_back();
    Attribute& a = attrs_[attr_count_++];
    a.name.clear();
    a.value.clear();
    while (src_->Peek() != ByteSource::kEof && !IsBlank(src_->Peek()) && src_->Peek() != '=' &&
           src_->Peek() != '>' && src_->Peek() != '/' && src_->Peek() != '<') {
      a.name.push_back(static_cast<char>(Take()));
    }
    if (a.name.empty()) {  // e.g. a stray '"': drop it
      Take();
      --attr_count_;
      continue;
    }
    SkipBlanks();
    if (src_->Peek() != '=') continue;  // attribute without a value
    Take();
    SkipBlanks();
    const int q = src_->Peek();
    if (q == '"' || q == '\'') {
      Take();
      for (;;) {
        const int v = src_->Peek();
        if (v == ByteSource::kEof) break;  // reported as a cut-off tag by the loop above
        if (v == '<') {
          // '<' cannot occur in a value: the quote is missing. Close the tag here.
          diags_->Add(
              src_->name(), line_,
              "attribute " + Excerpt(a.name) + " of <" + Excerpt(name_) + "> has no closing quote");
          return;
        }
        Take();
        if (v == q) break;
        a.value.push_back(static_cast<char>(v));
      }
    } else {
      while (src_->Peek() != ByteSource::kEof && !IsBlank(src_->Peek()) && src_->Peek() != '>' &&
             src_->Peek() != '<') {
        if (src_->Peek() == '/') {
          Take();
          if (src_->Peek() == '>') {
            Take();
            self_closing_ = true;
            return;
          }
          a.value.push_back('/');
          continue;
        }
        a.value.push_back(static_cast<char>(Take()));
      }
    }
  }
}

}  // namespace thaw
