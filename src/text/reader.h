// Streaming document readers for PETRARCH XML, CoNLL-U, JSON Lines and plain text.
// A reader holds at most one document in memory; readers are not thread-safe.
#ifndef THAW_TEXT_READER_H_
#define THAW_TEXT_READER_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/status.h"
#include "text/document.h"

namespace thaw {

enum class InputFormat { kAuto, kPetrarchXml, kConllu, kJsonl, kText, kHtml, kFeed };

// Parses "auto", "xml", "conllu", "jsonl", "text", "html", "feed" (also "petrarch", "json",
// "txt", "htm", "rss", "atom"), ignoring case. Any other name is InvalidArgument, with a message
// listing the accepted names.
Result<InputFormat> ParseInputFormat(std::string_view name);

class DocumentReader {
 public:
  virtual ~DocumentReader() = default;
  // Fills *doc with the next document and returns true, or returns false at the end.
  // Recoverable problems (a malformed record, invalid UTF-8) are added to the
  // diagnostics passed at open time and the record is skipped or repaired (each
  // *_reader.cc states which, at its top); a non-ok Status means a read error.
  virtual Result<bool> Next(Document* doc) = 0;
  // For a live feed on stdin: `f` is called inside Next whenever it is about to wait for
  // input that has not arrived yet. JSON Lines calls it; the other formats never do.
  virtual void set_on_wait(std::function<void()> /*f*/) {}
};

// Where JSON Lines input keeps each field of a document: a member name, or a dotted path into
// nested objects ("source.name"; a member whose own name holds the dot is found first).
struct JsonlFields {
  std::string id = "id", text = "text", date = "date", title = "title", source = "source",
              url = "url";
};

// Sets the fields `spec` names: "KEY=NAME[,KEY=NAME...]", KEY one of id, text, date, title,
// source, url (e.g. "text=body,date=publishedAt"). InvalidArgument names the bad item and
// leaves *fields as it was.
Status ParseJsonlFields(std::string_view spec, JsonlFields* fields);

// How to read input: its format and, for JSON Lines, where the fields are.
struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  JsonlFields jsonl;
  // The encoding of input without a byte-order mark, as ICU names it; empty: UTF-8
  // (ByteSource::CheckEncoding checks a name).
  std::string encoding;
};

// OK when `name` is empty (UTF-8) or an encoding ICU reads, its case and punctuation ignored
// ("windows-1252", "latin1", "EUC-KR", "GB18030", "UTF-16LE"); InvalidArgument otherwise.
Status CheckEncoding(std::string_view name);

// Opens `path` ("-" for stdin). kAuto picks the format from the extension (.xml, .conllu,
// .jsonl/.json, .html/.htm, .rss/.atom, otherwise text; a web page or a feed under another
// name by its root element) and, for stdin, from the first non-blank bytes ('<' PETRARCH XML,
// a web page or a feed by the root element, '{' or "[{" JSON, '#' or digit CoNLL-U, else
// text). A directory reads its regular files (not
// subdirectories or dot-files) in name order: with kAuto only those with one of these
// extensions, others skipped with one diagnostic;
// with an explicit format, every file in that format. Bytes are read as ByteSource::Open reads
// them in options.encoding. Blank input yields no documents and an "empty input" diagnostic.
// Errors: missing or unreadable path, compressed or binary input. `diags` must be non-null and
// outlive the reader.
Result<std::unique_ptr<DocumentReader>> OpenDocumentReader(const std::string& path,
                                                           const ReadOptions& options,
                                                           Diagnostics* diags);
// The same with the default JSON Lines fields.
inline Result<std::unique_ptr<DocumentReader>> OpenDocumentReader(const std::string& path,
                                                                  InputFormat format,
                                                                  Diagnostics* diags) {
  ReadOptions options;
  options.format = format;
  return OpenDocumentReader(path, options, diags);
}

}  // namespace thaw

#endif  // THAW_TEXT_READER_H_
