#include "cli/event_output.h"

#include <fmt/format.h>

#include "base/strings.h"
#include "ontology/cameo.h"

namespace thaw {
namespace {

void AppendJsonField(const char* key, std::string_view value, std::string* out) {
  out->append("\"").append(key).append("\":\"");
  AppendJsonEscaped(value, out);
  out->append("\",");
}

}  // namespace

void EventWriter::Begin() {
  if (format_ != EventFormat::kTsv) return;
  *out_ << "doc_id\tsentence_id\tdate\tsource\ttarget\tcode\troot_code\tquad_class\tgoldstein\t"
           "source_text\ttarget_text\tverb\tpattern\tdate_text\tdate_inferred\n";
}

void EventWriter::Write(const Document& doc, const std::vector<std::vector<Event>>& events) {
  // One counter for the document: its sentences come in text order, so counting the characters
  // up to each actor goes forward from the one before instead of from the start of the text.
  CodePointCounter chars(doc.text);
  for (size_t i = 0; i < events.size() && i < doc.sentences.size(); ++i) {
    for (const Event& e : events[i]) WriteEvent(doc, doc.sentences[i], e, &chars);
  }
}

void EventWriter::WriteEvent(const Document& doc, const Sentence& sentence, const Event& e,
                             CodePointCounter* chars) {
  const CodeInfo info = DescribeEventCode(e.code);
  const Date date = e.date != kNoDate          ? e.date
                    : sentence.date != kNoDate ? sentence.date
                                               : doc.date;
  // Any date resting on a document date guessed from the file name or text is a guess too.
  const bool inferred = doc.date_inferred;
  buf_.clear();
  if (format_ == EventFormat::kTsv) {
    for (std::string_view cell : {std::string_view(doc.id), std::string_view(sentence.id)}) {
      AppendOneLine(cell, &buf_);
      buf_.push_back('\t');
    }
    buf_ += FormatDate(date);
    buf_ += fmt::format("\t{}\t{}\t{}\t{}\t{}\t{}\t", e.source, e.target, e.code, info.root,
                        static_cast<int>(info.quad_class), info.goldstein);
    for (std::string_view cell : {std::string_view(e.source_text), std::string_view(e.target_text),
                                  std::string_view(e.verb)}) {
      AppendOneLine(cell, &buf_);
      buf_.push_back('\t');
    }
    AppendOneLine(e.pattern, &buf_);
    buf_.push_back('\t');
    AppendOneLine(e.date_text, &buf_);
    buf_ += inferred ? "\ttrue\n" : "\tfalse\n";
  } else {
    buf_.push_back('{');
    AppendJsonField("doc_id", doc.id, &buf_);
    AppendJsonField("sentence_id", sentence.id, &buf_);
    AppendJsonField("date", FormatDate(date), &buf_);
    AppendJsonField("source", e.source, &buf_);
    AppendJsonField("target", e.target, &buf_);
    AppendJsonField("code", e.code, &buf_);
    AppendJsonField("root_code", info.root, &buf_);
    buf_ += fmt::format("\"quad_class\":{},\"goldstein\":{},", static_cast<int>(info.quad_class),
                        info.goldstein);
    AppendJsonField("source_text", e.source_text, &buf_);
    AppendJsonField("target_text", e.target_text, &buf_);
    AppendJsonField("verb", e.verb, &buf_);
    AppendJsonField("pattern", e.pattern, &buf_);
    AppendJsonField("date_text", e.date_text, &buf_);
    buf_ += inferred ? "\"date_inferred\":true," : "\"date_inferred\":false,";
    buf_ += fmt::format("\"pattern_line\":{},\"verb_token\":{}", e.pattern_line, e.verb_token);
    // Where the actors' words are in the document's text, in characters (null: not known).
    const struct {
      const char* role;
      int32_t begin, end;
    } mentions[] = {{"source", e.source_begin, e.source_end},
                    {"target", e.target_begin, e.target_end}};
    for (const auto& m : mentions) {
      int64_t first = 0, last = 0;
      if (TokenCharRange(doc, sentence, m.begin, m.end, chars, &first, &last)) {
        buf_ += fmt::format(",\"{0}_char_begin\":{1},\"{0}_char_end\":{2}", m.role, first, last);
      } else {
        buf_ += fmt::format(",\"{0}_char_begin\":null,\"{0}_char_end\":null", m.role);
      }
    }
    buf_ += "}\n";
  }
  out_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
}

}  // namespace thaw
