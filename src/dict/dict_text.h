// Internal to thaw_dict: what the four PETRARCH dictionary parsers share — a line reader
// that removes comments and repairs encoding, a reporter that turns problems into
// diagnostics (or, under --strict, into the load error), and word-splitting helpers.
// Not a public header; nothing outside src/dict includes it.
#ifndef THAW_DICT_DICT_TEXT_H_
#define THAW_DICT_DICT_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/status.h"
#include "dict/dictionaries.h"

namespace thaw::dict_internal {

// Routes parser complaints for one file. Not thread-safe; one per parse.
class Reporter {
 public:
  Reporter(std::string_view file, const LoadOptions& options, Diagnostics* diags)
      : file_(file), strict_(options.strict), diags_(diags) {}
  Reporter(const Reporter&) = delete;
  Reporter& operator=(const Reporter&) = delete;

  // Something on `line` was dropped. Under strict mode the first such call becomes the
  // load error (see status()) and later calls are ignored.
  void Skipped(int line, std::string message);
  // Something on `line` was repaired or partly ignored, but its data was kept.
  // Always a warning.
  void Repaired(int line, std::string message);

  // True once a strict-mode error has been recorded; parsers stop reading then.
  bool failed() const { return !error_.ok(); }
  const Status& status() const { return error_; }
  std::string_view file() const { return file_; }

 private:
  std::string file_;
  bool strict_;
  Diagnostics* diags_;  // may be null
  Status error_;
};

// One line that has content once comments are removed.
struct DictLine {
  int number = 0;         // 1-based line number in the file
  std::string_view text;  // trimmed content without comments; valid UTF-8 (repaired)
};

// Walks a dictionary text line by line, yielding only lines with content. Handles LF and
// CRLF, '#' comments (see ParseVerbDictionary in dictionaries.h for the rule), <!-- -->
// blocks spanning lines, and encoding repair (reported through the Reporter).
// `text` and the reporter must outlive the reader; each DictLine::text stays valid only
// until the next call to Next().
class LineReader {
 public:
  LineReader(std::string_view text, Reporter* reporter) : text_(text), reporter_(reporter) {}
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Fills `line` with the next line that has content; false at the end of the text.
  bool Next(DictLine* line);

 private:
  std::string_view StripComments(std::string_view raw);
  std::string_view RepairEncoding(std::string_view content, int number);

  std::string_view text_;
  Reporter* reporter_;
  size_t pos_ = 0;
  int number_ = 0;
  bool in_block_comment_ = false;
  int block_comment_line_ = 0;
  std::string joined_;    // content of a line with a mid-line <!-- --> removed
  std::string repaired_;  // content after encoding repair
};

inline bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

// Splits `s` into upper-cased words at whitespace and '_' (PETRARCH joins the words of a
// phrase with '_'); empty pieces are dropped and punctuation inside words is kept.
// Returns true when the text ends in '_' (an "exact" / stopped phrase).
bool SplitPhrase(std::string_view s, std::vector<std::string>* words);

// "`text`" for messages, shortened to about 80 bytes on a UTF-8 boundary.
std::string Quote(std::string_view text);

}  // namespace thaw::dict_internal

#endif  // THAW_DICT_DICT_TEXT_H_
