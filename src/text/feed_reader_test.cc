// Tests for the RSS and Atom reader: items, the fields they give, and how feeds are told.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/reader.h"
#include "text/readers.h"
#include "text/test_util.h"

namespace thaw {
namespace {

using testing::Dump;
using testing::HasDiagnostic;
using testing::ReadAll;
using testing::TempDir;

const char kRss[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- written by a CMS -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Korea Example Daily</title>
<item>
  <title>North Korea condemns Japan</title>
  <link>https://example.com/a1</link>
  <atom:link rel="self" href="https://example.com/feed"/>
  <guid isPermaLink="false">ex-a1</guid>
  <pubDate>Fri, 03 May 2024 09:30:00 +0900</pubDate>
  <description>&lt;p&gt;Pyongyang condemned Tokyo on Friday.&lt;/p&gt;&lt;p class="share"&gt;Share&lt;/p&gt;</description>
</item>
<item>
  <title>Seoul &amp; Beijing hold talks</title>
  <link>https://example.com/a2</link>
  <dc:date>2024-05-02T08:00:00Z</dc:date>
  <description><![CDATA[A summary.]]></description>
  <content:encoded><![CDATA[<p>South Korea and China held talks.</p><p>Russia praised them.</p>]]></content:encoded>
</item>
<item>
  <title> </title>
</item>
<item>
  <title>No date here</title><pubDate>sometime soon</pubDate>
</item>
</channel>
</rss>
)";

TEST(FeedReader, ReadsEachRssItemAsADocument) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.Write("news.rss", kRss), InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 3u) << Dump(d);
  EXPECT_EQ(docs[0].id, "ex-a1");
  EXPECT_EQ(docs[0].text, "North Korea condemns Japan\n\nPyongyang condemned Tokyo on Friday.");
  EXPECT_EQ(docs[0].title, "North Korea condemns Japan");
  EXPECT_EQ(docs[0].url, "https://example.com/a1");
  EXPECT_EQ(docs[0].source, "Korea Example Daily");
  EXPECT_EQ(docs[0].date, 20240503);
  EXPECT_EQ(docs[0].origin, dir.path() + "/news.rss:7");
  // The full article when the feed has it; the link when there is no guid.
  EXPECT_EQ(docs[1].id, "https://example.com/a2");
  EXPECT_EQ(
      docs[1].text,
      "Seoul & Beijing hold talks\n\nSouth Korea and China held talks.\n\nRussia praised them.");
  EXPECT_EQ(docs[1].date, 20240502);
  EXPECT_EQ(docs[2].id, "news.rss#4");
  EXPECT_EQ(docs[2].date, kNoDate);
  EXPECT_TRUE(HasDiagnostic(d, "news.rss:22: feed item without headline or text")) << Dump(d);
  EXPECT_TRUE(HasDiagnostic(d, "news.rss:25: date 'sometime soon' is not a date")) << Dump(d);
}

TEST(FeedReader, ReadsAtomEntriesAsTheirTypesSay) {
  TempDir dir;
  Diagnostics d;
  const std::string atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Example</title>
  <entry>
    <title type="html">Putin &lt;b&gt;meets&lt;/b&gt; Kim</title>
    <link rel="edit" href="https://example.org/edit/e1"/>
    <link rel="alternate" href="https://example.org/e1"/>
    <id>tag:example.org,2024:a&amp;b</id>
    <updated>2024-06-20T00:00:00Z</updated>
    <published>2024-06-19T10:00:00+09:00</published>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Putin met Kim.</p><p>China praised it.</p></div></content>
  </entry>
  <entry>
    <title>A &lt;plain&gt; title</title>
    <updated>2024-06-21</updated>
    <summary>Japan criticized Russia.</summary>
  </entry>
</feed>
)";
  auto docs = ReadAll(dir.Write("x.atom", atom), InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 2u) << Dump(d);
  EXPECT_TRUE(d.empty()) << Dump(d);
  EXPECT_EQ(docs[0].text, "Putin meets Kim\n\nPutin met Kim.\n\nChina praised it.");
  EXPECT_EQ(docs[0].url, "https://example.org/e1");
  EXPECT_EQ(docs[0].id, "tag:example.org,2024:a&b");
  EXPECT_EQ(docs[0].date, 20240619);  // published before updated
  EXPECT_EQ(docs[0].source, "Atom Example");
  EXPECT_EQ(docs[1].text, "A <plain> title\n\nJapan criticized Russia.");
  EXPECT_EQ(docs[1].date, 20240621);
}

TEST(FeedReader, ReadsRss1Items) {
  TempDir dir;
  Diagnostics d;
  const std::string rdf =
      "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
      "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      "<channel><title>RDF news</title></channel><item><title>Talks</title>"
      "<description>Xi met Kim.</description><dc:date>2019-06-21</dc:date></item></rdf:RDF>";
  auto docs = ReadAll(dir.Write("feed.xml", rdf), InputFormat::kAuto, &d);  // .xml: sniffed
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_EQ(docs[0].text, "Talks\n\nXi met Kim.");
  EXPECT_EQ(docs[0].source, "RDF news");
  EXPECT_EQ(docs[0].date, 20190621);
}

TEST(FeedReader, EncodingsAsTheDeclarationOrTheByteOrderMarkSay) {
  TempDir dir;
  Diagnostics d;
  auto docs = ReadAll(dir.Write("latin.rss",
                                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel>"
                                "<item><title>Caf\xE9 talks</title></item></channel></rss>"),
                      InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_EQ(docs[0].text, "Caf\xC3\xA9 talks");
  // Converted by --encoding already: the declaration no longer holds.
  ReadOptions options;
  options.encoding = "windows-1252";
  docs = ReadAll(dir.path() + "/latin.rss", options, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_EQ(docs[0].text, "Caf\xC3\xA9 talks");
  // UTF-16 with its mark, declared as such.
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss><channel><item>"
                            "<title>Talks</title></item></channel></rss>")) {
    utf16 += c;
    utf16 += '\0';
  }
  docs = ReadAll(dir.Write("wide.rss", utf16), InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_EQ(docs[0].text, "Talks");
}

TEST(FeedReader, ExternalEntitiesAreNotRead) {
  TempDir dir;
  Diagnostics d;
  const std::string secret = dir.Write("secret.txt", "TOPSECRET");
  const std::string rss = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file://" +
                          secret +
                          "\">]><rss><channel><item><title>Leak &x; here</title>"
                          "<description>Kim met Putin.</description></item></channel></rss>";
  auto docs = ReadAll(dir.Write("evil.rss", rss), InputFormat::kAuto, &d);
  ASSERT_EQ(docs.size(), 1u) << Dump(d);
  EXPECT_EQ(docs[0].text.find("TOPSECRET"), std::string::npos) << docs[0].text;
}

TEST(FeedReader, RootElementSkipsDeclarationsCommentsAndDoctypes) {
  EXPECT_EQ(RootElement("<?xml version=\"1.0\"?>\n<!-- x -->\n<rss version=\"2.0\">"), "rss");
  EXPECT_EQ(RootElement("<!DOCTYPE html><html>"), "html");
  EXPECT_EQ(RootElement("<!DOCTYPE rss SYSTEM \"x\"><rss>"), "rss");
  EXPECT_EQ(RootElement("<rdf:RDF xmlns:rdf=\"...\">"), "rdf:RDF");
  EXPECT_EQ(RootElement("<Sentences>"), "Sentences");
  EXPECT_EQ(RootElement("<?xml version=\"1.0\"?>"), "");  // cut off before the root
  EXPECT_EQ(RootElement("<!-- never closed"), "");
  EXPECT_EQ(RootElement("<fee"), "");
  EXPECT_EQ(SniffFormat("<?xml version=\"1.0\"?><feed xmlns=\"x\">"), InputFormat::kFeed);
  EXPECT_EQ(SniffFormat("<?xml version=\"1.0\"?><Sentences>"), InputFormat::kPetrarchXml);
}

}  // namespace
}  // namespace thaw
