#include "coder/dating.h"

#include "text/dates.h"

namespace thaw {

void AssignDocumentDate(Document* doc) {
  if (doc->date == kNoDate) {
    if (Date d = DateFromFileName(doc->origin); d != kNoDate) {
      doc->date = d;
      doc->date_inferred = true;
      doc->date_evidence = "file name";
    } else {
      const InferredDate inferred = InferDocumentDate(doc->text);
      if (inferred.date != kNoDate) {
        // A year (or month) alone: its middle keeps "last June" and dated codes sensible.
        Date d = inferred.date;
        if (inferred.precision == DatePrecision::kYear) d = (d / 10000) * 10000 + 701;
        doc->date = d;
        doc->date_inferred = true;
        doc->date_evidence = inferred.evidence;
      }
    }
  }
  for (Sentence& s : doc->sentences) {
    if (s.date == kNoDate) s.date = doc->date;
  }
}

namespace {

// The token whose byte range covers `offset` of the sentence text, or -1.
int32_t TokenAt(const Sentence& s, uint32_t offset) {
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    if (t.char_begin != kNoOffset && t.char_begin <= offset && offset < t.char_end)
      return static_cast<int32_t>(i);
  }
  return -1;
}

// Whether the expression [begin, end) hangs off `verb`: some token in it has its head outside
// the span, and that head is the verb.
bool AttachedTo(const Sentence& s, const DateMention& m, int32_t verb) {
  const int32_t first = TokenAt(s, m.begin);
  const int32_t last = TokenAt(s, m.end - 1);
  if (first < 0 || last < 0) return false;
  for (int32_t t = first; t <= last; ++t) {
    const int32_t h = s.tokens[t].head;
    if ((h < first || h > last) && h == verb) return true;
  }
  return false;
}

}  // namespace

void AssignEventDates(const Document& doc, Coder::DocumentEvents* coded) {
  for (size_t i = 0; i < doc.sentences.size() && i < coded->events.size(); ++i) {
    auto& events = coded->events[i];
    if (events.empty()) continue;
    const Sentence& s = doc.sentences[i];
    const Date reference = s.date != kNoDate ? s.date : doc.date;
    const std::vector<DateMention> mentions = FindDateMentions(s.text, reference);
    if (mentions.empty()) continue;
    for (Event& e : events) {
      for (const DateMention& m : mentions) {
        if (!AttachedTo(s, m, e.verb_token)) continue;
        e.date = m.date;
        e.date_text = s.text.substr(m.begin, m.end - m.begin);
        break;
      }
    }
  }
}

}  // namespace thaw
