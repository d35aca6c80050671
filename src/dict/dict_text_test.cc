#include "dict/dict_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace thaw::dict_internal {
namespace {

struct Read {
  std::vector<std::pair<int, std::string>> lines;
  Diagnostics diags;
  Status status;
};

Read ReadAll(std::string_view text, bool strict = false) {
  Read r;
  LoadOptions options;
  options.strict = strict;
  Reporter reporter("t.txt", options, &r.diags);
  LineReader reader(text, &reporter);
  DictLine line;
  while (reader.Next(&line)) r.lines.emplace_back(line.number, std::string(line.text));
  r.status = reporter.status();
  return r;
}

TEST(LineReader, SkipsBlankAndHashCommentLinesKeepingLineNumbers) {
  Read r = ReadAll("# header\n\nABANDON    # pas 15 Jul 2003\r\n\t\n+WAS\n");
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0], (std::pair<int, std::string>{3, "ABANDON"}));
  EXPECT_EQ(r.lines[1], (std::pair<int, std::string>{5, "+WAS"}));
  EXPECT_TRUE(r.diags.empty());
}

TEST(LineReader, HashInsideWordOrCodeIsData) {
  Read r = ReadAll("- * DIPLXMATIC  [###] \n+COACUTE#RDOBA_AND\n+PA'ANGA\n");
  ASSERT_EQ(r.lines.size(), 3u);
  EXPECT_EQ(r.lines[0].second, "- * DIPLXMATIC  [###]");
  EXPECT_EQ(r.lines[1].second, "+COACUTE#RDOBA_AND");
  EXPECT_EQ(r.lines[2].second, "+PA'ANGA");
}

TEST(LineReader, HashAfterBracketOrUnderscoreStartsComment) {
  Read r = ReadAll("\t[ZBW]#jw 9/30/91\n+RAMCIEL___#_LIKELY_TO\n+WEST_PAPUA#_VERY_IFFY_\n");
  ASSERT_EQ(r.lines.size(), 3u);
  EXPECT_EQ(r.lines[0].second, "[ZBW]");
  EXPECT_EQ(r.lines[1].second, "+RAMCIEL___");
  EXPECT_EQ(r.lines[2].second, "+WEST_PAPUA");
}

TEST(LineReader, BlockCommentsSpanLinesAndAcceptMalformedOpener) {
  Read r = ReadAll(
      "<!-- VERSION -->\n"
      "<!-- \n"
      "#  IMPORTANT\n"
      "# -->\n"
      "HAMAS [PSEREBHMS]\n"
      "<! -- NEW ACTORS -->\n"
      "A <!-- inline --> B\n");
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0], (std::pair<int, std::string>{5, "HAMAS [PSEREBHMS]"}));
  EXPECT_EQ(r.lines[1], (std::pair<int, std::string>{7, "A   B"}));
}

TEST(LineReader, DateRestrictionLessThanIsNotACommentOpener) {
  Read r = ReadAll("\t[HOB < 950601]\n");
  ASSERT_EQ(r.lines.size(), 1u);
  EXPECT_EQ(r.lines[0].second, "[HOB < 950601]");
}

TEST(LineReader, UnclosedBlockCommentIsReportedAtItsOpeningLine) {
  Read r = ReadAll("A [X]\n<!-- never closed\nB [Y]\n");
  ASSERT_EQ(r.lines.size(), 1u);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags.items()[0].line, 2);
  EXPECT_NE(r.diags.items()[0].message.find("never closed"), std::string::npos);
}

TEST(LineReader, Latin1BytesAreRepairedAndReportedWithLine) {
  Read r = ReadAll(
      "OK\n+MES\xDB"
      "D_BARZANI\n");
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[1].second,
            "+MES\xEF\xBF\xBD"
            "D_BARZANI");
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags.items()[0].line, 2);
  EXPECT_NE(r.diags.items()[0].message.find("Latin-1"), std::string::npos);
}

TEST(LineReader, ControlCharactersAndExistingReplacementCharsAreReported) {
  Read r = ReadAll("LIAMINE_Z\x1AROUAL_\n+COTE_D\xEF\xBF\xBDIVOIRE_\n");
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0].second, "LIAMINE_Z\xEF\xBF\xBDROUAL_");
  ASSERT_EQ(r.diags.size(), 2u);
  EXPECT_EQ(r.diags.items()[0].line, 1);
  EXPECT_EQ(r.diags.items()[1].line, 2);
  // Repairs keep the data, so they never fail a strict load.
  EXPECT_TRUE(ReadAll("LIAMINE_Z\x1AROUAL_\n", /*strict=*/true).status.ok());
}

TEST(LineReader, LatinOneInsideCommentIsIgnored) {
  Read r = ReadAll("X [Y] # caf\xE9\n");
  EXPECT_TRUE(r.diags.empty());
}

TEST(Reporter, StrictModeKeepsOnlyTheFirstSkippedLine) {
  Diagnostics diags;
  LoadOptions options;
  options.strict = true;
  Reporter reporter("f.txt", options, &diags);
  reporter.Repaired(1, "fixed");
  EXPECT_FALSE(reporter.failed());
  reporter.Skipped(7, "bad line");
  reporter.Skipped(9, "worse line");
  ASSERT_TRUE(reporter.failed());
  EXPECT_EQ(reporter.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(reporter.status().message(), "f.txt:7: bad line");
  EXPECT_EQ(diags.size(), 1u);  // only the repair
}

TEST(SplitPhrase, SplitsOnBlanksAndUnderscoresAndDetectsExact) {
  std::vector<std::string> words;
  EXPECT_TRUE(SplitPhrase("North_korea_", &words));
  EXPECT_EQ(words, (std::vector<std::string>{"NORTH", "KOREA"}));
  words.clear();
  EXPECT_FALSE(SplitPhrase("PRESIDENT HOSNI  MURBARAK", &words));
  EXPECT_EQ(words.size(), 3u);
  words.clear();
  EXPECT_FALSE(SplitPhrase("U.S._KOREA,_(NORTH)_BARAD-DUR_PEOPLES'", &words));
  EXPECT_EQ(words,
            (std::vector<std::string>{"U.S.", "KOREA,", "(NORTH)", "BARAD-DUR", "PEOPLES'"}));
}

}  // namespace
}  // namespace thaw::dict_internal
