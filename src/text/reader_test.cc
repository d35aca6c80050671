// Tests for OpenDocumentReader: format choice, plain text, directories, stdin, bad paths.

#include "text/reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "text/readers.h"
#include "text/test_util.h"

namespace thaw {
namespace {

using testing::Dump;
using testing::HasDiagnostic;
using testing::ReadAll;
using testing::TempDir;

TEST(ParseInputFormat, AcceptsKnownNamesIgnoringCase) {
  EXPECT_EQ(*ParseInputFormat("auto"), InputFormat::kAuto);
  EXPECT_EQ(*ParseInputFormat("XML"), InputFormat::kPetrarchXml);
  EXPECT_EQ(*ParseInputFormat("conllu"), InputFormat::kConllu);
  EXPECT_EQ(*ParseInputFormat("jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(*ParseInputFormat("json"), InputFormat::kJsonl);
  EXPECT_EQ(*ParseInputFormat("text"), InputFormat::kText);
}

TEST(ParseInputFormat, RejectsUnknownNamesListingTheValidOnes) {
  auto r = ParseInputFormat("csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("'csv'"), std::string::npos);
  EXPECT_NE(r.status().message().find("auto, xml, conllu, jsonl, text, html or feed"),
            std::string::npos);
}

TEST(FormatChoice, SniffingLooksNoFurtherThanItNeeds) {
  auto head = [](const std::string& s) {
    return SniffHead(ByteSource::FromString(s, "<stdin>").get());
  };
  EXPECT_EQ(head("  {\"id\": \"a\", \"text\": \"Talks resumed.\"}\n"), "{");
  EXPECT_EQ(head("\n<!DOCTYPE html>\n<html lang=\"en\">"), "<!DOCTYPE html>\n");  // 16 bytes
  const std::string rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">";
  EXPECT_EQ(head(rss + "<channel>"), (rss + "<channel>").substr(0, 64));  // the root's in 64
  EXPECT_EQ(head("[\n    {\"id\": 1}]"), "[\n    {");
  EXPECT_EQ(head("[  "), "[  ");
  EXPECT_EQ(head(" \n"), "");
}

TEST(FormatChoice, ExtensionPicksTheReaderAndStdinIsSniffed) {
  EXPECT_EQ(FormatFromExtension("a/b.XML"), InputFormat::kPetrarchXml);
  EXPECT_EQ(FormatFromExtension("x.conllu"), InputFormat::kConllu);
  EXPECT_EQ(FormatFromExtension("x.json"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromExtension("x.HTM"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromExtension("x.html"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromExtension("x.txt"), InputFormat::kText);
  EXPECT_EQ(FormatFromExtension("README"), InputFormat::kAuto);
  EXPECT_EQ(FormatFromExtension(".hidden"), InputFormat::kAuto);
  EXPECT_EQ(SniffFormat("<Sentences>"), InputFormat::kPetrarchXml);
  EXPECT_EQ(SniffFormat("<?xml version=\"1.0\"?>"), InputFormat::kPetrarchXml);
  EXPECT_EQ(SniffFormat("<!DOCTYPE html>\n<html>"), InputFormat::kHtml);  // a saved page
  EXPECT_EQ(SniffFormat("<HTML><body>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("<body><p>Hi"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("{\"text\":"), InputFormat::kJsonl);
  EXPECT_EQ(SniffFormat("[\n  {\"text\":"), InputFormat::kJsonl);  // a JSON array of articles
  EXPECT_EQ(SniffFormat("[]"), InputFormat::kJsonl);
  EXPECT_EQ(SniffFormat("[Updated] Talks resume"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("["), InputFormat::kText);
  EXPECT_EQ(SniffFormat("# sent_id = 1"), InputFormat::kConllu);
  EXPECT_EQ(SniffFormat("1\tThe"), InputFormat::kConllu);
  EXPECT_EQ(SniffFormat("Seoul, May 1"), InputFormat::kText);
  EXPECT_EQ(SniffFormat(""), InputFormat::kText);
}

TEST(TextReader, PlainTextFileIsOneDocumentNamedAfterTheFile) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.Write("article.md", "Line one.\n\nLine two.\n"), InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "article.md");
  EXPECT_EQ(docs[0].text, "Line one.\n\nLine two.\n");
  EXPECT_EQ(docs[0].origin, dir.path() + "/article.md:1");
  EXPECT_TRUE(docs[0].sentences.empty());
  EXPECT_TRUE(d.empty());
}

TEST(TextReader, InvalidUtf8IsRepairedAndReportedAtItsLine) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.Write("l1.txt",
                                "ok\nMes\xDB"
                                "d\n\xFF\n"),
                      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text,
            "ok\nMes\xEF\xBF\xBD"
            "d\n\xEF\xBF\xBD\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].line, 2);
}

TEST(TextReader, TenMegabyteLineIsOneDocument) {
  TempDir dir;
  Diagnostics d;
  auto docs =
      ReadAll(dir.Write("big.txt", std::string(10 * 1000 * 1000, 'z')), InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text.size(), 10u * 1000 * 1000);
}

TEST(OpenDocumentReader, EmptyFileOfAnyFormatYieldsNothingAndSaysEmptyInput) {
  TempDir dir;
  for (const std::string name : {"e.xml", "e.conllu", "e.jsonl", "e.txt"}) {
    Diagnostics d;
    auto docs = ReadAll(dir.Write(name, ""), InputFormat::kAuto, &d);
    EXPECT_TRUE(docs.empty()) << name;
    ASSERT_EQ(d.size(), 1u) << name;
    EXPECT_EQ(d.items()[0].ToString(), dir.path() + "/" + name + ": empty input");
  }
}

TEST(OpenDocumentReader, ExplicitFormatOverridesTheExtension) {
  TempDir dir;
  Diagnostics d;
  auto docs =
      ReadAll(dir.Write("data.txt", "{\"id\":\"j\",\"text\":\"t\"}\n"), InputFormat::kJsonl, &d);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "j");
}

TEST(OpenDocumentReader, MissingPathIsNotFound) {
  Diagnostics d;
  auto r = OpenDocumentReader("/nonexistent/thaw/in.xml", InputFormat::kAuto, &d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(OpenDocumentReader, GzipFileIsRejectedWithAHint) {
  TempDir dir;
  Diagnostics d;
  auto r = OpenDocumentReader(dir.Write("a.xml", std::string("\x1f\x8b\x08\x00", 4)),
                              InputFormat::kAuto, &d);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("gunzip"), std::string::npos);
}

TEST(DirectoryReader, ReadsKnownFilesInNameOrderAndSkipsTheRest) {
  TempDir dir;
  dir.Write("b.txt", "Plain text b.");
  dir.Write("a.txt", "Plain text a.");
  dir.Write("c.jsonl", "{\"id\":\"c1\",\"text\":\"x\"}\n{\"id\":\"c2\",\"text\":\"y\"}\n");
  dir.Write("d.xml", "<Sentence id=\"D1\"><Text>x</Text></Sentence>");
  dir.Write("e.conllu", "1\tA\tA\tX\tX\t_\t0\troot\t_\t_\n");
  dir.Write("f.bin", "\x01\x02");
  dir.Write(".hidden.txt", "secret");
  dir.Write("g.txt", "");
  std::filesystem::create_directory(dir.path() + "/sub");
  dir.Write("sub/z.txt", "nested");
  Diagnostics d;
  auto docs = ReadAll(dir.path(), InputFormat::kAuto, &d);
  std::vector<std::string> ids;
  for (const Document& doc : docs) ids.push_back(doc.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a.txt", "b.txt", "c1", "c2", "D1", "e.conllu"}));
  EXPECT_TRUE(HasDiagnostic(d, "skipped 1 file without")) << Dump(d);
  EXPECT_TRUE(HasDiagnostic(d, "(f.bin)")) << Dump(d);
  EXPECT_TRUE(HasDiagnostic(d, "g.txt: empty input")) << Dump(d);
  EXPECT_EQ(d.size(), 2u) << Dump(d);
}

TEST(DirectoryReader, ExplicitFormatReadsEveryRegularFile) {
  TempDir dir;
  dir.Write("one", "first");
  dir.Write("two.dat", "second");
  Diagnostics d;
  auto docs = ReadAll(dir.path(), InputFormat::kText, &d);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "one");
  EXPECT_EQ(docs[1].text, "second");
  EXPECT_TRUE(d.empty()) << Dump(d);
}

TEST(DirectoryReader, EmptyDirectorySaysSo) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.path(), InputFormat::kAuto, &d);
  EXPECT_TRUE(docs.empty());
  EXPECT_TRUE(HasDiagnostic(d, "no input files in directory")) << Dump(d);
}

TEST(OpenDocumentReader, StdinFormatIsSniffedFromTheFirstNonBlankByte) {
  TempDir dir;
  const std::string path = dir.Write("stdin.data", "\n  {\"id\":\"s\",\"text\":\"from stdin\"}\n");
  ASSERT_NE(std::freopen(path.c_str(), "r", stdin), nullptr);
  std::cin.clear();
  Diagnostics d;
  auto docs = ReadAll("-", InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_EQ(docs[0].id, "s");
  EXPECT_EQ(docs[0].origin, "<stdin>:2");
}

}  // namespace
}  // namespace thaw
