#include "store/export.h"

#include <fmt/format.h>

#include "base/strings.h"

namespace thaw {
namespace {

constexpr std::string_view kPhoenixColumns[] = {"EventID",
                                                "Date",
                                                "Year",
                                                "Month",
                                                "Day",
                                                "SourceActorFull",
                                                "SourceActorEntity",
                                                "SourceActorRole",
                                                "SourceActorAttribute",
                                                "TargetActorFull",
                                                "TargetActorEntity",
                                                "TargetActorRole",
                                                "TargetActorAttribute",
                                                "EventCode",
                                                "EventRootCode",
                                                "QuadClass",
                                                "GoldsteinScore",
                                                "Issues",
                                                "Lat",
                                                "Lon",
                                                "LocationName",
                                                "StateName",
                                                "CountryCode",
                                                "SentenceID",
                                                "URLs",
                                                "NewsSources"};
constexpr std::string_view kProvenanceColumns[] = {"DocID", "SourceText", "TargetText", "Verb",
                                                   "Pattern", "DateText", "DateInferred"};

// Entity, role and attribute of a CAMEO actor code: "CHNGOVMIL" -> CHN, GOV, MIL.
std::string_view Part(std::string_view code, size_t begin, size_t size) {
  if (code == "---" || begin >= code.size()) return {};
  return code.substr(begin, size);
}

std::string Join(const std::string& first, const std::vector<std::string>& rest) {
  std::string out = first;
  for (const std::string& s : rest) {
    if (s.empty()) continue;
    if (!out.empty()) out += ';';
    out += s;
  }
  return out;
}

void AppendJsonString(std::string_view key, std::string_view value, std::string* out) {
  out->append("\"").append(key).append("\":\"");
  AppendJsonEscaped(value, out);
  out->append("\",");
}

void AppendJsonArray(std::string_view key, const std::string& first,
                     const std::vector<std::string>& rest, std::string* out) {
  out->append("\"").append(key).append("\":[");
  bool any = false;
  auto add = [&](const std::string& s) {
    if (s.empty()) return;
    if (any) out->push_back(',');
    out->push_back('"');
    AppendJsonEscaped(s, out);
    out->push_back('"');
    any = true;
  };
  add(first);
  for (const std::string& s : rest) add(s);
  out->append("],");
}

}  // namespace

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "phoenix-tsv" || name == "tsv") return ExportFormat::kPhoenixTsv;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "jsonl") return ExportFormat::kJsonl;
  return Status::InvalidArgument("unknown export format '" + std::string(name) +
                                 "' (expected phoenix-tsv, csv or jsonl)");
}

void EventExporter::Cell(std::string_view s, bool last) {
  if (format_ == ExportFormat::kCsv) {
    // RFC 4180: quote cells holding a separator, quote or line break; double the quotes.
    if (s.find_first_of(",\"\r\n") != std::string_view::npos) {
      buf_ += '"';
      for (char c : s) {
        if (c == '"') buf_ += '"';
        buf_ += c;
      }
      buf_ += '"';
    } else {
      buf_ += s;
    }
  } else {
    AppendOneLine(s, &buf_);
  }
  buf_ += last ? '\n' : format_ == ExportFormat::kCsv ? ',' : '\t';
}

void EventExporter::Begin() {
  if (format_ == ExportFormat::kJsonl) return;
  buf_.clear();
  const size_t n = std::size(kPhoenixColumns);
  for (size_t i = 0; i < n; ++i) Cell(kPhoenixColumns[i], i + 1 == n && !provenance_);
  if (provenance_) {
    const size_t m = std::size(kProvenanceColumns);
    for (size_t i = 0; i < m; ++i) Cell(kProvenanceColumns[i], i + 1 == m);
  }
  out_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
}

void EventExporter::Write(const StoredEvent& e) {
  buf_.clear();
  const std::string urls = Join(e.url, e.extra_urls), sources = Join(e.doc_source, e.extra_sources);
  const int y = e.date / 10000, m = e.date / 100 % 100, d = e.date % 100;
  if (format_ == ExportFormat::kJsonl) {
    buf_ += fmt::format("{{\"event_id\":{},\"date\":\"{}\",\"year\":{},\"month\":{},\"day\":{},",
                        e.id, FormatDate(e.date), y, m, d);
    AppendJsonString("source", e.source, &buf_);
    AppendJsonString("source_entity", Part(e.source, 0, 3), &buf_);
    AppendJsonString("source_role", Part(e.source, 3, 3), &buf_);
    AppendJsonString("source_attribute", Part(e.source, 6, std::string_view::npos), &buf_);
    AppendJsonString("target", e.target, &buf_);
    AppendJsonString("target_entity", Part(e.target, 0, 3), &buf_);
    AppendJsonString("target_role", Part(e.target, 3, 3), &buf_);
    AppendJsonString("target_attribute", Part(e.target, 6, std::string_view::npos), &buf_);
    AppendJsonString("code", e.code, &buf_);
    AppendJsonString("root_code", e.root_code, &buf_);
    buf_ += fmt::format("\"quad_class\":{},\"goldstein\":{},", e.quad_class, e.goldstein);
    AppendJsonString("doc_id", e.doc_key, &buf_);
    AppendJsonString("sentence_id", e.sentence_key, &buf_);
    AppendJsonArray("urls", e.url, e.extra_urls, &buf_);
    AppendJsonArray("news_sources", e.doc_source, e.extra_sources, &buf_);
    AppendJsonString("source_text", e.source_text, &buf_);
    AppendJsonString("target_text", e.target_text, &buf_);
    AppendJsonString("verb", e.verb, &buf_);
    AppendJsonString("pattern", e.pattern, &buf_);
    AppendJsonString("date_text", e.date_text, &buf_);
    buf_ += fmt::format(
        "\"date_inferred\":{},\"near_duplicate\":{},\"pattern_line\":{},\"verb_token\":{}",
        e.date_inferred, e.duplicate_of != 0, e.pattern_line, e.verb_token);
    // As thaw code writes them: character offsets into the document's text, null when unknown.
    const std::pair<const char*, int64_t> offsets[] = {
        {"source_char_begin", e.source_char_begin}, {"source_char_end", e.source_char_end},
        {"target_char_begin", e.target_char_begin}, {"target_char_end", e.target_char_end}};
    for (const auto& [key, value] : offsets) {
      buf_ += value < 0 ? fmt::format(",\"{}\":null", key) : fmt::format(",\"{}\":{}", key, value);
    }
    buf_ += "}\n";
  } else {
    Cell(std::to_string(e.id));
    Cell(e.date == kNoDate ? "" : fmt::format("{:08d}", e.date));
    Cell(e.date == kNoDate ? "" : std::to_string(y));
    Cell(e.date == kNoDate ? "" : std::to_string(m));
    Cell(e.date == kNoDate ? "" : std::to_string(d));
    for (const std::string* actor : {&e.source, &e.target}) {
      Cell(*actor);
      Cell(Part(*actor, 0, 3));
      Cell(Part(*actor, 3, 3));
      Cell(Part(*actor, 6, std::string_view::npos));
    }
    Cell(e.code);
    Cell(e.root_code);
    Cell(std::to_string(e.quad_class));
    Cell(fmt::format("{:.1f}", e.goldstein));
    for (int i = 0; i < 6; ++i) Cell("");  // Issues, Lat, Lon, LocationName, StateName, CountryCode
    Cell(e.sentence_key);
    Cell(urls);
    Cell(sources, !provenance_);
    if (provenance_) {
      Cell(e.doc_key);
      Cell(e.source_text);
      Cell(e.target_text);
      Cell(e.verb);
      Cell(e.pattern);
      Cell(e.date_text);
      Cell(e.date_inferred ? "true" : "false", true);
    }
  }
  out_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
}

Status ExportEvents(Store* store, std::ostream* out, ExportFormat format, bool provenance,
                    bool include_duplicates, size_t* count) {
  EventExporter exporter(out, format, provenance);
  exporter.Begin();
  size_t n = 0;
  Status s = store->ForEachEvent(include_duplicates, [&](const StoredEvent& e) {
    exporter.Write(e);
    ++n;
    return static_cast<bool>(*out);
  });
  if (count != nullptr) *count = n;
  if (s.ok() && !*out)
    return Status::IoError("cannot write the export (disk full or closed pipe?)");
  return s;
}

}  // namespace thaw
