// Reads JSON Lines: one object per line with "text" and optional "id", "date", "title",
// "source", "url" (other names or nested paths as JsonlFields says). One Document per line; sentences are left empty (split later). "date" is
// YYYY-MM-DD (with a time or not), YYYYMMDD, a written date as feeds carry them ("Wed, 01 May
// 2024 12:00:00 GMT", "May 1, 2024"; text/dates.h ParseMetadataDate) or a Unix time. The text
// has its boilerplate lines blanked (text/clean.h); offsets into it are offsets into the
// decoded "text" string.
//
// Per-line policy: blank lines are skipped silently; a line that is not a JSON object or
// has no "text" string is skipped with a diagnostic; a missing id becomes "<file>:<line>";
// a bad date or a wrongly typed optional field is reported and dropped, the document kept.
// Invalid UTF-8 is repaired before parsing (nlohmann::json rejects it outright).

#include <nlohmann/json.hpp>
#include <string>

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

class JsonlReader : public DocumentReader {
 public:
  JsonlReader(std::unique_ptr<ByteSource> src, const JsonlFields& fields, Diagnostics* diags)
      : src_(std::move(src)), fields_(fields), diags_(diags) {}

  Result<bool> Next(Document* doc) override;
  void set_on_wait(std::function<void()> f) override { src_->set_on_wait(std::move(f)); }

 private:
  // Fills *doc from one line; false (with a diagnostic) when the line is skipped.
  bool ParseLine(int line_no, Document* doc);
  // Copies string field `key` into *out; reports a non-string value.
  void OptionalString(const nlohmann::json& obj, const std::string& key, int line_no,
                      std::string* out);
  void Warn(int line, std::string msg) { diags_->Add(src_->name(), line, std::move(msg)); }

  std::unique_ptr<ByteSource> src_;
  JsonlFields fields_;
  Diagnostics* diags_;
  std::string line_;
};

Result<bool> JsonlReader::Next(Document* doc) {
  for (;;) {
    const int line_no = src_->line();
    if (!src_->ReadLine(&line_)) break;
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
    Warn(line_no,
         "invalid UTF-8; bad bytes replaced with U+FFFD (if the file is Latin-1, "
         "convert it with iconv -f latin1 -t utf-8)");
  }
  // nlohmann::json throws; no exception may leave the library (errors are values).
  try {
    const nlohmann::json obj = nlohmann::json::parse(line_);
    if (!obj.is_object()) {
      Warn(line_no, "expected one JSON object per line, found " + std::string(obj.type_name()) +
                        "; line skipped");
      return false;
    }
    const nlohmann::json* text = FindField(obj, fields_.text);
    if (text == nullptr || !text->is_string()) {
      // News APIs call the article text other names: say which one this file seems to use.
      std::string hint;
      for (const char* other :
           {"text", "body", "content", "article", "full_text", "maintext", "story"}) {
        const auto it = obj.find(other);
        if (other == fields_.text || it == obj.end() || !it->is_string()) continue;
        hint = std::string(" (it has \"") + other + "\": --jsonl-field text=" + other +
               " reads it)";
        break;
      }
      Warn(line_no, "object has no \"" + fields_.text + "\" string; line skipped" + hint);
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
      Warn(line_no, "\"" + fields_.id + "\" is neither a string nor an integer; using the line as id");
    }
    if (doc->id.empty()) doc->id = BaseName(src_->name()) + ":" + std::to_string(line_no);
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
    return true;
  } catch (const nlohmann::json::exception& e) {
    Warn(line_no, "not valid JSON (" + JsonMessage(e) + "); line skipped");
    return false;
  }
}

}  // namespace

std::unique_ptr<DocumentReader> NewJsonlReader(std::unique_ptr<ByteSource> src,
                                               const JsonlFields& fields, Diagnostics* diags) {
  return std::make_unique<JsonlReader>(std::move(src), fields, diags);
}

}  // namespace thaw
