// Tests for the PETRARCH XML reader: each quirk of real validation files, each kind of bad
// input, and the real PETR.UnitTest.records.xml when ../shared is present.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
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

constexpr char kParse[] =
    "<Parse>\n"
    "1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "</Parse>";

std::string Record(const std::string& id, const std::string& body = "",
                   const std::string& text = "Arnor left.") {
  return "<Sentence source=\"DEMO\" date=\"19950101\" id=\"" + id + "\" sentence=\"true\">\n" +
         body + "<Text>\n" + text + "\n</Text>\n" + kParse + "</Sentence>\n";
}

std::string File(const std::string& records) {
  return "<?xml version='1.0' encoding='utf-8'?>\n<Validation>\n<Sentences>\n" + records +
         "</Sentences>\n</Validation>\n";
}

std::vector<Document> ReadXml(const std::string& content, Diagnostics* diags, const TempDir& dir,
                              const std::string& name = "in.xml") {
  return ReadAll(dir.Write(name, content), InputFormat::kAuto, diags);
}

TEST(PetrarchXmlReader, ReadsRecordWithTextParseEventsAndDate) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadXml(
      File(Record("DEMO_00",
                  "<EventCoding eventcode=\"050\" sourcecode=\"ARN\" targetcode=\"GON\" />\n")),
      &d, dir);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_TRUE(d.empty()) << Dump(d);
  const Document& doc = docs[0];
  EXPECT_EQ(doc.id, "DEMO_00");
  EXPECT_EQ(doc.source, "DEMO");
  EXPECT_EQ(doc.date, 19950101);
  EXPECT_EQ(doc.origin, dir.path() + "/in.xml:4");
  ASSERT_EQ(doc.sentences.size(), 1u);
  const Sentence& s = doc.sentences[0];
  EXPECT_EQ(s.id, "DEMO_00");
  EXPECT_EQ(s.text, "Arnor left.");
  EXPECT_EQ(doc.text, s.text);
  EXPECT_EQ(s.doc_offset, 0u);
  EXPECT_EQ(s.date, 19950101);
  EXPECT_TRUE(s.require_dyad);
  ASSERT_TRUE(s.has_parse);
  ASSERT_EQ(s.tokens.size(), 3u);
  EXPECT_EQ(s.Form(1), "left");
  EXPECT_EQ(s.tokens[0].head, 1);
  EXPECT_EQ(s.tokens[1].head, -1);
  EXPECT_EQ(s.tokens[1].char_begin, 6u);
  EXPECT_TRUE(s.expected.present);
  ASSERT_EQ(s.expected.events.size(), 1u);
  EXPECT_EQ(s.expected.events[0].source, "ARN");
  EXPECT_EQ(s.expected.events[0].target, "GON");
  EXPECT_EQ(s.expected.events[0].code, "050");
}

TEST(PetrarchXmlReader, CollapsesWhitespaceAndDecodesEntities) {
  TempDir dir;
  Diagnostics d;
  auto docs =
      ReadXml(File(Record("E1",
                          "<EventCoding eventcode=\"190\" sourcecode=\"&quot;INJURY TOLL&quot;\" "
                          "targetcode=\"OSG\" />\n",
                          "  Arnor  will abandon\n\tfull &amp;TIETYPE ties   ")),
              &d, dir);
  ASSERT_EQ(docs.size(), 1u);
  const Sentence& s = docs[0].sentences[0];
  EXPECT_EQ(s.text, "Arnor will abandon full &TIETYPE ties");
  EXPECT_EQ(s.expected.events[0].source, "\"INJURY TOLL\"");
}

TEST(PetrarchXmlReader, EntitiesInParseColumnsAreDecoded) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadXml(File("<Sentence id=\"A\" date=\"19950101\"><Text>A &amp; B</Text><Parse>\n"
                           "1\tA\tA\tX\tX\t_\t0\troot\t_\t_\n"
                           "2\t&amp;\t&amp;\tCONJ\tCC\t_\t1\tcc\t_\t_\n"
                           "3\tB\tB\tX\tX\t_\t1\tconj\t_\t_\n</Parse></Sentence>\n"),
                      &d, dir);
  ASSERT_EQ(docs.size(), 1u);
  const Sentence& s = docs[0].sentences[0];
  ASSERT_TRUE(s.has_parse) << Dump(d);
  EXPECT_EQ(s.Form(1), "&");
  EXPECT_EQ(s.tokens[2].char_begin, 4u);
}

TEST(PetrarchXmlReader, NoEventsAndErrorRecordsSetAnExpectationWithoutEvents) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadXml(File(Record("N1", "<EventCoding noevents=\"True\" />\n") +
                           Record("N2", "<EventCoding noevents=\"True\"> </EventCoding>\n") +
                           Record("E1", "<EventCoding error=\"dateline\" />\n") + Record("P1")),
                      &d, dir);
  ASSERT_EQ(docs.size(), 4u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(docs[i].sentences[0].expected.present) << i;
    EXPECT_TRUE(docs[i].sentences[0].expected.events.empty()) << i;
  }
  EXPECT_EQ(docs[2].sentences[0].expected.error, "dateline");
  EXPECT_FALSE(docs[3].sentences[0].expected.present);
}

TEST(PetrarchXmlReader, RequireDyadConfigAppliesToFollowingRecordsUntilChanged) {
  TempDir dir;
  Diagnostics d;
  auto docs =
      ReadXml(File(Record("R1") + "<Config option=\"require_dyad\" value=\"false\" />\n" +
                   Record("R2") + "<Config option=\"comma_emax\" value=\"0\" />\n" + Record("R3") +
                   "<Config option=\"require_dyad\" value=\"TRUE\" />\n" + Record("R4") +
                   "<Config option=\"require_dyad\" value=\"False\" />\n" + Record("R5") +
                   "<Config option=\"require_dyad\" value=\"maybe\" />\n" + Record("R6")),
              &d, dir);
  ASSERT_EQ(docs.size(), 6u);
  std::vector<bool> dyad;
  for (const Document& doc : docs) dyad.push_back(doc.sentences[0].require_dyad);
  EXPECT_EQ(dyad, (std::vector<bool>{true, false, false, true, false, false}));
  EXPECT_TRUE(HasDiagnostic(d, "value 'maybe' is not true or false; keeping false")) << Dump(d);
}

TEST(PetrarchXmlReader, ConfigInsideACommentIsIgnored) {
  TempDir dir;
  Diagnostics d;
  auto docs =
      ReadXml(File("<!-- <Config option=\"require_dyad\" value=\"false\" /> -->\n" + Record("R1")),
              &d, dir);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(docs[0].sentences[0].require_dyad);
}

TEST(PetrarchXmlReader, RepeatedIdsAreNumberedInFileOrder) {
  TempDir dir;
  Diagnostics d;
  auto docs =
      ReadXml(File(Record("A") + Record("B") + Record("A") + Record("A") + Record("B")), &d, dir);
  ASSERT_EQ(docs.size(), 5u);
  std::vector<std::string> ids;
  for (const Document& doc : docs) {
    EXPECT_EQ(doc.id, doc.sentences[0].id);
    ids.push_back(doc.id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"A", "B", "A#2", "A#3", "B#2"}));
}

TEST(PetrarchXmlReader, CommentsAnywhereAreIgnored) {
  TempDir dir;
  Diagnostics d;
  const std::string xml = File(
      "<!-- <Sentence id=\"GHOST\"><Text>no</Text></Sentence> -->\n"
      "<!--Stop></Stop-->\n"
      "<Sentence id=\"C1\" date=\"19950101\">\n<!-- inside the record -->\n"
      "<EventCoding eventcode=\"050\" sourcecode=\"ARN\" targetcode=\"GON\" /><!-- after -->\n"
      "<Text>\nArnor <!-- mid-text --> left.\n</Text>\n"
      "<Parse>\n<!-- parse note -->\n"
      "1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
      "</Parse><!-- --></Sentence>\n");
  auto docs = ReadXml(xml, &d, dir);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_TRUE(d.empty()) << Dump(d);
  EXPECT_EQ(docs[0].id, "C1");
  EXPECT_EQ(docs[0].sentences[0].text, "Arnor left.");
  EXPECT_TRUE(docs[0].sentences[0].has_parse);
}

TEST(PetrarchXmlReader, HashHeaderLinesAndEnvironmentAreIgnored) {
  TempDir dir;
  Diagnostics d;
  const std::string xml =
      "<?xml version='1.0' encoding='utf-8'?>\n"
      "<Validation>\n"
      "##########################\n"
      "#   then \"Exiting: <Stop> record \" <Sentence id=\"NOT_A_RECORD\">\n"
      "##########################\n"
      "<Environment>\n"
      "    <Verbfile>PETR.Validate.verbs.txt</Verbfile>\n"
      "    <Include>valid DEMO ACTOR</Include>\n"
      "    <Config option=\"stop_on_error\" value=\"True\" />\n"
      "</Environment>\t\t\n"
      "<Sentences>\n" +
      Record("H1") + "<Unknown a=\"b\">stuff</Unknown>\n" +
      Record("H2", "", "#1 priority is\ntext with a hash.") + "</Sentences>\n</Validation>\n";
  auto docs = ReadXml(xml, &d, dir);
  ASSERT_EQ(docs.size(), 2u) << Dump(d);
  EXPECT_EQ(docs[0].id, "H1");
  EXPECT_EQ(docs[1].sentences[0].text, "#1 priority is text with a hash.");
}

TEST(PetrarchXmlReader, SelfClosingSentenceOwnsTheElementsThatFollowIt) {
  // The variant UniversalPetrarch writes: <Sentence .../> then its children as siblings.
  TempDir dir;
  Diagnostics d;
  const std::string rec1 =
      "<Sentence id=\"U1\" date=\"20150101\" source=\"X\"/>\n"
      "<EventCoding eventcode=\"040\" sourcecode=\"A\" targetcode=\"B\"/>\n"
      "<Text>First one.</Text>\n" +
      std::string(kParse) + "\n";
  const std::string rec2 = "<Sentence id=\"U2\" date=\"20150102\"/>\n<Text>Second.</Text>\n";
  // Ended by the next <Sentence, by </Sentences>, and by the end of input.
  auto docs = ReadXml("<Sentences>\n" + rec1 + rec2 + "</Sentences>\n" +
                          "<Sentence id=\"U3\"/>\n<Text>Third.</Text>\n",
                      &d, dir);
  ASSERT_EQ(docs.size(), 3u) << Dump(d);
  EXPECT_TRUE(d.empty()) << Dump(d);
  EXPECT_EQ(docs[0].id, "U1");
  EXPECT_EQ(docs[0].date, 20150101);
  EXPECT_EQ(docs[0].sentences[0].text, "First one.");
  EXPECT_TRUE(docs[0].sentences[0].has_parse);
  EXPECT_EQ(docs[0].sentences[0].expected.events.size(), 1u);
  EXPECT_EQ(docs[1].id, "U2");
  EXPECT_FALSE(docs[1].sentences[0].has_parse);
  EXPECT_FALSE(docs[1].sentences[0].expected.present);
  EXPECT_EQ(docs[2].id, "U3");
  EXPECT_EQ(docs[2].sentences[0].text, "Third.");
}

TEST(PetrarchXmlReader, PennTreebankParseIsKeptAsTreeWithoutHasParse) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadXml(File("<Sentence id=\"T1\" date=\"19950101\"><Text>Arnor left.</Text>\n"
                           "<Parse>\n(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .)))\n"
                           "</Parse></Sentence>\n" +
                           Record("T2")),
                      &d, dir);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(d.empty()) << Dump(d);
  const Sentence& s = docs[0].sentences[0];
  EXPECT_FALSE(s.has_parse);
  EXPECT_TRUE(s.tokens.empty());
  EXPECT_EQ(s.tree, "(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .)))");
  EXPECT_TRUE(docs[1].sentences[0].has_parse);
}

TEST(PetrarchXmlReader, MalformedParseKeepsTheRecordWithoutParseAndReportsTheLine) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadXml(File("<Sentence id=\"M1\" date=\"19950101\"><Text>A B</Text>\n"
                           "<Parse>\n"
                           "1\tA\tA\tX\tX\t_\t0\troot\t_\t_\n"
                           "2\tB\tB\tX\tX\t_\t9\tdep\t_\t_\n"
                           "</Parse></Sentence>\n"),
                      &d, dir);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].sentences[0].has_parse);
  EXPECT_TRUE(docs[0].sentences[0].tokens.empty());
  ASSERT_EQ(d.size(), 1u) << Dump(d);
  EXPECT_EQ(d.items()[0].line, 7);
  EXPECT_NE(d.items()[0].message.find("head 9 of token 2 is out of range"), std::string::npos);
}

TEST(PetrarchXmlReader, TruncatedRecordIsReportedAndEarlierRecordsAreKept) {
  TempDir dir;
  Diagnostics d;
  const std::string full = File(Record("K1") + Record("K2") + Record("K3"));
  // Cut in the middle of K3's <Parse>.
  const size_t cut = full.find("2\tleft", full.find("id=\"K3\""));
  ASSERT_NE(cut, std::string::npos);
  auto docs = ReadXml(full.substr(0, cut), &d, dir);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].id, "K2");
  ASSERT_EQ(d.size(), 1u) << Dump(d);
  EXPECT_EQ(d.items()[0].line, 22);  // where K3 begins
  EXPECT_NE(d.items()[0].message.find("record 'K3' is cut off"), std::string::npos);
  EXPECT_NE(d.items()[0].message.find("</Parse>"), std::string::npos);
}

TEST(PetrarchXmlReader, InputCutInsideATagOrCommentKeepsEarlierRecords) {
  TempDir dir;
  for (const std::string tail :
       {"<Sentence id=\"K2\" da", "<!-- a comment that never", "<Sentence id=\"K2\"><Text>abc"}) {
    Diagnostics d;
    auto docs = ReadXml("<Sentences>\n" + Record("K1") + tail, &d, dir);
    ASSERT_EQ(docs.size(), 1u) << tail;
    EXPECT_EQ(docs[0].id, "K1");
    ASSERT_FALSE(d.empty()) << tail;
    EXPECT_EQ(d.items()[0].line, 11) << Dump(d);
  }
}

TEST(PetrarchXmlReader, MissingEndTagBeforeTheNextRecordIsTolerated) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadXml(File("<Sentence id=\"A\"><Text>One.</Text>\n" + Record("B")), &d, dir);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].sentences[0].text, "One.");
  EXPECT_TRUE(HasDiagnostic(d, "record 'A' has no </Sentence>")) << Dump(d);
}

TEST(PetrarchXmlReader, RecordWithoutTextIsSkippedWithADiagnostic) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadXml(
      File("<Sentence id=\"A\"><EventCoding noevents=\"True\"/></Sentence>\n" + Record("B")), &d,
      dir);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "B");
  EXPECT_TRUE(HasDiagnostic(d, "record 'A' has no <Text>; skipped")) << Dump(d);
}

TEST(PetrarchXmlReader, MissingIdAndBadDateAreReportedAndRepaired) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadXml(File("<Sentence date=\"yesterday\"><Text>x</Text></Sentence>\n"), &d, dir);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "in.xml:4");
  EXPECT_EQ(docs[0].date, kNoDate);
  EXPECT_TRUE(HasDiagnostic(d, "date 'yesterday' is not a date")) << Dump(d);
}

TEST(PetrarchXmlReader, InvalidUtf8IsRepairedAndReportedOncePerRecord) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadXml(File(Record("U1", "",
                                  "Mes\xDB"
                                  "d\nand \xFF again") +
                           Record("U2") + Record("U3\xC0", "", "caf\xE9")),
                      &d, dir);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].sentences[0].text,
            "Mes\xEF\xBF\xBD"
            "d and \xEF\xBF\xBD again");
  EXPECT_EQ(docs[2].id, "U3\xEF\xBF\xBD");
  ASSERT_EQ(d.size(), 2u) << Dump(d);
  EXPECT_EQ(d.items()[0].line, 6);  // the line of the first bad byte
  EXPECT_NE(d.items()[0].message.find("invalid UTF-8 in record 'U1'"), std::string::npos);
  EXPECT_EQ(d.items()[1].line, 23);  // the tag holding the bad id
}

TEST(PetrarchXmlReader, TenMegabyteSingleLineIsReadInLinearTime) {
  TempDir dir;
  Diagnostics d;
  std::string words;
  words.reserve(10 * 1000 * 1000 + 16);
  while (words.size() < 10 * 1000 * 1000) words += "word &amp; ";
  // Text, parse and an unknown element all on one line, twice.
  const std::string line = "<Sentence id=\"BIG\"><Text>" + words + "</Text><Junk>" + words +
                           "</Junk><Parse>1\tA\tA\tX\tX\t_\t0\troot\t_\t_</Parse></Sentence>";
  const auto start = std::chrono::steady_clock::now();
  auto docs = ReadXml("<Sentences>" + line + line + "</Sentences>", &d, dir);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(docs.size(), 2u) << Dump(d);
  EXPECT_EQ(docs[1].id, "BIG#2");
  EXPECT_EQ(docs[0].sentences[0].text.substr(0, 14), "word & word & ");
  EXPECT_TRUE(docs[0].sentences[0].has_parse);
  // Generous: linear reading takes well under a second; quadratic would take hours.
  EXPECT_LT(seconds, 30.0);
}

TEST(PetrarchXmlReader, EmptyFileYieldsNoDocumentsAndAnEmptyInputDiagnostic) {
  TempDir dir;
  for (const std::string content : {"", "  \n\n"}) {
    Diagnostics d;
    auto docs = ReadXml(content, &d, dir);
    EXPECT_TRUE(docs.empty());
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d.items()[0].message, "empty input");
  }
}

TEST(PetrarchXmlReader, FileWithoutRecordsSaysSo) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadXml("just some words\n", &d, dir);
  EXPECT_TRUE(docs.empty());
  EXPECT_TRUE(HasDiagnostic(d, "no <Sentence> records found")) << Dump(d);
}

TEST(PetrarchXmlReader, RealUnitTestRecordsFile) {
  const std::string path =
      std::string(THAW_SHARED_DIR) + "/petrarch/validation/PETR.UnitTest.records.xml";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "shared data not found at " << path
                 << "; check out ../shared beside the source tree to run this test";
  }
  Diagnostics d;
  auto docs = ReadAll(path, InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 284u) << Dump(d);
  EXPECT_EQ(docs.front().id, "DEMO_00");
  EXPECT_EQ(docs.back().id, "FINAL-RECORD");
  int agents18 = 0, no_dyad = 0, without_expectation = 0;
  for (const Document& doc : docs) {
    ASSERT_EQ(doc.sentences.size(), 1u);
    const Sentence& s = doc.sentences[0];
    EXPECT_TRUE(s.has_parse) << doc.id;
    EXPECT_FALSE(s.text.empty()) << doc.id;
    EXPECT_NE(s.date, kNoDate) << doc.id;
    if (!s.expected.present) ++without_expectation;
    if (doc.id == "AGENTS_18" || doc.id == "AGENTS_18#2") ++agents18;
    if (!s.require_dyad) ++no_dyad;
  }
  EXPECT_EQ(agents18, 2);
  EXPECT_EQ(without_expectation, 1);  // PATTERN_06 has no <EventCoding>
  EXPECT_GT(no_dyad, 0);
  EXPECT_EQ(docs[0].sentences[0].text,
            "Arnor is about to restore full diplomatic ties with Gondor almost five years after "
            "crowds trashed its embassy.");
  for (const Diagnostic& diag : d.items()) ADD_FAILURE() << diag.ToString();
}

}  // namespace
}  // namespace thaw
