// A tolerant tag scanner for PETRARCH record files: start tags, end tags and text runs.
// Internal to src/text. Borrows its ByteSource and Diagnostics; not thread-safe.
//
// Why hand-rolled and not expat/libxml2: the files PETRARCH and UniversalPetrarch read
// and write are not well-formed XML ('#' header lines outside comments, self-closing
// <Sentence/> records whose children follow as siblings, stray '<' and '&' in text,
// files cut off mid-record). A conforming parser stops at the first of these; this one
// skips or repairs what it can and keeps every complete record.
#ifndef THAW_TEXT_XML_SCANNER_H_
#define THAW_TEXT_XML_SCANNER_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "text/byte_source.h"

namespace thaw {

class XmlScanner {
 public:
  enum class Token { kStartTag, kEndTag, kText, kEnd };

  // `src` and `diags` must outlive the scanner.
  XmlScanner(ByteSource* src, Diagnostics* diags) : src_(src), diags_(diags) {}
  XmlScanner(const XmlScanner&) = delete;
  XmlScanner& operator=(const XmlScanner&) = delete;

  // Scans the next token. Comments, <?...?>, <!DOCTYPE ...> and lines starting with '#'
  // (see set_hash_lines_are_text) are skipped; a '<' that cannot start a tag is text.
  // Malformed tags are reported to the diagnostics and closed where they break off.
  // Returns kEnd at the end of input, and keeps returning it.
  Token Next();

  // The tag name of the last kStartTag/kEndTag, as written.
  const std::string& name() const { return name_; }
  // True when the last tag's name equals `n`, ignoring ASCII case.
  bool NameIs(std::string_view n) const;
  // True when the last start tag ended with "/>".
  bool self_closing() const { return self_closing_; }
  // The raw value (entities not decoded) of the last start tag's attribute `attr`,
  // compared ignoring ASCII case; nullptr when absent. Valid until the next Next().
  const std::string* Attr(std::string_view attr) const;
  // Raw attribute values of the last start tag, in order, for validation.
  size_t attr_count() const { return attr_count_; }
  const std::string& attr_value(size_t i) const { return attrs_[i].value; }
  // The raw text run of the last kText (entities not decoded; CDATA content included).
  const std::string& text() const { return text_; }
  // Line where the last token began.
  int line() const { return line_; }
  // While true (inside <Text>), '#' at the start of a line is text, not a header comment.
  void set_hash_lines_are_text(bool v) { hash_lines_are_text_ = v; }
  // True once the input ended inside a tag, comment or CDATA section.
  bool truncated() const { return truncated_; }

 private:
  struct Attribute {
    std::string name, value;
  };

  int Take();
  void SkipLine();
  // After "<!": skips a comment or declaration, or appends a CDATA section to text_.
  void ScanBang();
  // After "<?": skips a processing instruction.
  void ScanProcessingInstruction();
  // After "<" + name start: reads name and attributes up to ">" or "/>".
  void ScanStartTag();
  // After "</": reads the name and skips to ">".
  void ScanEndTag();
  void ScanName();
  void SkipBlanks();
  // Reports that the input ended inside `what`, which began at `line`.
  void ReportTruncated(const char* what, int line);

  ByteSource* src_;
  Diagnostics* diags_;
  bool at_line_start_ = true;
  bool hash_lines_are_text_ = false;
  bool truncated_ = false;
  int line_ = 1;
  std::string name_;
  bool self_closing_ = false;
  std::vector<Attribute> attrs_;  // reused; only the first attr_count_ are live
  size_t attr_count_ = 0;
  std::string text_;
};

}  // namespace thaw

#endif  // THAW_TEXT_XML_SCANNER_H_
