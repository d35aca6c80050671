// Reads JSON Lines: one object per line with "text" and optional "id", "date", "title",
// "source", "url". One Document per line; sentences are left empty (split later). "date" is
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

class JsonlReader : public DocumentReader {
 public:
  JsonlReader(std::unique_ptr<ByteSource> src, Diagnostics* diags)
      : src_(std::move(src)), diags_(diags) {}

  Result<bool> Next(Document* doc) override;
  void set_on_wait(std::function<void()> f) override { src_->set_on_wait(std::move(f)); }

 private:
  // Fills *doc from one line; false (with a diagnostic) when the line is skipped.
  bool ParseLine(int line_no, Document* doc);
  // Copies string field `key` into *out; reports a non-string value.
  void OptionalString(const nlohmann::json& obj, const char* key, int line_no, std::string* out);
  void Warn(int line, std::string msg) { diags_->Add(src_->name(), line, std::move(msg)); }

  std::unique_ptr<ByteSource> src_;
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

void JsonlReader::OptionalString(const nlohmann::json& obj, const char* key, int line_no,
                                 std::string* out) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return;
  if (!it->is_string()) {
    Warn(line_no, std::string("\"") + key + "\" is not a string; ignored");
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
    const auto text = obj.find("text");
    if (text == obj.end() || !text->is_string()) {
      // News APIs call the article text other names: say which one this file seems to use.
      std::string hint;
      for (const char* other : {"body", "content", "article", "full_text", "maintext", "story"}) {
        const auto it = obj.find(other);
        if (it == obj.end() || !it->is_string()) continue;
        hint = std::string(" (it has \"") + other + "\": name the article text \"text\", e.g. jq -c "
               "'.text = ." + other + "')";
        break;
      }
      Warn(line_no, "object has no \"text\" string; line skipped" + hint);
      return false;
    }
    *doc = Document();
    doc->text = text->get<std::string>();
    BlankBoilerplate(&doc->text);
    const auto id = obj.find("id");
    if (id != obj.end() && id->is_string()) {
      doc->id = id->get<std::string>();
    } else if (id != obj.end() && id->is_number_integer()) {
      doc->id = id->dump();  // numeric ids are common in scraped dumps
    } else if (id != obj.end() && !id->is_null()) {
      Warn(line_no, "\"id\" is neither a string nor an integer; using the line as id");
    }
    if (doc->id.empty()) doc->id = BaseName(src_->name()) + ":" + std::to_string(line_no);
    OptionalString(obj, "title", line_no, &doc->title);
    OptionalString(obj, "source", line_no, &doc->source);
    OptionalString(obj, "url", line_no, &doc->url);
    const auto date = obj.find("date");
    if (date != obj.end() && !date->is_null()) {
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
                                               Diagnostics* diags) {
  return std::make_unique<JsonlReader>(std::move(src), diags);
}

}  // namespace thaw
