#include "text/xml_scanner.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace thaw {
namespace {

using Token = XmlScanner::Token;

// Renders the token stream compactly: <name a=v>, </name>, "text" (blank text dropped).
std::string Render(const std::string& input, Diagnostics* diags, bool hash_is_text = false) {
  auto src = ByteSource::FromString(input, "mem.xml");
  XmlScanner scanner(src.get(), diags);
  scanner.set_hash_lines_are_text(hash_is_text);
  std::string out;
  for (Token t = scanner.Next(); t != Token::kEnd; t = scanner.Next()) {
    if (t == Token::kStartTag) {
      out += "<" + scanner.name();
      for (size_t i = 0; i < scanner.attr_count(); ++i) out += " " + scanner.attr_value(i);
      out += scanner.self_closing() ? "/>" : ">";
    } else if (t == Token::kEndTag) {
      out += "</" + scanner.name() + ">";
    } else if (scanner.text().find_first_not_of(" \n") != std::string::npos) {
      out += "\"" + scanner.text() + "\"";
    }
  }
  return out;
}

TEST(XmlScanner, ScansTagsAttributesAndText) {
  Diagnostics d;
  EXPECT_EQ(Render("<A x=\"1\" y='2' z=3>hi</A><B/>", &d), "<A 1 2 3>\"hi\"</A><B/>");
  EXPECT_TRUE(d.empty());
}

TEST(XmlScanner, AttributeLookupIgnoresCaseAndKeepsEntitiesRaw) {
  Diagnostics d;
  auto src = ByteSource::FromString("<EventCoding SourceCode=\"&quot;A&quot;\"/>", "m");
  XmlScanner s(src.get(), &d);
  ASSERT_EQ(s.Next(), Token::kStartTag);
  EXPECT_TRUE(s.NameIs("eventcoding"));
  ASSERT_NE(s.Attr("sourcecode"), nullptr);
  EXPECT_EQ(*s.Attr("sourcecode"), "&quot;A&quot;");
  EXPECT_EQ(s.Attr("targetcode"), nullptr);
}

TEST(XmlScanner, CommentsAreSkippedEvenWhenTheyHoldTags) {
  Diagnostics d;
  EXPECT_EQ(Render("<!-- <Sentence id=\"X\"> -- --><A/><!--Stop></Stop-->", &d), "<A/>");
}

TEST(XmlScanner, HashLinesAreSkippedUnlessMarkedAsText) {
  Diagnostics d;
  EXPECT_EQ(Render("# header with <Sentence> inside\n<A/>\n#x\n", &d), "<A/>");
  EXPECT_EQ(Render("#1 priority\n", &d, /*hash_is_text=*/true), "\"#1 priority\n\"");
  // Only at the start of a line.
  EXPECT_EQ(Render("a #b", &d), "\"a #b\"");
}

TEST(XmlScanner, DeclarationsAndProcessingInstructionsAreSkipped) {
  Diagnostics d;
  EXPECT_EQ(Render("<?xml version='1.0'?><!DOCTYPE x><A/>", &d), "<A/>");
}

TEST(XmlScanner, StrayLessThanIsText) {
  Diagnostics d;
  EXPECT_EQ(Render("<T>a < b <3</T>", &d), "<T>\"a \"\"< b \"\"<3\"</T>");
}

TEST(XmlScanner, CdataContentIsText) {
  Diagnostics d;
  EXPECT_EQ(Render("<T><![CDATA[x <y> z]]></T>", &d), "<T>\"x <y> z\"</T>");
}

TEST(XmlScanner, MissingQuoteClosesTheTagAtTheNextTag) {
  Diagnostics d;
  EXPECT_EQ(Render("<A x=\"1 />\n<B y=\"2\"/>", &d), "<A 1 />\n><B 2/>");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].line, 1);
  EXPECT_NE(d.items()[0].message.find("no closing quote"), std::string::npos);
}

TEST(XmlScanner, MissingGreaterThanClosesTheTagAtTheNextTag) {
  Diagnostics d;
  EXPECT_EQ(Render("<A x=\"1\"\n<B/>", &d), "<A 1><B/>");
  EXPECT_EQ(d.size(), 1u);
}

TEST(XmlScanner, InputEndingInsideACommentIsReportedAtItsStart) {
  Diagnostics d;
  auto src = ByteSource::FromString("<A/>\n<!-- never closed\n\n", "mem.xml");
  XmlScanner s(src.get(), &d);
  EXPECT_EQ(s.Next(), Token::kStartTag);
  while (s.Next() != Token::kEnd) {
  }
  EXPECT_TRUE(s.truncated());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].ToString(),
            "mem.xml:2: input ends inside a <!-- comment that begins here; is the file cut off?");
}

TEST(XmlScanner, InputEndingInsideATagEndsTheStream) {
  Diagnostics d;
  auto src = ByteSource::FromString("<A/><Sentence id=\"X\" da", "mem.xml");
  XmlScanner s(src.get(), &d);
  EXPECT_EQ(s.Next(), Token::kStartTag);
  EXPECT_EQ(s.Next(), Token::kEnd);
  EXPECT_TRUE(s.truncated());
  EXPECT_EQ(s.Next(), Token::kEnd);
}

TEST(XmlScanner, TokensCarryTheirStartLine) {
  Diagnostics d;
  auto src = ByteSource::FromString("\n<A>\ntext</A>", "m");
  XmlScanner s(src.get(), &d);
  ASSERT_EQ(s.Next(), Token::kText);
  ASSERT_EQ(s.Next(), Token::kStartTag);
  EXPECT_EQ(s.line(), 2);
  ASSERT_EQ(s.Next(), Token::kText);
  EXPECT_EQ(s.line(), 2);
  ASSERT_EQ(s.Next(), Token::kEndTag);
  EXPECT_EQ(s.line(), 3);
}

}  // namespace
}  // namespace thaw
