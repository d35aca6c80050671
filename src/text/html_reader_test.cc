// Tests for the web page reader: what text is kept, the metadata, encodings, odd pages.

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

// A news page as sites serve it: menus, a share bar, an ad and related stories around the
// story, which is in an <article> inside <main> with its headline outside.
const char kNewsPage[] = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Seoul, Tokyo agree to resume talks | The Daily Example</title>
<meta property="og:title" content="Seoul, Tokyo agree to resume talks">
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-05-03T09:30:00+09:00">
<link rel="canonical" href="https://example.com/2024/05/03/seoul-tokyo">
<style>p { color: red; }</style>
<script>var teaser = "<p>Not text.</p>";</script>
</head>
<body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="breadcrumb">Home &gt; World &gt; Asia</div>
<main>
<h1>Seoul, Tokyo agree
  to resume talks</h1>
<div class="share-buttons"><a>Facebook</a> <a>X</a></div>
<article class="story">
<p>South Korea and Japan agreed on Friday to resume talks, officials said.</p>
<p>The decision came after <b>Cho Tae-yul</b> met his counterpart.<br>&ldquo;We will work
   together,&rdquo; Cho told reporters.</p>
<div class="ad-slot">Advertisement</div>
<p hidden>Hidden text.</p>
<p style="display: none">Also hidden.</p>
<figure><img src="x.jpg"><figcaption>Cho, left, shakes hands.</figcaption></figure>
</article>
<aside><h2>Related</h2><article><a>China warns U.S.</a></article></aside>
</main>
<footer><p>&copy; 2024 The Daily Example. All rights reserved.</p></footer>
</body>
</html>
)";

TEST(HtmlReader, KeepsTheStoryAndItsMetadata) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.Write("seoul.html", kNewsPage), InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_TRUE(d.empty()) << Dump(d);
  const Document& doc = docs[0];
  EXPECT_EQ(doc.id, "seoul.html");
  EXPECT_EQ(doc.text,
            "Seoul, Tokyo agree to resume talks\n\n"
            "South Korea and Japan agreed on Friday to resume talks, officials said.\n\n"
            "The decision came after Cho Tae-yul met his counterpart.\n"
            "\xE2\x80\x9CWe will work together,\xE2\x80\x9D Cho told reporters.\n\n"
            "Cho, left, shakes hands.");
  EXPECT_EQ(doc.title, "Seoul, Tokyo agree to resume talks");
  EXPECT_EQ(doc.source, "The Daily Example");
  EXPECT_EQ(doc.url, "https://example.com/2024/05/03/seoul-tokyo");
  EXPECT_EQ(doc.date, 20240503);
  EXPECT_FALSE(doc.date_inferred);
  EXPECT_EQ(doc.origin, dir.path() + "/seoul.html:1");
}

TEST(HtmlReader, TheHeadlineIsTheStorysOwnOrTheLongestH1) {
  TempDir dir;
  Diagnostics d;
  // A logo in an <h1>, and the story's own headline inside the article: only the latter.
  auto docs = ReadAll(
      dir.Write("own.html",
                "<html><body><header><h1>Daily</h1></header><article><h1>Talks resume in "
                "Seoul</h1><p>South Korea and Japan resumed talks on Friday, officials said, "
                "after a pause of five years.</p></article></body></html>"),
      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_EQ(docs[0].text,
            "Talks resume in Seoul\n\nSouth Korea and Japan resumed talks on Friday, officials "
            "said, after a pause of five years.");
  // Both outside the article: the longer one.
  docs = ReadAll(dir.Write("outside.html",
                           "<html><body><h1>Daily</h1><main><h1>Talks resume in Seoul</h1>"
                           "<article><p>South Korea and Japan resumed talks on Friday, officials "
                           "said, after a pause of five years.</p></article></main></body></html>"),
                 InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_EQ(docs[0].text.substr(0, 23), "Talks resume in Seoul\n\n");
}

TEST(HtmlReader, ATeaserArticleIsNotTakenForTheStory) {
  TempDir dir;
  Diagnostics d;
  const std::string page =
      "<html><head><title>Talks</title></head><body><div id=\"content\">"
      "<p>Russia and China held talks in Beijing on Tuesday, the foreign ministry said.</p>"
      "<p>The two sides discussed trade and security for three hours.</p></div>"
      "<article class=\"card\"><p>Read next: markets</p></article></body></html>";
  auto docs = ReadAll(dir.Write("p.htm", page), InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_NE(docs[0].text.find("Russia and China held talks"), std::string::npos) << docs[0].text;
  EXPECT_EQ(docs[0].title, "Talks");
  EXPECT_EQ(docs[0].date, kNoDate);
}

TEST(HtmlReader, NamesSkipBoilerplateButNeverWhatHoldsTheStory) {
  TempDir dir;
  Diagnostics d;
  const std::string page =
      "<html><body class=\"nav-open has-menu\"><div class=\"layout sidebar-left\">"
      "<h1>Talks resume</h1><p>Seoul and Tokyo resumed talks.<br><br>Beijing welcomed it.</p>"
      "<section id=\"comments\"><p>First!</p></section>"
      "<ul class=\"social-share\"><li>Share</li></ul></div></body></html>";
  auto docs = ReadAll(dir.Write("names.html", page), InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_EQ(docs[0].text, "Talks resume\n\nSeoul and Tokyo resumed talks.\n\nBeijing welcomed it.");
}

TEST(HtmlReader, DatesFromJsonLdAndTimeElements) {
  TempDir dir;
  Diagnostics d;
  const std::string ld =
      "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
      "\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"NewsArticle\",\"datePublished\":"
      "\"2019-06-21T10:00:00+08:00\"}]}</script></head><body><p>Xi met Kim.</p></body></html>";
  const std::string time =
      "<html><body><article><time datetime=\"not a date\">today</time> "
      "<time datetime=\"2018-04-27\">April 27</time><p>Moon met Kim.</p></article></body></html>";
  auto docs = ReadAll(dir.Write("ld.html", ld), InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_EQ(docs[0].date, 20190621);
  docs = ReadAll(dir.Write("time.html", time), InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_EQ(docs[0].date, 20180427);
  EXPECT_EQ(docs[0].text, "today April 27\n\nMoon met Kim.");
}

TEST(HtmlReader, APageInALegacyEncodingIsReadAsItsMetaSays) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.Write("old.html",
                                "<html><head><meta http-equiv=\"Content-Type\" "
                                "content=\"text/html; charset=windows-1252\"></head>"
                                "<body><p>China\x92s caf\xE9.</p></body></html>"),
                      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_TRUE(d.empty()) << Dump(d);
  EXPECT_EQ(docs[0].text, "China\xE2\x80\x99s caf\xC3\xA9.");
  // Converted by --encoding already: the meta no longer holds.
  ReadOptions options;
  options.encoding = "windows-1252";
  docs = ReadAll(dir.path() + "/old.html", options, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_EQ(docs[0].text, "China\xE2\x80\x99s caf\xC3\xA9.");
}

TEST(HtmlReader, WebPagesUnderOtherNamesAreTold) {
  TempDir dir;
  Diagnostics d;
  const std::string page = "\n<!doctype html><html><body><p>Putin met Xi.</p></body></html>";
  for (const char* name : {"saved.txt", "noext"}) {
    auto docs = ReadAll(dir.Write(name, page), InputFormat::kAuto, &d);
    ASSERT_EQ(docs.size(), 1u) << name << Dump(d);
    EXPECT_EQ(docs[0].text, "Putin met Xi.") << name;
  }
  // Named as text, it is text.
  auto docs = ReadAll(dir.Write("saved.txt", page), InputFormat::kText, &d);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].text.find("<p>"), std::string::npos);
}

TEST(HtmlReader, PagesWithoutTextAreReportedAndDeepNestingIsSafe) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.Write("empty.html", "<html><body><script>x()</script></body></html>"),
                      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(HasDiagnostic(d, "no article text in the page")) << Dump(d);
  std::string deep = "<html><body>";
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  deep += "Deep.</body></html>";
  docs = ReadAll(dir.Write("deep.html", deep), InputFormat::kAuto, &d);
  EXPECT_EQ(docs.size(), 1u);  // what libxml2 keeps of it; no crash
}

}  // namespace
}  // namespace thaw
