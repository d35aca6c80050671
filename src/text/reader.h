// Streaming document readers for PETRARCH XML, CoNLL-U, JSON Lines and plain text.
// A reader holds at most one document in memory; readers are not thread-safe.
#ifndef THAW_TEXT_READER_H_
#define THAW_TEXT_READER_H_

#include <memory>
#include <string>

#include "base/diagnostics.h"
#include "base/status.h"
#include "text/document.h"

namespace thaw {

enum class InputFormat { kAuto, kPetrarchXml, kConllu, kJsonl, kText };

// Parses "auto", "xml", "conllu", "jsonl", "text"; nullopt-like kAuto on unknown is an error.
Result<InputFormat> ParseInputFormat(std::string_view name);

class DocumentReader {
 public:
  virtual ~DocumentReader() = default;
  // Fills *doc with the next document and returns true, or returns false at the end.
  // Recoverable problems (a malformed record, invalid UTF-8) are added to the
  // diagnostics passed at open time and the record is skipped or repaired; a non-ok
  // Status means the input could not be read at all.
  virtual Result<bool> Next(Document* doc) = 0;
};

// Opens `path` ("-" for stdin; a directory reads its *.txt files in name order as
// plain text). kAuto picks the format from the extension (.xml, .conllu, .jsonl/.json,
// otherwise text) and, for stdin, from the first non-blank byte. `diags` must outlive
// the reader.
Result<std::unique_ptr<DocumentReader>> OpenDocumentReader(const std::string& path,
                                                           InputFormat format,
                                                           Diagnostics* diags);

}  // namespace thaw

#endif  // THAW_TEXT_READER_H_
