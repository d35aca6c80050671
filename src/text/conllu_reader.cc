// Reads CoNLL-U: sentences separated by blank lines, grouped into documents by
// "# newdoc" comments (one document named after the file when there are none).
//
// Sentence ids come from "# sent_id = X", else "<doc id>-<n>"; text from "# text = ...",
// else rebuilt from the word forms and SpaceAfter=No. Document::text is the sentence texts
// joined by '\n', with Sentence::doc_offset pointing into it.
//
// A malformed token line (wrong column count, non-numeric id or head), a head out of range
// or a self-headed token is reported once per sentence at its line; the sentence is KEPT
// with its text but without tokens (has_parse=false), so a batch never loses sentences to
// one bad annotation. A comment after token lines without a blank line starts a new
// sentence (reported).

#include <optional>
#include <string>

#include "base/date.h"
#include "base/strings.h"
#include "text/conllu.h"
#include "text/readers.h"

namespace thaw {
namespace {

class ConlluReader : public DocumentReader {
 public:
  ConlluReader(std::unique_ptr<ByteSource> src, Diagnostics* diags)
      : src_(std::move(src)), diags_(diags) {}

  Result<bool> Next(Document* doc) override;

 private:
  void StartDocument(std::string id, int line);
  void StartSentenceIfNeeded(int line);
  // Moves the sentence being read (if any) into building_.
  void EndSentence();
  void Warn(int line, std::string msg) { diags_->Add(src_->name(), line, std::move(msg)); }

  std::unique_ptr<ByteSource> src_;
  Diagnostics* diags_;
  ConlluBuilder builder_;
  std::string line_;  // reused line buffer
  bool done_ = false;
  int sentences_read_ = 0;

  bool doc_started_ = false;
  Document building_;

  bool in_sentence_ = false;
  Sentence cur_;
  std::string sent_id_;
  bool has_text_ = false;
  int bad_utf8_line_ = 0;
};

Result<bool> ConlluReader::Next(Document* doc) {
  while (!done_) {
    const int line_no = src_->line();
    if (!src_->ReadLine(&line_)) {
      done_ = true;
      EndSentence();
      if (!building_.sentences.empty()) {
        *doc = std::move(building_);
        building_ = Document();
        return true;
      }
      if (sentences_read_ == 0) {
        Warn(0, "no CoNLL-U sentences found (expected tab-separated token lines)");
      }
      break;
    }
    const int bad = RepairUtf8InPlace(&line_, line_no);
    if (Trim(line_).empty()) {
      EndSentence();
      continue;
    }
    if (line_[0] == '#') {
      if (in_sentence_ && !builder_.empty()) {
        Warn(line_no, "comment after token lines without a blank line; starting a new sentence");
        EndSentence();
      }
      std::string_view body = Trim(std::string_view(line_).substr(1));
      std::string_view key = body, value;
      const size_t eq = body.find('=');
      if (eq != std::string_view::npos) {
        key = Trim(body.substr(0, eq));
        value = Trim(body.substr(eq + 1));
      }
      if (key == "newdoc" || key == "newdoc id") {
        EndSentence();
        std::string id(value);
        if (id.empty()) id = BaseName(src_->name()) + "-doc" + std::to_string(line_no);
        if (!building_.sentences.empty()) {
          *doc = std::move(building_);
          StartDocument(std::move(id), line_no);
          return true;
        }
        StartDocument(std::move(id), line_no);
        continue;
      }
      if (key == "date") {
        // "# date = 2024-06-19": the document's date before its first sentence, else the
        // sentence's own date.
        const std::optional<Date> d = ParseDate(value);
        if (!d) {
          Warn(line_no,
               "date comment '" + Excerpt(std::string(value)) + "' is not a date (use YYYY-MM-DD)");
        } else if (in_sentence_) {
          cur_.date = *d;
        } else {
          if (!doc_started_) StartDocument(BaseName(src_->name()), line_no);
          building_.date = *d;
        }
        continue;
      }
      if (key == "sent_id" || key == "text") {
        StartSentenceIfNeeded(line_no);
        if (bad != 0 && bad_utf8_line_ == 0) bad_utf8_line_ = bad;
        if (key == "sent_id") {
          sent_id_ = value;
        } else {
          cur_.text = value;
          has_text_ = true;
        }
      }
      continue;
    }
    StartSentenceIfNeeded(line_no);
    if (bad != 0 && bad_utf8_line_ == 0) bad_utf8_line_ = bad;
    std::string error;
    if (!builder_.AddLine(line_, line_no, &error)) {
      Warn(line_no, error + "; the sentence is kept without a parse");
    }
  }
  if (!src_->status().ok()) return src_->status();
  return false;
}

void ConlluReader::StartDocument(std::string id, int line) {
  building_ = Document();
  building_.id = std::move(id);
  building_.origin = src_->name() + ":" + std::to_string(line);
  doc_started_ = true;
}

void ConlluReader::StartSentenceIfNeeded(int line) {
  if (in_sentence_) return;
  if (!doc_started_) StartDocument(BaseName(src_->name()), line);
  in_sentence_ = true;
  cur_ = Sentence();
  sent_id_.clear();
  has_text_ = false;
  bad_utf8_line_ = 0;
  builder_.Begin(&cur_);
}

void ConlluReader::EndSentence() {
  if (!in_sentence_) return;
  in_sentence_ = false;
  if (builder_.empty() && !has_text_) return;  // only comments: nothing to keep
  std::string error;
  int error_line = 0;
  if (!builder_.Finish(&error, &error_line) && !error.empty()) {
    Warn(error_line, error + "; the sentence is kept without a parse");
  }
  if (!has_text_) cur_.text = builder_.surface();
  if (cur_.date == kNoDate) cur_.date = building_.date;
  const size_t n = building_.sentences.size() + 1;
  cur_.id = sent_id_.empty() ? building_.id + "-" + std::to_string(n) : sent_id_;
  if (bad_utf8_line_ != 0) {
    Warn(bad_utf8_line_,
         "invalid UTF-8 in sentence '" + Excerpt(cur_.id) + "'" + std::string(kBadUtf8Replaced));
  }
  AlignTokens(&cur_);
  if (!building_.text.empty()) building_.text.push_back('\n');
  cur_.doc_offset = static_cast<uint32_t>(building_.text.size());
  building_.text.append(cur_.text);
  building_.sentences.push_back(std::move(cur_));
  ++sentences_read_;
}

}  // namespace

std::unique_ptr<DocumentReader> NewConlluReader(std::unique_ptr<ByteSource> src,
                                                Diagnostics* diags) {
  return std::make_unique<ConlluReader>(std::move(src), diags);
}

}  // namespace thaw
