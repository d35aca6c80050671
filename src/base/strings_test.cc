#include "base/strings.h"

#include <gtest/gtest.h>

namespace thaw {
namespace {

TEST(Strings, EqualsLowerAsciiIgnoresTheCaseOfTheFirstArgument) {
  EXPECT_TRUE(EqualsLowerAscii("About", "about"));
  EXPECT_TRUE(EqualsLowerAscii("ABOUT", "about"));
  EXPECT_FALSE(EqualsLowerAscii("abouts", "about"));
  EXPECT_FALSE(EqualsLowerAscii("abaut", "about"));
  EXPECT_TRUE(EqualsLowerAscii("", ""));
}

TEST(Strings, TrimRemovesAsciiWhitespaceOnly) {
  EXPECT_EQ(Trim("  a b\t\r\n"), "a b");
  EXPECT_EQ(Trim(""), "");
}

TEST(Strings, SplitWhitespaceDropsEmptyPieces) {
  auto v = SplitWhitespace("  A  B\tC ");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[2], "C");
}

TEST(Strings, Utf8ValidationRejectsLatin1AndOverlongs) {
  EXPECT_TRUE(IsValidUtf8("Mes\xC3\xBB" "d"));
  EXPECT_FALSE(IsValidUtf8("Mes\xDB" "d"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));
  EXPECT_EQ(RepairUtf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
}

TEST(Strings, XmlEntitiesDecodeAndUnknownOnesSurvive) {
  EXPECT_EQ(DecodeXmlEntities("&quot;A&amp;B&quot; &#65;&#x42; &foo;"), "\"A&B\" AB &foo;");
  EXPECT_EQ(DecodeXmlEntities("a & b"), "a & b");
}

TEST(Strings, JsonEscapingHandlesControlCharacters) {
  std::string out;
  AppendJsonEscaped("a\"b\n\x01", &out);
  EXPECT_EQ(out, "a\\\"b\\n\\u0001");
}

TEST(Strings, CodePointCounterCountsCharactersInAnyOrder) {
  // "Kim’s" has a three-byte apostrophe, "Pyongyang—" a three-byte dash, "é" two bytes.
  const std::string text = "Kim\u2019s café in Pyongyang\u2014closed";
  CodePointCounter chars(text);
  EXPECT_EQ(chars.At(0), 0u);
  EXPECT_EQ(chars.At(text.find('s')), 4u);  // after the apostrophe: 4 characters
  EXPECT_EQ(chars.At(text.find(" in")), 10u);  // "Kim’s café" is 10 characters
  EXPECT_EQ(chars.At(text.find("closed")), 24u);  // back and forth give the same answers
  EXPECT_EQ(chars.At(text.find('s')), 4u);
  EXPECT_EQ(chars.At(text.size() + 10), 30u);  // clamped to the end
  EXPECT_EQ(chars.At(3), 3u);
}

TEST(Strings, CountOfAddsAnSExceptForOne) {
  EXPECT_EQ(CountOf(0, "event"), "0 events");
  EXPECT_EQ(CountOf(1, "document"), "1 document");
  EXPECT_EQ(CountOf(2, "near-duplicate"), "2 near-duplicates");
}

TEST(AppendOneLine, EveryLineBreakOfPythonAndRBecomesOneSpace) {
  std::string out = "x";
  AppendOneLine("a\tb\nc\rd\x0B\x0C\x1C\x1D\x1E\x7F\xC2\x85\xE2\x80\xA8\xE2\x80\xA9!", &out);
  EXPECT_EQ(out, "xa b c d         !");  // nine characters, nine spaces
  out.clear();
  AppendOneLine("S\xC3\xA9oul \xE2\x80\x94 \xC2", &out);  // other characters, a cut one
  EXPECT_EQ(out, "S\xC3\xA9oul \xE2\x80\x94 \xC2");
}

}  // namespace
}  // namespace thaw
