// Writers for coded events: JSON Lines (one object per event) and TSV with a header row.
// Writers stream to an std::ostream and are not thread-safe.
#ifndef THAW_CLI_EVENT_OUTPUT_H_
#define THAW_CLI_EVENT_OUTPUT_H_

#include <ostream>
#include <string>
#include <vector>

#include "base/strings.h"
#include "coder/event.h"
#include "text/document.h"

namespace thaw {

enum class EventFormat { kJsonl, kTsv };

class EventWriter {
 public:
  EventWriter(std::ostream* out, EventFormat format) : out_(out), format_(format) {}
  // Writes the TSV header (no-op for JSON Lines). Call once before the first event.
  void Begin();
  // Writes the events of one document: events[i] are those of doc.sentences[i].
  void Write(const Document& doc, const std::vector<std::vector<Event>>& events);

 private:
  void WriteEvent(const Document& doc, const Sentence& sentence, const Event& event,
                  CodePointCounter* chars);

  std::ostream* out_;
  EventFormat format_;
  std::string buf_;
};

}  // namespace thaw

#endif  // THAW_CLI_EVENT_OUTPUT_H_
