// Reads PETRARCH validation and batch files: one Document per <Sentence> record.
//
// Record boundaries. A record opened by <Sentence ...> ends at </Sentence>. A record opened
// by a self-closing <Sentence .../> (as UniversalPetrarch writes them) owns the sibling
// elements after it and ends at the next <Sentence, </Sentences>, </Validation> or the end
// of input. A non-self-closing record that meets one of those before </Sentence> is kept
// with a diagnostic.
//
// Cut-off input. A record still open when the input ends (or whose tag or comment is cut
// off) is dropped with a diagnostic at its first line, even when its <Text> was complete:
// half a <Parse> would silently look like a short sentence. Records before it are yielded.

#include <optional>
#include <string>
#include <unordered_map>

#include "base/date.h"
#include "base/strings.h"
#include "text/conllu.h"
#include "text/readers.h"
#include "text/xml_scanner.h"

namespace thaw {
namespace {

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Collapses runs of ASCII whitespace into one space and trims both ends.
std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (IsBlank(c)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(c);
    }
  }
  return out;
}

// PETRARCH writes True/False, the unit tests also FALSE/TRUE/false/true.
std::optional<bool> ParseBool(std::string_view v) {
  const std::string s = ToLowerAscii(Trim(v));
  if (s == "true" || s == "1" || s == "yes") return true;
  if (s == "false" || s == "0" || s == "no") return false;
  return std::nullopt;
}

class PetrarchXmlReader : public DocumentReader {
 public:
  PetrarchXmlReader(std::unique_ptr<ByteSource> src, Diagnostics* diags)
      : src_(std::move(src)), diags_(diags), scanner_(src_.get(), diags) {}

  Result<bool> Next(Document* doc) override;

 private:
  enum class Child { kNone, kText, kParse };
  enum class EndedBy { kEndTag, kNextRecord, kEndOfInput };

  struct Record {
    bool open = false;
    bool self_closing = false;  // <Sentence .../>: children follow as siblings
    int line = 0;
    std::string id, date, source;
    bool require_dyad = true;
    Child child = Child::kNone;
    bool has_text = false;
    std::string text, parse;
    int text_line = 0, parse_line = 0;
    Expectation expected;
    int bad_utf8_line = 0;  // first line with invalid UTF-8, 0 if none
  };

  void StartRecord();
  // Closes the open record; fills *doc and returns true when the record is usable.
  bool EndRecord(EndedBy how, Document* doc);
  void Build(Document* doc);
  void BuildParse(Sentence* s);
  void OnConfig();
  void OnEventCoding();
  void OpenChild(Child c);
  void CloseChild();
  void AppendRun();
  // The decoded, UTF-8-repaired value of attribute `name` of the current tag.
  std::string AttrText(std::string_view name);
  void NoteBadUtf8(int line) {
    if (rec_.bad_utf8_line == 0) rec_.bad_utf8_line = line;
  }
  void Warn(int line, std::string msg) { diags_->Add(src_->name(), line, std::move(msg)); }
  std::string Label() const {
    return rec_.id.empty() ? "record" : "record '" + Excerpt(rec_.id) + "'";
  }

  std::unique_ptr<ByteSource> src_;
  Diagnostics* diags_;
  XmlScanner scanner_;
  ConlluBuilder builder_;
  Record rec_;
  bool done_ = false;
  int records_seen_ = 0;
  bool require_dyad_ = true;  // from <Config option="require_dyad">, for later records
  std::unordered_map<std::string, int> id_counts_;
};

Result<bool> PetrarchXmlReader::Next(Document* doc) {
  while (!done_) {
    bool ready = false;
    switch (scanner_.Next()) {
      case XmlScanner::Token::kStartTag:
        if (scanner_.NameIs("Sentence")) {
          if (rec_.open) ready = EndRecord(EndedBy::kNextRecord, doc);
          StartRecord();
        } else if (scanner_.NameIs("Config")) {
          OnConfig();
        } else if (!rec_.open) {
          // Environment, Sentences and unknown tags outside records carry nothing we use.
        } else if (scanner_.NameIs("Text")) {
          rec_.has_text = true;
          if (!scanner_.self_closing()) OpenChild(Child::kText);
        } else if (scanner_.NameIs("Parse")) {
          if (!scanner_.self_closing()) OpenChild(Child::kParse);
        } else if (scanner_.NameIs("EventCoding")) {
          OnEventCoding();
        }
        break;
      case XmlScanner::Token::kEndTag:
        if (!rec_.open) break;
        if (scanner_.NameIs("Sentence")) {
          ready = EndRecord(EndedBy::kEndTag, doc);
        } else if (scanner_.NameIs("Sentences") || scanner_.NameIs("Validation")) {
          ready = EndRecord(EndedBy::kNextRecord, doc);
        } else if ((scanner_.NameIs("Text") && rec_.child == Child::kText) ||
                   (scanner_.NameIs("Parse") && rec_.child == Child::kParse)) {
          CloseChild();
        }
        break;
      case XmlScanner::Token::kText:
        if (rec_.open && rec_.child != Child::kNone) AppendRun();
        break;
      case XmlScanner::Token::kEnd:
        done_ = true;
        if (rec_.open) ready = EndRecord(EndedBy::kEndOfInput, doc);
        if (records_seen_ == 0 && !scanner_.truncated()) {
          Warn(0, "no <Sentence> records found; is this a PETRARCH validation or batch file?");
        }
        break;
    }
    if (ready) return true;
  }
  if (!src_->status().ok()) return src_->status();
  return false;
}

void PetrarchXmlReader::StartRecord() {
  ++records_seen_;
  rec_.open = true;
  rec_.self_closing = scanner_.self_closing();
  rec_.line = scanner_.line();
  rec_.child = Child::kNone;
  rec_.has_text = false;
  rec_.text.clear();
  rec_.parse.clear();
  rec_.text_line = rec_.parse_line = 0;
  rec_.expected = Expectation();
  rec_.bad_utf8_line = 0;
  rec_.require_dyad = require_dyad_;
  rec_.id = AttrText("id");
  rec_.date = AttrText("date");
  rec_.source = AttrText("source");
}

void PetrarchXmlReader::OpenChild(Child c) {
  if (rec_.child != Child::kNone) CloseChild();
  rec_.child = c;
  // A new <Text> or <Parse> replaces an earlier one rather than gluing the two together.
  if (c == Child::kText) {
    rec_.text.clear();
    rec_.text_line = 0;
  } else {
    rec_.parse.clear();
    rec_.parse_line = 0;
  }
  // '#' starts lines of ordinary prose; inside <Parse> it only starts CoNLL-U comments.
  scanner_.set_hash_lines_are_text(c == Child::kText);
}

void PetrarchXmlReader::CloseChild() {
  rec_.child = Child::kNone;
  scanner_.set_hash_lines_are_text(false);
}

void PetrarchXmlReader::AppendRun() {
  const std::string& run = scanner_.text();
  std::string* out = rec_.child == Child::kText ? &rec_.text : &rec_.parse;
  int* first_line = rec_.child == Child::kText ? &rec_.text_line : &rec_.parse_line;
  if (*first_line == 0) *first_line = scanner_.line();
  if (IsValidUtf8(run)) {
    out->append(run);
    return;
  }
  std::string fixed = run;
  NoteBadUtf8(RepairUtf8InPlace(&fixed, scanner_.line()));
  out->append(fixed);
}

std::string PetrarchXmlReader::AttrText(std::string_view name) {
  const std::string* raw = scanner_.Attr(name);
  if (raw == nullptr) return "";
  std::string value = DecodeXmlEntities(*raw);
  if (RepairUtf8InPlace(&value, 1) != 0) NoteBadUtf8(scanner_.line());
  return value;
}

void PetrarchXmlReader::OnConfig() {
  const std::string* option = scanner_.Attr("option");
  if (option == nullptr || ToLowerAscii(Trim(*option)) != "require_dyad") return;
  const std::string value = AttrText("value");
  const std::optional<bool> b = ParseBool(value);
  if (!b) {
    Warn(scanner_.line(), "<Config option=\"require_dyad\"> value '" + Excerpt(value) +
                              "' is not true or false; keeping " +
                              (require_dyad_ ? "true" : "false"));
    return;
  }
  require_dyad_ = *b;
}

void PetrarchXmlReader::OnEventCoding() {
  rec_.expected.present = true;
  const bool has_event = scanner_.Attr("eventcode") != nullptr ||
                         scanner_.Attr("sourcecode") != nullptr ||
                         scanner_.Attr("targetcode") != nullptr;
  if (has_event) {
    rec_.expected.events.push_back(
        {AttrText("sourcecode"), AttrText("targetcode"), AttrText("eventcode")});
  }
  if (rec_.expected.error.empty()) rec_.expected.error = AttrText("error");
}

bool PetrarchXmlReader::EndRecord(EndedBy how, Document* doc) {
  rec_.open = false;
  if (how == EndedBy::kEndOfInput &&
      (scanner_.truncated() || !rec_.self_closing || rec_.child != Child::kNone)) {
    Warn(rec_.line, Label() + " is cut off: the input ends at line " +
                        std::to_string(src_->line()) + " before " +
                        (rec_.child == Child::kText    ? "</Text>"
                         : rec_.child == Child::kParse ? "</Parse>"
                                                       : "</Sentence>") +
                        "; the record is skipped (is the file truncated?)");
    CloseChild();
    return false;
  }
  if (rec_.child != Child::kNone) {
    Warn(rec_.line, Label() + ": <" + (rec_.child == Child::kText ? "Text" : "Parse") +
                        "> is never closed; its content runs to the end of the record");
    CloseChild();
  }
  if (how == EndedBy::kNextRecord && !rec_.self_closing) {
    Warn(rec_.line,
         Label() + " has no </Sentence>; taken to end at line " + std::to_string(scanner_.line()));
  }
  if (rec_.bad_utf8_line != 0) {
    Warn(rec_.bad_utf8_line, "invalid UTF-8 in " + Label() + std::string(kBadUtf8Replaced));
  }
  if (!rec_.has_text) {
    Warn(rec_.line, Label() + " has no <Text>; skipped");
    return false;
  }
  Build(doc);
  return true;
}

void PetrarchXmlReader::Build(Document* doc) {
  *doc = Document();
  if (rec_.id.empty()) {
    rec_.id = BaseName(src_->name()) + ":" + std::to_string(rec_.line);
    Warn(rec_.line, "record has no id attribute; named it '" + rec_.id + "'");
  }
  // Validation files reuse ids (AGENTS_18 twice): number the repeats in file order so every
  // document id stays unique.
  const int count = ++id_counts_[rec_.id];
  std::string id = rec_.id;
  if (count > 1) id += "#" + std::to_string(count);

  Sentence s;
  s.id = id;
  s.require_dyad = rec_.require_dyad;
  s.expected = std::move(rec_.expected);
  if (!rec_.date.empty()) {
    const std::optional<Date> d = ParseDate(rec_.date);
    if (d) {
      s.date = *d;
    } else {
      Warn(rec_.line, "record '" + Excerpt(id) + "': date '" + Excerpt(rec_.date) +
                          "' is not a date (expected YYYYMMDD); using no date");
    }
  }
  s.text = CollapseWhitespace(DecodeXmlEntities(rec_.text));
  BuildParse(&s);

  doc->id = std::move(id);
  doc->source = rec_.source;
  doc->date = s.date;
  doc->text = s.text;
  doc->origin = src_->name() + ":" + std::to_string(rec_.line);
  s.doc_offset = 0;
  doc->sentences.push_back(std::move(s));
}

void PetrarchXmlReader::BuildParse(Sentence* s) {
  std::string decoded;
  std::string_view raw = rec_.parse;
  if (raw.find('&') != std::string_view::npos) {
    decoded = DecodeXmlEntities(raw);
    raw = decoded;
  }
  const std::string_view body = Trim(raw);
  if (body.empty()) return;
  if (body[0] == '(') {
    s->tree = std::string(body);  // Penn Treebank tree: converted by a later layer
    return;
  }
  builder_.Begin(s);
  std::string error;
  int error_line = 0;
  int line_no = rec_.parse_line;
  size_t start = 0;
  while (start <= raw.size()) {
    size_t nl = raw.find('\n', start);
    if (nl == std::string_view::npos) nl = raw.size();
    std::string_view line = raw.substr(start, nl - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (!line.empty() && line[0] != '#' && !builder_.AddLine(line, line_no, &error)) {
      error_line = line_no;
    }
    start = nl + 1;
    ++line_no;
  }
  std::string finish_error;
  int finish_line = 0;
  const bool ok = builder_.Finish(&finish_error, &finish_line);
  if (error_line == 0 && !finish_error.empty()) {
    error = std::move(finish_error);
    error_line = finish_line;
  }
  if (!ok) {
    Warn(error_line, "record '" + Excerpt(s->id) + "': " + error +
                         " in <Parse>; the record is kept without a parse");
    return;
  }
  AlignTokens(s);
}

}  // namespace

std::unique_ptr<DocumentReader> NewPetrarchXmlReader(std::unique_ptr<ByteSource> src,
                                                     Diagnostics* diags) {
  return std::make_unique<PetrarchXmlReader>(std::move(src), diags);
}

}  // namespace thaw
