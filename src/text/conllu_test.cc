#include "text/conllu.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace thaw {
namespace {

// Builds a sentence from token lines; returns Finish()'s result.
bool Build(const std::vector<std::string>& lines, Sentence* s, std::string* error = nullptr) {
  ConlluBuilder b;
  b.Begin(s);
  std::string err;
  bool ok = true;
  int line_no = 1;
  for (const std::string& l : lines) {
    if (!b.AddLine(l, line_no++, &err)) ok = false;
  }
  int bad_line = 0;
  std::string finish_err;
  if (!b.Finish(&finish_err, &bad_line)) ok = false;
  if (error != nullptr) *error = err.empty() ? finish_err : err;
  if (s->text.empty()) s->text = b.surface();
  return ok;
}

TEST(ConlluBuilder, FillsColumnsAndConvertsHeadsToZeroBasedWithRootMinusOne) {
  Sentence s;
  ASSERT_TRUE(Build({"1\tArnor\tArnor\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_",
                     "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No",
                     "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_"},
                    &s));
  ASSERT_TRUE(s.has_parse);
  ASSERT_EQ(s.tokens.size(), 3u);
  EXPECT_EQ(s.Form(0), "Arnor");
  EXPECT_EQ(s.Lemma(1), "leave");
  EXPECT_EQ(s.Upos(1), "VERB");
  EXPECT_EQ(s.Xpos(0), "NNP");
  EXPECT_EQ(s.Deprel(2), "punct");
  EXPECT_EQ(s.tokens[0].head, 1);
  EXPECT_EQ(s.tokens[1].head, -1);
  EXPECT_EQ(s.tokens[2].head, 1);
  EXPECT_EQ(s.text, "Arnor left.");  // rebuilt, honouring SpaceAfter=No
}

TEST(ConlluBuilder, SkipsMultiwordRangesAndEmptyNodesButUsesTheSurfaceForm) {
  Sentence s;
  ASSERT_TRUE(Build({"1-2\tGoogle's\t_\t_\t_\t_\t_\t_\t_\t_",
                     "1\tGoogle\tGoogle\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_",
                     "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_",
                     "3\tlead\tlead\tNOUN\tNN\t_\t0\troot\t_\t_",
                     "3.1\tis\tbe\tAUX\t_\t_\t_\t_\t3:cop\t_"},
                    &s));
  ASSERT_EQ(s.tokens.size(), 3u);
  EXPECT_EQ(s.Form(1), "'s");
  EXPECT_EQ(s.tokens[0].head, 2);
  EXPECT_EQ(s.text, "Google's lead");
}

TEST(ConlluBuilder, WrongColumnCountFailsOnceAndDropsTheTokens) {
  Sentence s;
  std::string error;
  EXPECT_FALSE(Build({"1\tA\tA\tX\tX\t_\t0\troot\t_\t_", "2 B B X X _ 1 dep _ _",
                      "3\tC\tC\tX\tX\t_\t1\tdep"},
                     &s, &error));
  EXPECT_NE(error.find("expected 10 tab-separated CoNLL-U columns, found 1"), std::string::npos);
  EXPECT_NE(error.find("tabs, not spaces"), std::string::npos);
  EXPECT_FALSE(s.has_parse);
  EXPECT_TRUE(s.tokens.empty());
  EXPECT_EQ(s.text, "A C") << "forms of lines with columns still rebuild the text";
}

TEST(ConlluBuilder, NonNumericHeadFails) {
  Sentence s;
  std::string error;
  EXPECT_FALSE(Build({"1\tA\tA\tX\tX\t_\tx\troot\t_\t_"}, &s, &error));
  EXPECT_NE(error.find("head 'x' of token 1 is not a number"), std::string::npos);
}

TEST(ConlluBuilder, HeadOutOfRangeFailsAtFinishWithItsLine) {
  ConlluBuilder b;
  Sentence s;
  b.Begin(&s);
  std::string error;
  ASSERT_TRUE(b.AddLine("1\tA\tA\tX\tX\t_\t0\troot\t_\t_", 10, &error));
  ASSERT_TRUE(b.AddLine("2\tB\tB\tX\tX\t_\t7\tdep\t_\t_", 11, &error));
  int line = 0;
  EXPECT_FALSE(b.Finish(&error, &line));
  EXPECT_EQ(line, 11);
  EXPECT_NE(error.find("head 7 of token 2 is out of range"), std::string::npos);
  EXPECT_FALSE(s.has_parse);
  EXPECT_TRUE(s.tokens.empty());
}

TEST(ConlluBuilder, SelfHeadedTokenFails) {
  Sentence s;
  std::string error;
  EXPECT_FALSE(Build({"1\tA\tA\tX\tX\t_\t1\troot\t_\t_"}, &s, &error));
  EXPECT_NE(error.find("its own head"), std::string::npos);
}

TEST(ConlluBuilder, OutOfSequenceIdSuggestsAMissingBlankLine) {
  Sentence s;
  std::string error;
  EXPECT_FALSE(Build({"1\tA\tA\tX\tX\t_\t0\troot\t_\t_", "1\tB\tB\tX\tX\t_\t0\troot\t_\t_"}, &s,
                     &error));
  EXPECT_NE(error.find("blank line missing"), std::string::npos);
}

TEST(ConlluBuilder, AllUnderscoreHeadsMeanTokensWithoutParse) {
  Sentence s;
  ASSERT_TRUE(Build({"1\tHello\t_\t_\t_\t_\t_\t_\t_\t_", "2\tworld\t_\t_\t_\t_\t_\t_\t_\t_"}, &s));
  EXPECT_FALSE(s.has_parse);
  ASSERT_EQ(s.tokens.size(), 2u);
  EXPECT_EQ(s.tokens[1].head, -1);
}

TEST(ConlluBuilder, MixedUnderscoreAndNumericHeadsFail) {
  Sentence s;
  std::string error;
  EXPECT_FALSE(Build({"1\tA\tA\tX\tX\t_\t0\troot\t_\t_", "2\tB\tB\tX\tX\t_\t_\tdep\t_\t_"}, &s,
                     &error));
  EXPECT_NE(error.find("head '_'"), std::string::npos);
}

TEST(AlignTokens, FindsEachFormInTheTextAndSkipsUnmatchedOnes) {
  Sentence s;
  ASSERT_TRUE(Build({"1\t-LRB-\t(\tPUNCT\t-LRB-\t_\t2\tpunct\t_\t_",
                     "2\tGoogle\tGoogle\tPROPN\tNNP\t_\t0\troot\t_\t_",
                     "3\t's\t's\tPART\tPOS\t_\t2\tcase\t_\t_"},
                    &s));
  s.text = "(Google's";
  AlignTokens(&s);
  EXPECT_EQ(s.tokens[0].char_begin, kNoOffset);
  EXPECT_EQ(s.tokens[1].char_begin, 1u);
  EXPECT_EQ(s.tokens[1].char_end, 7u);
  EXPECT_EQ(s.tokens[2].char_begin, 7u);
  EXPECT_EQ(s.tokens[2].char_end, 9u);
}

}  // namespace
}  // namespace thaw
