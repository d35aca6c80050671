// Reads JSON Lines: one object per line with "text" and optional "id", "date", "title",
// "source", "url" (other names or nested paths as JsonlFields says). One Document per object;
// sentences are left empty (split later). "date" is YYYY-MM-DD (with a time or not), YYYYMMDD,
// a written date as feeds carry them ("Wed, 01 May 2024 12:00:00 GMT", "May 1, 2024";
// text/dates.h ParseMetadataDate) or a Unix time. The text has its boilerplate lines blanked
// (text/clean.h); offsets into it are offsets into the decoded "text" string.
//
// JSON as news dumps and APIs write it is read too: a file holding one array of such objects,
// pretty-printed or not (read element by element, never whole); pretty-printed objects, one or
// several one after another (as `jq` prints them); and an object without a "text" whose one
// array of objects holds the articles, a news API's page ({"status": "ok", "articles": [...]},
// alone or one per line).
//
// Per-object policy: blank lines are skipped silently; a line or element that is not a JSON
// object or has no "text" string is skipped with a diagnostic; a missing id becomes
// "<file>:<line>" (with "#<n>" for the n-th element of an array); a bad date or a wrongly typed
// optional field is reported and dropped, the document kept. Invalid UTF-8 is repaired before
// parsing (nlohmann::json rejects it outright).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/strings.h"
#include "text/clean.h"
#include "text/dates.h"
#include "text/readers.h"

namespace thaw {
namespace {

// nlohmann messages start with "[json.exception.parse_error.101] "; the rest is what
// a user needs.
std::string JsonMessage(const std::exception& e) {
  std::string_view m = e.what();
  if (!m.empty() && m[0] == '[') {
    const size_t close = m.find("] ");
    if (close != std::string_view::npos) m.remove_prefix(close + 2);
  }
  return Excerpt(m, 200);
}

// The member `path` names in `obj`: the member of that name, else the one a dotted path leads
// to through nested objects. Null when there is none.
const nlohmann::json* FindField(const nlohmann::json& obj, const std::string& path) {
  const auto it = obj.find(path);
  if (it != obj.end()) return &*it;
  if (path.find('.') == std::string::npos) return nullptr;
  const nlohmann::json* at = &obj;
  size_t start = 0;
  for (;;) {
    const size_t dot = path.find('.', start);
    if (!at->is_object()) return nullptr;
    const auto next = at->find(path.substr(start, dot == std::string::npos ? dot : dot - start));
    if (next == at->end()) return nullptr;
    at = &*next;
    if (dot == std::string::npos) return at;
    start = dot + 1;
  }
}

// The one member of `obj` that is a non-empty array of objects, when `obj` has no article
// text itself: a news API's page ({"status": "ok", "articles": [...]}). Null when there is
// none or more than one (which of them holds the articles is then unclear).
const nlohmann::json* WrappedArticles(const nlohmann::json& obj, const std::string& text_field,
                                      std::string* name) {
  if (!obj.is_object() || FindField(obj, text_field) != nullptr) return nullptr;
  const nlohmann::json* found = nullptr;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (!it->is_array() || it->empty() || !it->front().is_object()) continue;
    if (found != nullptr) return nullptr;
    found = &*it;
    *name = it.key();
  }
  return found;
}

// Follows JSON text a byte at a time: inside a string or not, and how deep in brackets outside
// strings. A stray closing bracket leaves the depth at 0 rather than below it.
class JsonNesting {
 public:
  void Take(char c) {
    if (in_string_) {
      if (escaped_) {
        escaped_ = false;
      } else if (c == '\\') {
        escaped_ = true;
      } else if (c == '"') {
        in_string_ = false;
      }
    } else if (c == '"') {
      in_string_ = true;
    } else if (c == '{' || c == '[') {
      ++depth_;
    } else if ((c == '}' || c == ']') && depth_ > 0) {
      --depth_;
    }
  }
  bool in_string() const { return in_string_; }
  int depth() const { return depth_; }

 private:
  int depth_ = 0;
  bool in_string_ = false, escaped_ = false;
};

// Where each of the objects written one after another in `all` starts and ends ("{...}
// {...}", pretty-printed, separated by whitespace), with the line each starts on (counting
// from `first_line`). False when `all` is not such a sequence: something other than an
// object between them, a line break inside a string, or an object cut off at the end.
struct ValueSpan {
  size_t begin, end;
  int line;
};
bool SplitObjects(std::string_view all, int first_line, std::vector<ValueSpan>* spans) {
  spans->clear();
  int line = first_line;
  size_t i = 0;
  for (;;) {
    for (; i < all.size() && IsJsonSpace(all[i]); ++i) line += all[i] == '\n';
    if (i == all.size()) return !spans->empty();
    if (all[i] != '{') return false;
    ValueSpan span{i, 0, line};
    JsonNesting nesting;
    for (; i < all.size(); ++i) {
      const char c = all[i];
      if (c == '\n') {
        if (nesting.in_string()) return false;
        ++line;
      }
      nesting.Take(c);
      if (nesting.depth() == 0) break;  // the object's closing brace (its first byte is '{')
    }
    if (i == all.size()) return false;
    span.end = ++i;
    spans->push_back(span);
  }
}

class JsonlReader : public DocumentReader {
 public:
  JsonlReader(std::unique_ptr<ByteSource> src, const JsonlFields& fields, Diagnostics* diags)
      : src_(std::move(src)), fields_(fields), diags_(diags) {}

  Result<bool> Next(Document* doc) override;
  void set_on_wait(std::function<void()> f) override { src_->set_on_wait(std::move(f)); }

 private:
  // How the input holds its objects, decided from its first bytes: one per line (JSON Lines),
  // as the elements of one array, or pretty-printed one after another.
  enum class Layout { kUnknown, kLines, kArray, kObjects };
  void ChooseLayout();
  // kArray: the next element's text into line_ and the line it starts on; false after the
  // closing ']' or at a cut-off end (reported).
  bool NextElement(int* line_no);
  // Fills *doc from the JSON text in line_; false when it gave no document (skipped with a
  // diagnostic, or a wrapper whose articles are now pending).
  bool ParseLine(int line_no, Document* doc);
  // Fills *doc from one object; false (with a diagnostic) when it is skipped.
  bool ParseObject(const nlohmann::json& obj, int line_no, Document* doc);
  // The next pending wrapped article into *doc; false when none is left.
  bool NextPending(Document* doc);
  // Copies string field `key` into *out; reports a non-string value.
  void OptionalString(const nlohmann::json& obj, const std::string& key, int line_no,
                      std::string* out);
  void Warn(int line, const std::string& msg) {
    diags_->Add(src_->name(), line, where_.empty() ? msg : where_ + ": " + msg);
  }
  // What a skipped object was, for "... skipped".
  const char* Unit() const {
    if (layout_ == Layout::kArray || !where_.empty()) return "element";
    return layout_ == Layout::kObjects ? "object" : "line";
  }

  std::unique_ptr<ByteSource> src_;
  JsonlFields fields_;
  Diagnostics* diags_;
  std::string line_;
  Layout layout_ = Layout::kUnknown;
  bool first_line_read_ = false;  // line_ holds the first line, not yet parsed
  int first_line_no_ = 1;
  bool array_closed_ = false;  // kArray: the closing ']' was read
  size_t elements_ = 0;        // kArray: elements read so far
  std::string all_;            // kObjects: the whole input
  std::vector<ValueSpan> objects_;  // kObjects: where its objects are
  size_t next_object_ = 0;
  // The articles of a wrapper object, handed out one by one.
  std::vector<nlohmann::json> pending_;
  size_t next_pending_ = 0;
  std::string pending_name_;  // the wrapper's member holding them
  int pending_line_ = 0;      // the line the wrapper starts on
  std::string where_;         // the pending article being read, prefixed to messages
};

void JsonlReader::ChooseLayout() {
  layout_ = Layout::kLines;
  const int first = src_->PeekNonBlank();
  if (first == '[') {
    layout_ = Layout::kArray;
    while (src_->Get() != '[') {
    }
    return;
  }
  if (first != '{') return;
  do {
    first_line_no_ = src_->line();
    if (!src_->ReadLine(&line_)) return;
  } while (Trim(line_).empty());
  first_line_read_ = true;
  // One object per line, unless the first line is whole so far but unfinished ("{",
  // "{\"status\": \"ok\","): then the input may be pretty-printed objects. A line with a
  // syntax error is a bad JSON Lines line.
  bool unfinished = false;
  try {
    const nlohmann::json probe = nlohmann::json::parse(line_);
  } catch (const nlohmann::json::parse_error& e) {
    unfinished =
        std::string_view(e.what()).find("unexpected end of input") != std::string_view::npos;
  }
  if (!unfinished) return;
  std::string all = line_;
  all += '\n';
  src_->ReadAll(&all);
  first_line_read_ = false;
  if (SplitObjects(all, first_line_no_, &objects_)) {
    layout_ = Layout::kObjects;
    all_ = std::move(all);
    return;
  }
  // Not objects one after another: what was read is read again line by line, as JSON Lines.
  src_ = ByteSource::FromString(std::move(all), src_->name());
}

bool JsonlReader::NextElement(int* line_no) {
  if (array_closed_) return false;
  line_.clear();
  JsonNesting nesting;
  for (;;) {
    const int c = src_->Get();
    if (c == ByteSource::kEof) {
      Warn(line_.empty() ? src_->line() : *line_no,
           line_.empty() ? "the JSON array is never closed with ']'"
                         : "the JSON array is cut off in this element; element skipped");
      return false;
    }
    if (!nesting.in_string() && nesting.depth() == 0 && (c == ',' || c == ']')) {
      if (c == ']') {
        array_closed_ = true;
        int after = src_->Peek();
        while (IsJsonSpace(after)) {
          src_->Get();
          after = src_->Peek();
        }
        if (after != ByteSource::kEof) {
          Warn(src_->line(), "text after the JSON array's closing ']' is ignored");
        }
      }
      if (!line_.empty()) return true;
      if (c == ']') return false;
      continue;  // an empty element ("[,", ",,"): nothing to read
    }
    if (line_.empty()) {
      if (IsJsonSpace(c)) continue;
      *line_no = src_->line();
    }
    line_.push_back(static_cast<char>(c));
    nesting.Take(static_cast<char>(c));  // a stray '}' must not hide the ',' after it
  }
}

bool JsonlReader::NextPending(Document* doc) {
  while (next_pending_ < pending_.size()) {
    const nlohmann::json& obj = pending_[next_pending_++];
    where_ = "\"" + pending_name_ + "\" element " + std::to_string(next_pending_);
    bool ok = false;
    if (obj.is_object()) {
      ok = ParseObject(obj, pending_line_, doc);
    } else {
      Warn(pending_line_,
           std::string("expected a JSON object, found ") + obj.type_name() + "; element skipped");
    }
    where_.clear();
    if (ok) return true;
  }
  pending_.clear();
  next_pending_ = 0;
  return false;
}

Result<bool> JsonlReader::Next(Document* doc) {
  if (layout_ == Layout::kUnknown) ChooseLayout();
  for (;;) {
    if (NextPending(doc)) return true;
    int line_no = first_line_no_;
    if (layout_ == Layout::kArray) {
      if (!NextElement(&line_no)) break;
      ++elements_;
    } else if (layout_ == Layout::kObjects) {
      if (next_object_ == objects_.size()) break;
      const ValueSpan& span = objects_[next_object_++];
      line_.assign(all_, span.begin, span.end - span.begin);
      line_no = span.line;
    } else if (first_line_read_) {
      first_line_read_ = false;
    } else {
      line_no = src_->line();
      if (!src_->ReadLine(&line_)) break;
    }
    if (Trim(line_).empty()) continue;
    if (ParseLine(line_no, doc)) return true;
  }
  if (!src_->status().ok()) return src_->status();
  return false;
}

void JsonlReader::OptionalString(const nlohmann::json& obj, const std::string& key, int line_no,
                                 std::string* out) {
  const nlohmann::json* it = FindField(obj, key);
  if (it == nullptr || it->is_null()) return;
  if (!it->is_string()) {
    Warn(line_no, "\"" + key + "\" is not a string; ignored");
    return;
  }
  *out = it->get<std::string>();
}

bool JsonlReader::ParseLine(int line_no, Document* doc) {
  const int bad_utf8 = RepairUtf8InPlace(&line_, line_no);
  if (bad_utf8 != 0) {
    Warn(bad_utf8, "invalid UTF-8" + std::string(kBadUtf8Replaced));
  }
  // nlohmann::json throws; no exception may leave the library (errors are values).
  nlohmann::json obj;
  try {
    obj = nlohmann::json::parse(line_);
  } catch (const nlohmann::json::exception& e) {
    Warn(line_no, "not valid JSON (" + JsonMessage(e) + "); " + Unit() + " skipped");
    return false;
  }
  if (!obj.is_object()) {
    Warn(line_no, std::string(layout_ == Layout::kLines ? "expected one JSON object per line"
                                                        : "expected a JSON object") +
                      ", found " + obj.type_name() + "; " + Unit() + " skipped");
    return false;
  }
  if (const nlohmann::json* articles = WrappedArticles(obj, fields_.text, &pending_name_)) {
    pending_ = articles->get<std::vector<nlohmann::json>>();
    pending_line_ = line_no;
    return false;
  }
  return ParseObject(obj, line_no, doc);
}

bool JsonlReader::ParseObject(const nlohmann::json& obj, int line_no, Document* doc) {
  // Where the object is, for its id when it has none: its line, or its place in the array.
  std::string place = BaseName(src_->name()) + ":" + std::to_string(line_no);
  if (layout_ == Layout::kArray) place += "#" + std::to_string(elements_);
  if (!where_.empty()) place += "#" + std::to_string(next_pending_);
  const nlohmann::json* text = FindField(obj, fields_.text);
  if (text == nullptr || !text->is_string()) {
    // News APIs call the article text other names: say which one this file seems to use.
    std::string hint;
    for (const char* other :
         {"text", "body", "content", "article", "full_text", "maintext", "story"}) {
      const auto it = obj.find(other);
      if (other == fields_.text || it == obj.end() || !it->is_string()) continue;
      hint = std::string(" (it has \"") + other + "\": --jsonl-field text=" + other + " reads it)";
      break;
    }
    Warn(line_no, "object has no \"" + fields_.text + "\" string; " + Unit() + " skipped" + hint);
    return false;
  }
  *doc = Document();
  doc->text = text->get<std::string>();
  BlankBoilerplate(&doc->text);
  const nlohmann::json* id = FindField(obj, fields_.id);
  if (id != nullptr && id->is_string()) {
    doc->id = id->get<std::string>();
  } else if (id != nullptr && id->is_number_integer()) {
    doc->id = id->dump();  // numeric ids are common in scraped dumps
  } else if (id != nullptr && !id->is_null()) {
    Warn(line_no,
         "\"" + fields_.id + "\" is neither a string nor an integer; using " + place + " as id");
  }
  if (doc->id.empty()) doc->id = place;
  OptionalString(obj, fields_.title, line_no, &doc->title);
  OptionalString(obj, fields_.source, line_no, &doc->source);
  OptionalString(obj, fields_.url, line_no, &doc->url);
  const nlohmann::json* date = FindField(obj, fields_.date);
  if (date != nullptr && !date->is_null()) {
    const std::string d = date->is_string() ? date->get<std::string>() : date->dump();
    std::optional<Date> parsed = ParseMetadataDate(d);
    if (!parsed && date->is_number_integer()) parsed = DateFromUnixTime(date->get<int64_t>());
    if (parsed) {
      doc->date = *parsed;
    } else {
      Warn(line_no, "date " + Excerpt(date->dump()) +
                        " is not a date (expected YYYY-MM-DD, YYYYMMDD, a written date such as "
                        "\"1 May 2024\" or a Unix time); document kept without a date");
    }
  }
  doc->origin = src_->name() + ":" + std::to_string(line_no);
  if (!where_.empty()) doc->origin += " " + where_;
  return true;
}

}  // namespace

std::unique_ptr<DocumentReader> NewJsonlReader(std::unique_ptr<ByteSource> src,
                                               const JsonlFields& fields, Diagnostics* diags) {
  return std::make_unique<JsonlReader>(std::move(src), fields, diags);
}

}  // namespace thaw
