// When things happened: a document's date (metadata, else its file name, else its text) and
// each event's date (the date expression attached to its verb, else the document's).
#ifndef THAW_CODER_DATING_H_
#define THAW_CODER_DATING_H_

#include "coder/coder.h"
#include "text/document.h"

namespace thaw {

// For a document without a date: the date in its file name (doc->origin), else one inferred
// from its text (text/dates.h; a year alone becomes July 1 of that year), marking
// doc->date_inferred. Then gives every sentence without a date the document's, so the coder's
// dated actor codes see it. Call after segmentation and before coding.
void AssignDocumentDate(Document* doc);

// Sets each event's date from the date expressions of its sentence: the expression whose head
// word depends on the event's verb ("met on Monday", "suspended four months ago"), resolved
// against the document date. Events with none keep kNoDate (meaning: the sentence's date).
void AssignEventDates(const Document& doc, Coder::DocumentEvents* coded);

}  // namespace thaw

#endif  // THAW_CODER_DATING_H_
