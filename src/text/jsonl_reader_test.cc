// Tests for the JSON Lines reader: fields, ids, dates, and every kind of bad line.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/reader.h"
#include "text/test_util.h"

namespace thaw {
namespace {

using testing::Dump;
using testing::HasDiagnostic;
using testing::ReadAll;
using testing::TempDir;

TEST(JsonlReader, ReadsAllFieldsAndParsesTheDate) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(
      dir.Write(
          "news.jsonl",
          "{\"id\":\"a1\",\"text\":\"Seoul and Beijing met.\",\"date\":\"2024-06-19T08:00:00Z\","
          "\"title\":\"T\",\"source\":\"KH\",\"url\":\"https://x/y\",\"extra\":[1,2]}\n"),
      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_TRUE(d.empty()) << Dump(d);
  const Document& doc = docs[0];
  EXPECT_EQ(doc.id, "a1");
  EXPECT_EQ(doc.text, "Seoul and Beijing met.");
  EXPECT_EQ(doc.date, 20240619);
  EXPECT_EQ(doc.title, "T");
  EXPECT_EQ(doc.source, "KH");
  EXPECT_EQ(doc.url, "https://x/y");
  EXPECT_EQ(doc.origin, dir.path() + "/news.jsonl:1");
  EXPECT_TRUE(doc.sentences.empty());
}

TEST(JsonlReader, MissingIdBecomesFileAndLineAndNumericIdsAreKept) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.Write("n.jsonl", "{\"text\":\"a\"}\n\n{\"id\":17,\"text\":\"b\"}\n"),
                      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "n.jsonl:1");
  EXPECT_EQ(docs[1].id, "17");
  EXPECT_TRUE(d.empty()) << Dump(d);
}

TEST(JsonlReader, BadLinesAreSkippedWithFileAndLineAndGoodLinesKept) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.Write("b.jsonl",
                                "{\"id\":\"1\",\"text\":\"ok\"}\n"
                                "{\"id\":\"2\",\"text\":\"cut off\n"
                                "[1,2,3]\n"
                                "{\"id\":\"4\"}\n"
                                "{\"id\":\"5\",\"text\":42}\n"
                                "{\"id\":\"6\",\"text\":\"ok too\"}\n"),
                      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "1");
  EXPECT_EQ(docs[1].id, "6");
  ASSERT_EQ(d.size(), 4u) << Dump(d);
  EXPECT_EQ(d.items()[0].line, 2);
  EXPECT_NE(d.items()[0].message.find("not valid JSON"), std::string::npos);
  EXPECT_EQ(d.items()[0].message.find("[json.exception"), std::string::npos);
  EXPECT_EQ(d.items()[1].line, 3);
  EXPECT_NE(d.items()[1].message.find("found array"), std::string::npos);
  EXPECT_EQ(d.items()[2].line, 4);
  EXPECT_NE(d.items()[2].message.find("no \"text\" string"), std::string::npos);
  EXPECT_EQ(d.items()[3].line, 5);
}

TEST(JsonlReader, BadDateIsReportedAndTheDocumentKeptWithoutDate) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.Write("d.jsonl",
                                "{\"id\":\"x\",\"text\":\"t\",\"date\":\"last Tuesday\"}\n"
                                "{\"id\":\"y\",\"text\":\"t\",\"date\":20150101}\n"
                                "{\"id\":\"z\",\"text\":\"t\",\"title\":5}\n"),
                      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].date, kNoDate);
  EXPECT_EQ(docs[1].date, 20150101);
  EXPECT_EQ(docs[2].title, "");
  ASSERT_EQ(d.size(), 2u) << Dump(d);
  EXPECT_TRUE(HasDiagnostic(d, "d.jsonl:1: date \"last Tuesday\" is not a date")) << Dump(d);
  EXPECT_TRUE(HasDiagnostic(d, "d.jsonl:3: \"title\" is not a string")) << Dump(d);
}

TEST(JsonlReader, ArticleTextUnderAnotherNameIsPointedOut) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.Write("api.jsonl", "{\"id\":\"x\",\"body\":\"Kim met Xi.\"}\n"
                                             "{\"id\":\"y\",\"title\":\"t\"}\n"),
                      InputFormat::kAuto, &d);
  EXPECT_TRUE(docs.empty());
  EXPECT_TRUE(HasDiagnostic(d,
                            "api.jsonl:1: object has no \"text\" string; line skipped (it has "
                            "\"body\": --jsonl-field text=body reads it)"))
      << Dump(d);
  EXPECT_TRUE(HasDiagnostic(d, "api.jsonl:2: object has no \"text\" string; line skipped"))
      << Dump(d);
}

// A news API's export, read as it is: fields under other names, some in nested objects.
TEST(JsonlReader, FieldsUnderOtherNamesAndNestedPathsAreRead) {
  TempDir dir;
  Diagnostics d;
  ReadOptions options;
  ASSERT_TRUE(
      ParseJsonlFields("text=content, date=publishedAt,source=source.name", &options.jsonl).ok());
  ASSERT_TRUE(ParseJsonlFields("id=meta.id.value,url=link", &options.jsonl).ok());
  auto docs = ReadAll(
      dir.Write("api.jsonl",
                "{\"meta\":{\"id\":{\"value\":7}},\"content\":\"Kim met Xi.\","
                "\"publishedAt\":\"2024-05-01T09:00:00Z\",\"source\":{\"id\":null,\"name\":\"KH\"},"
                "\"link\":\"https://x/1\",\"title\":\"T\"}\n"
                "{\"content\":\"Xi met Kim.\",\"source\":\"flat\",\"meta.id.value\":\"m2\"}\n"
                "{\"text\":\"Not read.\"}\n"),
      options, &d);
  ASSERT_EQ(docs.size(), 2u) << Dump(d);
  EXPECT_EQ(docs[0].id, "7");
  EXPECT_EQ(docs[0].text, "Kim met Xi.");
  EXPECT_EQ(docs[0].date, *ParseDate("2024-05-01"));
  EXPECT_EQ(docs[0].source, "KH");
  EXPECT_EQ(docs[0].url, "https://x/1");
  EXPECT_EQ(docs[0].title, "T");  // not renamed: read as before
  // A member whose own name has the dots is found first; a path through a string finds nothing.
  EXPECT_EQ(docs[1].id, "m2");
  EXPECT_EQ(docs[1].source, "");
  ASSERT_EQ(d.size(), 1u) << Dump(d);
  EXPECT_TRUE(HasDiagnostic(d,
                            "api.jsonl:3: object has no \"content\" string; line skipped (it "
                            "has \"text\": --jsonl-field text=text reads it)"))
      << Dump(d);
}

TEST(JsonlReader, BadFieldSpecsAreRefusedWithTheItem) {
  JsonlFields fields;
  for (const char* bad : {"body", "text=", "=body", "author=byline", "text=body,,date"}) {
    const Status s = ParseJsonlFields(bad, &fields);
    EXPECT_FALSE(s.ok()) << bad;
    EXPECT_NE(s.message().find("expected KEY=NAME"), std::string::npos) << s.message();
  }
  EXPECT_EQ(fields.text, "text");  // a spec with a bad item changes nothing
}

// Ids of the documents read, in order.
std::vector<std::string> Ids(const std::vector<Document>& docs) {
  std::vector<std::string> ids;
  for (const Document& d : docs) ids.push_back(d.id);
  return ids;
}

// A .json dump holding one array, pretty-printed: each element is a document, read one at a
// time; bad elements are reported at the line they start on.
TEST(JsonlReader, AJsonArrayOfArticlesIsReadElementByElement) {
  TempDir dir;
  Diagnostics d;
  auto docs =
      ReadAll(dir.Write("dump.json",
                        "[\n"
                        "  {\"id\": \"a\", \"text\": \"He said \\\"]},[{\\\" twice.\"},\n"
                        "  {\"text\": \"No id.\",\n"
                        "   \"date\": \"2024-05-01\"},\n"
                        "  42,\n"
                        "  {\"id\": \"c\", \"text\": }\n"
                        "  , {\"id\": \"d\", \"text\": \"Last.\", \"tags\": [\"x\", {\"y\": 1}]}\n"
                        "]\n"),
              InputFormat::kAuto, &d);
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"a", "dump.json:3#2", "d"})) << Dump(d);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].text, "He said \"]},[{\" twice.");
  EXPECT_EQ(docs[1].date, 20240501);
  ASSERT_EQ(d.size(), 2u) << Dump(d);
  EXPECT_TRUE(
      HasDiagnostic(d, "dump.json:5: expected a JSON object, found number; element skipped"))
      << Dump(d);
  EXPECT_TRUE(HasDiagnostic(d, "dump.json:6: not valid JSON")) << Dump(d);
}

TEST(JsonlReader, ACutOffArrayKeepsItsWholeElements) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(
      dir.Write("cut.json", "[{\"id\": \"a\", \"text\": \"One.\"}, {\"id\": \"b\", \"text\": \"Tw"),
      InputFormat::kAuto, &d);
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"a"}));
  EXPECT_TRUE(HasDiagnostic(d, "cut.json:1: the JSON array is cut off in this element")) << Dump(d);
  Diagnostics d2;
  docs = ReadAll(dir.Write("two.json", "[{\"text\": \"One.\"}]\n[{\"text\": \"Two.\"}]\n"),
                 InputFormat::kAuto, &d2);
  EXPECT_EQ(docs.size(), 1u);
  EXPECT_TRUE(HasDiagnostic(d2, "two.json:2: text after the JSON array's closing ']' is ignored"))
      << Dump(d2);
  // A stray '}' spoils its own element, not the rest of the array.
  Diagnostics d3;
  docs = ReadAll(dir.Write("stray.json",
                           "[{\"id\": \"a\", \"text\": \"One.\"}},\n"
                           " {\"id\": \"b\", \"text\": \"Two.\"}]\n"),
                 InputFormat::kAuto, &d3);
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"b"})) << Dump(d3);
  EXPECT_TRUE(HasDiagnostic(d3, "stray.json:1: not valid JSON")) << Dump(d3);
}

// Pretty-printed objects one after another, as `jq '.articles[]' page.json` prints them: each
// is a document, and one without text is reported at the line it starts on.
TEST(JsonlReader, PrettyPrintedObjectsOneAfterAnotherAreEachADocument) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.Write("jq.json",
                                "{\n"
                                "  \"id\": \"a\",\n"
                                "  \"text\": \"One {\\\"quoted\\\"} brace.\"\n"
                                "}\n"
                                "{\n"
                                "  \"id\": \"b\",\n"
                                "  \"text\": 5\n"
                                "}\n"
                                "{\n"
                                "  \"text\": \"Three.\"\n"
                                "}\n"),
                      InputFormat::kAuto, &d);
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"a", "jq.json:9"})) << Dump(d);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text, "One {\"quoted\"} brace.");
  ASSERT_EQ(d.size(), 1u) << Dump(d);
  EXPECT_TRUE(HasDiagnostic(d, "jq.json:5: object has no \"text\" string; object skipped"))
      << Dump(d);
}

// A news API's page ({"status": ..., "articles": [...]}): its one array of objects holds the
// documents, pretty-printed or on one line, and a JSON Lines file of such pages reads them all.
TEST(JsonlReader, AnApiPageWrappingTheArticlesIsRead) {
  TempDir dir;
  ReadOptions options;
  ASSERT_TRUE(ParseJsonlFields("text=content", &options.jsonl).ok());
  Diagnostics d;
  auto docs = ReadAll(dir.Write("page.json",
                                "{\n"
                                "  \"status\": \"ok\", \"totalResults\": 2,\n"
                                "  \"articles\": [\n"
                                "    {\"url\": \"u1\", \"content\": \"Kim met Xi.\"},\n"
                                "    {\"url\": \"u2\", \"content\": 7}\n"
                                "  ]\n"
                                "}\n"),
                      options, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_EQ(docs[0].text, "Kim met Xi.");
  EXPECT_EQ(docs[0].url, "u1");
  EXPECT_EQ(docs[0].id, "page.json:1#1");
  EXPECT_TRUE(HasDiagnostic(d,
                            "page.json:1: \"articles\" element 2: object has no \"content\" "
                            "string; element skipped"))
      << Dump(d);

  Diagnostics d2;
  docs =
      ReadAll(dir.Write("pages.jsonl",
                        "{\"articles\": [{\"content\": \"A.\"}, {\"content\": \"B.\"}], \"n\": 2}\n"
                        "{\"articles\": [{\"content\": \"C.\"}]}\n"
                        "{\"content\": \"D.\"}\n"),
              options, &d2);
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"pages.jsonl:1#1", "pages.jsonl:1#2",
                                                 "pages.jsonl:2#1", "pages.jsonl:3"}))
      << Dump(d2);
  EXPECT_TRUE(d2.empty()) << Dump(d2);
}

// One pretty-printed article is one document; a JSON Lines file whose first line is cut off
// is still read line by line after it.
TEST(JsonlReader, APrettyPrintedObjectIsOneDocumentAndABadFirstLineIsOnlyThatLine) {
  TempDir dir;
  Diagnostics d;
  auto docs =
      ReadAll(dir.Write("one.json", "{\n  \"id\": \"p\",\n  \"text\": \"Talks resumed.\"\n}\n"),
              InputFormat::kAuto, &d);
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"p"}));
  EXPECT_TRUE(d.empty()) << Dump(d);

  Diagnostics d2;
  docs = ReadAll(dir.Write("cut.jsonl",
                           "{\"id\": \"1\", \"text\": \"cut\n"
                           "{\"id\": \"2\", \"text\": \"Two.\"}\n"
                           "{\"id\": \"3\", \"text\": \"Three.\"}\n"),
                 InputFormat::kAuto, &d2);
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"2", "3"}));
  ASSERT_EQ(d2.size(), 1u) << Dump(d2);
  EXPECT_TRUE(HasDiagnostic(d2, "cut.jsonl:1: not valid JSON")) << Dump(d2);
}

TEST(JsonlReader, FeedDatesAreRead) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.Write("f.jsonl",
                                "{\"text\":\"t\",\"date\":\"Wed, 01 May 2024 12:00:00 GMT\"}\n"
                                "{\"text\":\"t\",\"date\":1714564800}\n"
                                "{\"text\":\"t\",\"date\":\"01/05/2024\"}\n"),
                      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].date, 20240501);
  EXPECT_EQ(docs[1].date, 20240501);
  EXPECT_EQ(docs[2].date, kNoDate);  // day first or month first? Not guessed.
  ASSERT_EQ(d.size(), 1u) << Dump(d);
  EXPECT_TRUE(HasDiagnostic(d, "f.jsonl:3: date \"01/05/2024\" is not a date")) << Dump(d);
}

TEST(JsonlReader, InvalidUtf8IsRepairedBeforeParsing) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.Write("u.jsonl", "{\"id\":\"u\",\"text\":\"caf\xE9\"}\n"),
                      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "caf\xEF\xBF\xBD");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].line, 1);
  EXPECT_NE(d.items()[0].message.find("invalid UTF-8"), std::string::npos);
}

TEST(JsonlReader, TenMegabyteLineIsRead) {
  TempDir dir;
  Diagnostics d;
  const std::string big(10 * 1000 * 1000, 'w');
  auto docs = ReadAll(dir.Write("big.jsonl", "{\"id\":\"big\",\"text\":\"" + big +
                                                 "\"}\n{\"text\":\"" + big + "\n"),
                      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text.size(), big.size());
  ASSERT_EQ(d.size(), 1u);  // the second, unterminated line
  EXPECT_EQ(d.items()[0].line, 2);
  EXPECT_LT(d.items()[0].message.size(), 1000u) << "messages must not echo huge input";
}

}  // namespace
}  // namespace thaw
