// Tests for the CoNLL-U reader: document grouping, ids, malformed sentences, bad input,
// and the real UD English EWT test file when ../shared is present.

#include <gtest/gtest.h>

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

std::string Tok(int id, const std::string& form, int head, const std::string& misc = "_") {
  return std::to_string(id) + "\t" + form + "\t" + form + "\tX\tX\t_\t" + std::to_string(head) +
         "\t" + (head == 0 ? "root" : "dep") + "\t_\t" + misc + "\n";
}

std::string TwoWordSentence(const std::string& a, const std::string& b) {
  return Tok(1, a, 0) + Tok(2, b, 1);
}

TEST(ConlluReader, NewdocCommentsStartDocuments) {
  TempDir dir;
  Diagnostics d;
  const std::string in = "# newdoc id = D1\n# sent_id = s1\n# text = Hello world\n" +
                         TwoWordSentence("Hello", "world") + "\n# sent_id = s2\n" +
                         TwoWordSentence("Good", "bye") + "\n# newdoc id = D2\n" +
                         TwoWordSentence("Last", "one") + "\n";
  auto docs = ReadAll(dir.Write("in.conllu", in), InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 2u) << Dump(d);
  EXPECT_TRUE(d.empty()) << Dump(d);
  EXPECT_EQ(docs[0].id, "D1");
  EXPECT_EQ(docs[0].origin, dir.path() + "/in.conllu:1");
  ASSERT_EQ(docs[0].sentences.size(), 2u);
  EXPECT_EQ(docs[0].sentences[0].id, "s1");
  EXPECT_EQ(docs[0].sentences[0].text, "Hello world");
  EXPECT_EQ(docs[0].sentences[1].text, "Good bye");  // rebuilt: no "# text"
  EXPECT_EQ(docs[0].text, "Hello world\nGood bye");
  EXPECT_EQ(docs[0].sentences[1].doc_offset, 12u);
  EXPECT_EQ(docs[1].id, "D2");
  ASSERT_EQ(docs[1].sentences.size(), 1u);
  EXPECT_EQ(docs[1].sentences[0].id, "D2-1");
}

TEST(ConlluReader, WithoutNewdocTheFileIsOneDocumentNamedAfterIt) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(
      dir.Write("corpus.conllu", TwoWordSentence("A", "b") + "\n" + TwoWordSentence("C", "d")),
      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "corpus.conllu");
  ASSERT_EQ(docs[0].sentences.size(), 2u);
  EXPECT_EQ(docs[0].sentences[0].id, "corpus.conllu-1");
  EXPECT_EQ(docs[0].sentences[1].id, "corpus.conllu-2");
}

TEST(ConlluReader, ParseColumnsAndHeadsAreFilled) {
  TempDir dir;
  Diagnostics d;
  const std::string in =
      "# text = Google's lead.\n"
      "1-2\tGoogle's\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "1\tGoogle\tGoogle\tPROPN\tNNP\tNumber=Sing\t3\tnmod:poss\t3:nmod:poss\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t1:case\t_\n"
      "3\tlead\tlead\tNOUN\tNN\tNumber=Sing\t0\troot\t0:root\tSpaceAfter=No\n"
      "3.1\tis\tbe\tAUX\tVBZ\t_\t_\t_\t3:cop\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t3:punct\t_\n\n";
  auto docs = ReadAll(dir.Write("p.conllu", in), InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u);
  const Sentence& s = docs[0].sentences[0];
  ASSERT_TRUE(s.has_parse) << Dump(d);
  ASSERT_EQ(s.tokens.size(), 4u);
  EXPECT_EQ(s.Upos(0), "PROPN");
  EXPECT_EQ(s.Xpos(3), ".");
  EXPECT_EQ(s.Deprel(0), "nmod:poss");
  EXPECT_EQ(s.Lemma(1), "'s");
  EXPECT_EQ(s.tokens[0].head, 2);
  EXPECT_EQ(s.tokens[2].head, -1);
  EXPECT_EQ(s.tokens[3].head, 2);
  EXPECT_EQ(s.tokens[1].char_begin, 6u);
  EXPECT_EQ(s.tokens[3].char_begin, 13u);
}

TEST(ConlluReader, MalformedSentencesAreKeptWithoutParseAndReportedAtTheirLine) {
  TempDir dir;
  Diagnostics d;
  const std::string in = "# sent_id = cols\n# text = A b\n" + Tok(1, "A", 0) +
                         "2\tb\tb\tX\tX\t_\t1\tdep\t_\n\n"  // 9 columns
                         "# sent_id = head\n" +
                         Tok(1, "A", 0) +
                         "2\tb\tb\tX\tX\t_\tone\tdep\t_\t_\n\n"  // non-numeric
                         "# sent_id = range\n" +
                         Tok(1, "A", 0) + Tok(2, "b", 5) + "\n" + "# sent_id = good\n" +
                         TwoWordSentence("C", "d");
  auto docs = ReadAll(dir.Write("bad.conllu", in), InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u);
  const auto& ss = docs[0].sentences;
  ASSERT_EQ(ss.size(), 4u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(ss[i].has_parse) << ss[i].id;
    EXPECT_TRUE(ss[i].tokens.empty()) << ss[i].id;
  }
  EXPECT_EQ(ss[0].text, "A b");
  EXPECT_EQ(ss[1].text, "A b");  // rebuilt from the forms
  EXPECT_TRUE(ss[3].has_parse);
  ASSERT_EQ(d.size(), 3u) << Dump(d);
  EXPECT_EQ(d.items()[0].line, 4);
  EXPECT_NE(d.items()[0].message.find("expected 10 tab-separated CoNLL-U columns, found 9"),
            std::string::npos);
  EXPECT_EQ(d.items()[1].line, 8);
  EXPECT_NE(d.items()[1].message.find("head 'one' of token 2 is not a number"), std::string::npos);
  EXPECT_EQ(d.items()[2].line, 12);
  EXPECT_NE(d.items()[2].message.find("head 5 of token 2 is out of range"), std::string::npos);
  EXPECT_NE(d.items()[2].message.find("kept without a parse"), std::string::npos);
}

TEST(ConlluReader, CommentWithoutABlankLineStartsANewSentence) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.Write("x.conllu", "# sent_id = a\n" + TwoWordSentence("A", "b") +
                                                "# sent_id = b\n" + TwoWordSentence("C", "d")),
                      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].sentences.size(), 2u);
  EXPECT_TRUE(docs[0].sentences[1].has_parse);
  EXPECT_TRUE(HasDiagnostic(d, "x.conllu:4: comment after token lines")) << Dump(d);
}

TEST(ConlluReader, InvalidUtf8IsRepairedAndReportedOncePerSentence) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(
      dir.Write("u.conllu", "# text = caf\xE9 x\n" + Tok(1, "caf\xE9", 0) + Tok(2, "x\xFF", 1)),
      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u);
  const Sentence& s = docs[0].sentences[0];
  EXPECT_EQ(s.text, "caf\xEF\xBF\xBD x");
  EXPECT_EQ(s.Form(0), "caf\xEF\xBF\xBD");
  EXPECT_TRUE(s.has_parse);
  ASSERT_EQ(d.size(), 1u) << Dump(d);
  EXPECT_EQ(d.items()[0].line, 1);
}

TEST(ConlluReader, TenMegabyteLineIsReportedNotFatal) {
  TempDir dir;
  Diagnostics d;
  const std::string big(10 * 1000 * 1000, 'x');
  auto docs = ReadAll(dir.Write("big.conllu", "# text = " + big + "\n1\t" + big + "\n\n" +
                                                  TwoWordSentence("A", "b")),
                      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].sentences.size(), 2u);
  EXPECT_EQ(docs[0].sentences[0].text.size(), big.size());
  EXPECT_TRUE(docs[0].sentences[1].has_parse);
  EXPECT_EQ(d.size(), 1u) << Dump(d);
}

TEST(ConlluReader, FileWithOnlyCommentsHasNoDocuments) {
  TempDir dir;
  Diagnostics d;
  auto docs =
      ReadAll(dir.Write("c.conllu", "# newdoc id = x\n# just a note\n"), InputFormat::kAuto, &d);
  EXPECT_TRUE(docs.empty());
  EXPECT_TRUE(HasDiagnostic(d, "no CoNLL-U sentences found")) << Dump(d);
}

TEST(ConlluReader, RealEwtTestFile) {
  const std::string path = std::string(THAW_SHARED_DIR) + "/ud/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "shared data not found at " << path
                 << "; check out ../shared beside the source tree to run this test";
  }
  Diagnostics d;
  auto docs = ReadAll(path, InputFormat::kAuto, &d);
  EXPECT_EQ(docs.size(), 316u);  // one per "# newdoc"
  size_t sentences = 0, parsed = 0, aligned = 0, tokens = 0;
  for (const Document& doc : docs) {
    for (const Sentence& s : doc.sentences) {
      ++sentences;
      if (s.has_parse) ++parsed;
      for (const Token& t : s.tokens) {
        ++tokens;
        if (t.char_begin != kNoOffset) ++aligned;
      }
    }
  }
  EXPECT_EQ(sentences, 2077u);
  EXPECT_EQ(parsed, sentences);
  EXPECT_GT(aligned, tokens * 99 / 100);
  EXPECT_TRUE(d.empty()) << Dump(d);
}

}  // namespace
}  // namespace thaw

namespace thaw {
namespace {

TEST(ConlluReaderDates, DateCommentsSetDocumentAndSentenceDates) {
  const std::string path = ::testing::TempDir() + "/dated.conllu";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs(
        "# newdoc id = d1\n# date = 2014-07-03\n# sent_id = a\n1\tX\tX\tPROPN\tNNP\t_\t0\troot\t_\t_\n\n"
        "# sent_id = b\n# date = 2024-06-19\n1\tY\tY\tPROPN\tNNP\t_\t0\troot\t_\t_\n\n",
        f);
    std::fclose(f);
  }
  Diagnostics diags;
  auto reader = OpenDocumentReader(path, InputFormat::kConllu, &diags);
  ASSERT_TRUE(reader.ok());
  Document doc;
  ASSERT_TRUE(*(*reader)->Next(&doc));
  EXPECT_EQ(doc.date, 20140703);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[0].date, 20140703);
  EXPECT_EQ(doc.sentences[1].date, 20240619);
  EXPECT_TRUE(diags.empty());
}

}  // namespace
}  // namespace thaw
