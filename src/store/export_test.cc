#include "store/export.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "base/strings.h"

namespace thaw {
namespace {

StoredEvent Sample() {
  StoredEvent e;
  e.id = 12;
  e.date = 20240619;
  e.source = "RUSGOVMIL";
  e.target = "PRK";
  e.code = "057";
  e.root_code = "05";
  e.quad_class = 1;
  e.goldstein = 8;
  e.source_text = "Russian \"defence\", ministry";
  e.target_text = "North Korea";
  e.verb = "signed";
  e.pattern = "[default]";
  e.doc_key = "doc-1";
  e.sentence_key = "doc-1-2";
  e.doc_source = "reuters";
  e.url = "http://r.example/1";
  e.extra_sources = {"tass"};
  e.extra_urls = {"http://t.example/1"};
  return e;
}

TEST(Export, PhoenixTsvHasTheLayoutColumns) {
  std::ostringstream out;
  EventExporter x(&out, ExportFormat::kPhoenixTsv, false);
  x.Begin();
  x.Write(Sample());
  const std::string text = out.str();
  const auto lines = Split(text, '\n');
  ASSERT_EQ(lines.size(), 3u);  // header, row, ""
  const auto header = Split(lines[0], '\t'), row = Split(lines[1], '\t');
  ASSERT_EQ(header.size(), 26u);
  ASSERT_EQ(row.size(), 26u);
  EXPECT_EQ(header[0], "EventID");
  EXPECT_EQ(header[25], "NewsSources");
  EXPECT_EQ(row[1], "20240619");
  EXPECT_EQ(row[2], "2024");
  EXPECT_EQ(row[5], "RUSGOVMIL");
  EXPECT_EQ(row[6], "RUS");
  EXPECT_EQ(row[7], "GOV");
  EXPECT_EQ(row[8], "MIL");
  EXPECT_EQ(row[10], "PRK");
  EXPECT_EQ(row[11], "");
  EXPECT_EQ(row[13], "057");
  EXPECT_EQ(row[15], "1");
  EXPECT_EQ(row[16], "8.0");
  EXPECT_EQ(row[23], "doc-1-2");
  EXPECT_EQ(row[24], "http://r.example/1;http://t.example/1");
  EXPECT_EQ(row[25], "reuters;tass");
}

TEST(Export, CsvQuotesCellsAndAddsProvenance) {
  std::ostringstream out;
  EventExporter x(&out, ExportFormat::kCsv, true);
  x.Begin();
  x.Write(Sample());
  const std::string s = out.str();
  EXPECT_NE(s.find(",DocID,SourceText,"), std::string::npos);
  EXPECT_NE(s.find(",doc-1,\"Russian \"\"defence\"\", ministry\",North Korea,signed,"),
            std::string::npos)
      << s;
}

TEST(Export, JsonLinesParse) {
  std::ostringstream out;
  EventExporter x(&out, ExportFormat::kJsonl, false);
  x.Begin();
  StoredEvent e = Sample();
  e.date = kNoDate;
  x.Write(e);
  const auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["event_id"], 12);
  EXPECT_EQ(j["date"], "");
  EXPECT_EQ(j["source_role"], "GOV");
  EXPECT_EQ(j["urls"].size(), 2u);
  EXPECT_EQ(j["news_sources"][1], "tass");
  EXPECT_EQ(j["source_text"], "Russian \"defence\", ministry");
  EXPECT_EQ(j["near_duplicate"], false);
  EXPECT_TRUE(j["source_char_begin"].is_null());  // unknown offsets are null
  e.source_char_begin = 40;
  e.source_char_end = 67;
  out.str("");
  x.Write(e);
  const auto k = nlohmann::json::parse(out.str());
  EXPECT_EQ(k["source_char_begin"], 40);
  EXPECT_EQ(k["source_char_end"], 67);
  EXPECT_TRUE(k["target_char_end"].is_null());
}

TEST(Export, FormatNames) {
  EXPECT_EQ(*ParseExportFormat("phoenix-tsv"), ExportFormat::kPhoenixTsv);
  EXPECT_EQ(*ParseExportFormat("csv"), ExportFormat::kCsv);
  EXPECT_FALSE(ParseExportFormat("xlsx").ok());
}

}  // namespace
}  // namespace thaw
