// Tests for BlankBoilerplate: each rule on small hand-written pages, the "never blank a
// running sentence" guard, offset preservation, the readers' wiring, and the real pages
// (THAW_SHARED_DIR/seeds, skipped when absent; THAW_SOURCE_DIR/examples/demo/raw).

#include "text/clean.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/strings.h"
#include "text/reader.h"
#include "text/test_util.h"

namespace thaw {
namespace {

using ::thaw::testing::ReadAll;
using ::thaw::testing::TempDir;

// The trimmed non-blank lines of `text`.
std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view line : Split(text, '\n')) {
    line = Trim(line);
    if (!line.empty()) out.emplace_back(line);
  }
  return out;
}

// The characters of a UTF-8 text, each as its bytes (a byte that starts no character goes
// with the one before it, as the cleaner and CodePointCounter count).
std::vector<std::string_view> Characters(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < text.size();) {
    size_t j = i + 1;
    while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
    out.push_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

// Checks that `text` is `page` with some characters turned into one space each, never a line
// break; returns how many (0 after a failed check).
size_t CheckBlanked(const std::string& page, const std::string& text) {
  const auto before = Characters(page), after = Characters(text);
  EXPECT_EQ(before.size(), after.size()) << page;
  if (before.size() != after.size()) return 0;
  size_t changed = 0;
  for (size_t i = 0; i < before.size(); ++i) {
    if (before[i] == after[i]) continue;
    ++changed;
    EXPECT_EQ(after[i], " ") << "character " << i << " became something other than a space";
    EXPECT_TRUE(before[i] != "\n" && before[i] != "\r") << "line break at " << i << " removed";
  }
  return changed;
}

// The lines of `page` that survive cleaning; checks offsets survive too.
std::vector<std::string> Kept(const std::string& page) {
  std::string text = page;
  BlankBoilerplate(&text);
  CheckBlanked(page, text);
  return Lines(text);
}

// The lines of `page` that cleaning removes.
std::vector<std::string> Removed(const std::string& page) {
  std::string text = page;
  BlankBoilerplate(&text);
  std::vector<std::string> out;
  const std::vector<std::string_view> before = Split(page, '\n'), after = Split(text, '\n');
  for (size_t i = 0; i < before.size() && i < after.size(); ++i) {
    if (!Trim(before[i]).empty() && Trim(after[i]).empty()) out.emplace_back(Trim(before[i]));
  }
  return out;
}

using Strings = std::vector<std::string>;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Clean, KeepsLengthInCharactersLineBreaksAndEveryKeptCharacter) {
  const std::string page =
      "Kim visits Seoul\r\nSkip to content\r\nHome \u203A World \u203A Asia\r\n\r\n"
      "Kim Jong-un\u2019s train arrived in Seoul on Monday.\r\nAdvertisement\r\n"
      "\u00A9 2024 Wire";
  std::string text = page;
  const CleanStats stats = BlankBoilerplate(&text);
  EXPECT_EQ(stats.lines_removed, 4u);
  // "›" and "©" are one character each (three and two bytes): each becomes one space.
  EXPECT_EQ(stats.chars_removed, std::string("SkiptocontentHome>World>AsiaAdvertisement").size() +
                                     std::string("c2024Wire").size());
  EXPECT_EQ(CheckBlanked(page, text), stats.chars_removed);
  EXPECT_EQ(text.size(), page.size() - 2 * 2 - 1);
  // So a character offset into the cleaned text is one into the page (Python's str.find).
  CodePointCounter in_page(page), in_text(text);
  EXPECT_EQ(in_text.At(text.find("Kim Jong-un")), in_page.At(page.find("Kim Jong-un")));
  EXPECT_EQ(in_text.At(text.find("train")), in_page.At(page.find("train")));
  EXPECT_EQ(Lines(text), (Strings{"Kim visits Seoul",
                                   "Kim Jong-un\u2019s train arrived in Seoul on Monday."}));
}

TEST(Clean, EmptyAndCleanTextAreUntouched) {
  std::string empty;
  EXPECT_EQ(BlankBoilerplate(&empty).lines_removed, 0u);
  std::string clean = "Seoul and Beijing met.\n\nThey agreed to talk again.\n";
  const std::string copy = clean;
  const CleanStats stats = BlankBoilerplate(&clean);
  EXPECT_EQ(clean, copy);
  EXPECT_EQ(stats.lines_removed, 0u);
  EXPECT_EQ(stats.chars_removed, 0u);
}

TEST(Clean, IsIdempotent) {
  std::string text =
      "Kim visits Seoul\nBack To Top\nKim visits Seoul\n\nKim arrived on Monday.\nRelated "
      "stories\nA headline\n\nMoon met him.\n";
  BlankBoilerplate(&text);
  const std::string once = text;
  EXPECT_EQ(BlankBoilerplate(&text).lines_removed, 0u);
  EXPECT_EQ(text, once);
}

TEST(Clean, RemovesNavigationWidgetsAndPrompts) {
  const Strings boilerplate = {
      "Back To Top",
      "Back to top",
      "Skip to content",
      "Skip to main content",
      "Menu  Search  Subscribe",
      "Sign in | Register",
      "Share this article",
      "Share on Facebook",
      "Facebook Twitter Email",
      "Sign in to comment",
      "Subscribe",
      "Advertisement",
      "Continue reading below",
      "Read more",
      "Read more: Kim and Putin hold first summit",
      "3 min read",
      "print dictionary print",
      "lock icon",
      "help-image Social comment?",
      "To write comments, please log in to one of the accounts.",
      "Follow us",
      "Follow us on Twitter.",
      "Click here to subscribe.",
      "Sign up for our newsletter",
      "Subscribe to our newsletter to get the latest news.",
      "Get the latest news delivered to your inbox",
  };
  for (const std::string& line : boilerplate) {
    const std::string page = "Kim visits Seoul\n\n" + line + "\n\nKim arrived on Monday.\n";
    EXPECT_EQ(Kept(page), (Strings{"Kim visits Seoul", "Kim arrived on Monday."})) << line;
  }
}

TEST(Clean, RemovesCookiePrivacyAndCopyrightLines) {
  const Strings boilerplate = {
      "Terms | Privacy | Cookies",
      "Privacy Policy",
      "Terms of Use | Privacy Policy | Contact",
      "Cookie settings",
      "We use cookies to improve your experience on our site.",
      "By using this site, you agree to our Terms of Use.",
      "All rights reserved.",
      "\u00A9 2019 Northeast Asia Wire (fictional). All rights reserved.",
      "\u00A9 2020 Northeast Asia Wire (fictional)",
      "(c) 2021 Korea Herald",
      "Copyright 2019 The Korea Herald. All rights reserved.",
      "Copyright \u00A9 Korea JoongAng Daily",
      "Copyright",
  };
  for (const std::string& line : boilerplate) {
    const std::string page = "Kim visits Seoul\n\nKim arrived on Monday.\n" + line + "\n";
    EXPECT_EQ(Kept(page), (Strings{"Kim visits Seoul", "Kim arrived on Monday."})) << line;
  }
}

TEST(Clean, RemovesBreadcrumbs) {
  const Strings crumbs = {"Home > World > Asia", "Home > World > Asia > Korean Peninsula",
                          "Home \u00BB Opinion", "Home | News | Politics",
                          "Home / North Korea",  "News \u203A World \u203A Asia-Pacific",
                          "World > Europe"};
  for (const std::string& line : crumbs) {
    EXPECT_EQ(Removed("Kim visits Seoul\n" + line + "\nKim arrived on Monday.\n"), (Strings{line}));
  }
}

TEST(Clean, RemovesBylinesAndDatelines) {
  const Strings lines = {"By Staff Reporter | Updated",
                         "By Staff Reporter | Updated 16 Jun 2020",
                         "By Song Sang-ho (sshluck@heraldcorp.com)",
                         "By Song Sang-ho (",
                         "By Kim Soo-yeon and Park Min-ji",
                         "BY JOHN SMITH, Staff Writer",
                         "21 June 2019",
                         "Updated: June 21, 2019 10:30 KST",
                         "Published Tuesday 16 June 2020"};
  for (const std::string& line : lines) {
    EXPECT_EQ(Removed("Kim visits Seoul\n" + line + "\n\nKim arrived on Monday.\n"),
              (Strings{line}));
  }
}

TEST(Clean, RemovesCommentCountersAndJunkLines) {
  EXPECT_EQ(
      Removed("Kim visits Seoul\n\nKim arrived.\ns\n|\n***\n\u2014\n"
              "Standards Board Policy (0/250\uC790)\n(0/500)\n"),
      (Strings{"s", "|", "***", "\u2014", "Standards Board Policy (0/250\uC790)", "(0/500)"}));
}

TEST(Clean, KeepsALoneRepairedByteOrCjkCharacter) {
  // U+FFFD marks a byte the reader repaired; its UTF-8 diagnostic points at that line.
  EXPECT_EQ(Removed("ok\n\uFFFD\n\uAE40\n"), Strings{});
}

TEST(Clean, RemovesTheWrappedRestOfARemovedPrompt) {
  EXPECT_EQ(Removed("Kim arrived.\nLog in to Twitter or Facebook account to connect\n"
                    "with the Korea JoongAng Daily\nhelp-image Social comment?\n"),
            (Strings{"Log in to Twitter or Facebook account to connect",
                     "with the Korea JoongAng Daily", "help-image Social comment?"}));
  // Only right after a removed line: a lower-case line after a kept one stays.
  EXPECT_EQ(Removed("Kim arrived in Seoul\nwith his sister\n"), Strings{});
}

TEST(Clean, RemovesARelatedBlockUpToTheNextParagraph) {
  const std::string page =
      "Kim visits Seoul\n\nKim arrived on Monday.\n\nRelated stories\n"
      "Kim Jong-un ends fourth visit to China\nTrump and Kim summit in Hanoi ends without deal\n"
      "\nOn Friday, Xi and Kim visited the Friendship Tower.\nA short subhead\n";
  EXPECT_EQ(Removed(page), (Strings{"Related stories", "Kim Jong-un ends fourth visit to China",
                                    "Trump and Kim summit in Hanoi ends without deal"}));
  for (const std::string header : {"Related articles", "RELATED ARTICLES:", "More from Opinion",
                                   "Most read", "You may also like"}) {
    EXPECT_EQ(Removed("Kim arrived.\n\n" + header + "\nMoon meets Kim\n\nKim left.\n"),
              (Strings{header, "Moon meets Kim"}))
        << header;
  }
}

TEST(Clean, RemovesARelatedBlockAtTheEndOfThePage) {
  EXPECT_EQ(Kept("Kim arrived on Monday.\n\nShare this article\nMost read\nBack to top\n"
                 "Kim and Putin hold first summit in Vladivostok\n"),
            (Strings{"Kim arrived on Monday."}));
}

TEST(Clean, RemovesExactRepeatsKeepingTheFirst) {
  const std::string page =
      "A good time to boost relations with China\n\nHome > Opinion > Editorials\n\n"
      "A good time to boost relations with China\n\nThe rift widened.\n\n  The rift widened.\n";
  EXPECT_EQ(Kept(page),
            (Strings{"A good time to boost relations with China", "The rift widened."}));
  EXPECT_EQ(Removed(page),
            (Strings{"Home > Opinion > Editorials", "A good time to boost relations with China",
                     "The rift widened."}));
  EXPECT_EQ(Kept(page.substr(0, page.find("\n\nHome"))), (Strings{"A good time to boost "
                                                                  "relations with China"}));
}

TEST(Clean, KeepsHeadlineSubheadsAndQuotes) {
  const std::string page =
      "Signs emerge of China-N.K. thaw\n\n"
      "Signs of a thaw in relations between China and North Korea are emerging.\n\n"
      "Talks in Pyongyang\n\n"
      "\u201CThe relations will not be influenced by transient events,\u201D Wang said.\n\n"
      "\u201CWe are ready to talk.\u201D\n\n"
      "Why now?\n\n"
      "North Korea, China and Russia\n";
  EXPECT_EQ(Removed(page), Strings{});
}

// The guard: a line that reads as a sentence survives every weak rule, even when its words
// are those of a widget, a byline, a date or a breadcrumb.
TEST(Clean, NeverBlanksARunningSentence) {
  const Strings sentences = {
      "By Tuesday, the talks had collapsed.",
      "By Song Sang-ho's account, the envoys met twice.",
      "Kim will share the data with Seoul.",
      "Share prices fell 3 percent on the news.",
      "Back to the table, the envoys said they would meet again.",
      "Follow us, the protesters chanted as they marched.",
      "Read more carefully, the minister told reporters.",
      "Advertisement boards in Seoul showed the summit.",
      "Subscribe to the treaty, Beijing urged Pyongyang.",
      "Home is where the heart is, Kim said.",
      "Sign up for the army, the general told young men.",
      "Copyright disputes between the two Koreas have dragged on.",
      "The ministry said the privacy policy was under review.",
      "The cookie tin was a gift from Xi.",
      "Terms of use were agreed, officials said.",
      "Print media in the North are state-run.",
      "Most read the statement as a warning.",
      "More from the ministry is expected on Monday.",
      "Home > World: the ministry published the map.",
      "21 June 2019 was the day Xi arrived.",
      "Updated figures show trade fell in June.",
      "The counter read (0/250) when he left.",
      "\u201CWe will never give up,\u201D Kim said.",
      "He said: \u201CBack to top, we go.\u201D",
      "Is this the end?",
  };
  for (const std::string& s : sentences) {
    EXPECT_EQ(Removed("Kim visits Seoul\n\n" + s + "\n\nKim left.\n"), Strings{}) << s;
    EXPECT_EQ(Removed("Kim visits Seoul\n" + s + "\nKim left.\n"), Strings{}) << s;
  }
}

TEST(Clean, KeepsHeadlinesThatLookLikeWidgetsOnlyInPart) {
  for (const std::string headline :
       {"Kim, Xi meet | Asia", "Korea/China relations", "Cookie maker fined in Seoul",
        "Facebook changes privacy policy", "Copyright dispute with Beijing", "Back in Pyongyang",
        "More sanctions on North Korea", "By the numbers"}) {
    EXPECT_EQ(Removed(headline + "\n\nKim arrived on Monday.\n"), Strings{}) << headline;
  }
}

TEST(Clean, LongLinesAreOnlyCheckedForRepeats) {
  const std::string long_line = "By " + std::string(500, 'x');
  EXPECT_EQ(Removed(long_line + "\n"), Strings{});
  EXPECT_EQ(Removed(long_line + "\n" + long_line), (Strings{long_line}));
  std::string big(10 * 1000 * 1000, 'w');
  EXPECT_EQ(BlankBoilerplate(&big).lines_removed, 0u);
}

// Pages glued together from boilerplate and sentence pieces at random: whatever is removed,
// the text keeps its length in characters, its line breaks and every character it does not
// blank.
TEST(Clean, RandomPagesKeepLengthAndLineBreaks) {
  const std::vector<std::string> pieces = {"Back To Top", "Kim met Xi.", "Home",
                                           ">",           "|",           "By",
                                           "Song",        "(",           "Related stories",
                                           "\u00A9",      "2019",        "s",
                                           "\n",          "\n",          "\r\n",
                                           " ",           "  ",          "Advertisement",
                                           "said",        "the",         "\u201C",
                                           "\u201D",      "\uC790",      "(0/250)",
                                           "log in to",   "with",        ".",
                                           "\xEF\xBF\xBD"};
  uint32_t state = 12345;
  auto next = [&state] { return state = state * 1103515245u + 12345u; };
  for (int round = 0; round < 2000; ++round) {
    std::string page;
    const int n = static_cast<int>(next() >> 16) % 40;
    for (int i = 0; i < n; ++i) {
      page += pieces[(next() >> 16) % pieces.size()];
      if ((next() >> 16) % 3 == 0) page += ' ';
    }
    std::string text = page;
    const CleanStats stats = BlankBoilerplate(&text);
    EXPECT_EQ(CheckBlanked(page, text), stats.chars_removed) << page;
    if (::testing::Test::HasFailure()) break;
  }
}

// --- Reader wiring ---

TEST(Clean, TextAndJsonlReadersCleanXmlAndConlluDoNot) {
  TempDir dir;
  Diagnostics d;
  auto txt = ReadAll(dir.Write("a.txt", "Kim visits Seoul\nBack To Top\n\nKim arrived.\n"),
                     InputFormat::kAuto, &d);
  ASSERT_EQ(txt.size(), 1u);
  EXPECT_EQ(txt[0].text, "Kim visits Seoul\n" + std::string(11, ' ') + "\n\nKim arrived.\n");

  auto jsonl = ReadAll(
      dir.Write("a.jsonl",
                "{\"id\":\"j\",\"text\":\"Kim visits Seoul\\nAdvertisement\\nKim arrived.\"}\n"),
      InputFormat::kAuto, &d);
  ASSERT_EQ(jsonl.size(), 1u);
  EXPECT_EQ(jsonl[0].text, "Kim visits Seoul\n" + std::string(13, ' ') + "\nKim arrived.");

  auto xml =
      ReadAll(dir.Write("a.xml", "<Sentence id=\"X1\"><Text>Advertisement</Text></Sentence>"),
              InputFormat::kAuto, &d);
  ASSERT_EQ(xml.size(), 1u);
  ASSERT_EQ(xml[0].sentences.size(), 1u);
  EXPECT_EQ(xml[0].sentences[0].text, "Advertisement");

  auto conllu = ReadAll(
      dir.Write("a.conllu",
                "# text = Advertisement\n1\tAdvertisement\t_\tNOUN\tNN\t_\t0\troot\t_\t_\n\n"),
      InputFormat::kAuto, &d);
  ASSERT_EQ(conllu.size(), 1u);
  ASSERT_EQ(conllu[0].sentences.size(), 1u);
  EXPECT_EQ(conllu[0].sentences[0].text, "Advertisement");
  EXPECT_TRUE(d.empty()) << ::thaw::testing::Dump(d);
}

// --- Real pages ---

// The two scraped articles in THAW_SHARED_DIR/seeds (read-only, outside the repository).
#define SKIP_WITHOUT(path)                                                        \
  if (!std::filesystem::exists(path))                                             \
  GTEST_SKIP() << path                                                            \
               << " not found (THAW_SHARED_DIR); real-file tests need ../shared " \
                  "beside the repo"

TEST(Clean, SeedHeraldArticleLosesItsWidgetAndTruncatedByline) {
  const std::string path = std::string(THAW_SHARED_DIR) + "/seeds/000_b3d1f7a36f1f0e93.txt";
  SKIP_WITHOUT(path);
  const std::string page = Slurp(path);
  EXPECT_EQ(Removed(page), (Strings{"Back To Top", "By Song Sang-ho ("}));
  const Strings kept = Kept(page);
  ASSERT_FALSE(kept.empty());
  EXPECT_EQ(kept.front(), "Signs emerge of China-N.K. thaw");
  EXPECT_EQ(kept.size(), 18u);  // the headline and 17 paragraphs
}

TEST(Clean, SeedJoongAngEditorialLosesNavigationRepeatAndCommentBox) {
  const std::string path = std::string(THAW_SHARED_DIR) + "/seeds/004_ebcfb29b49f848f0.txt";
  SKIP_WITHOUT(path);
  const std::string page = Slurp(path);
  EXPECT_EQ(Removed(page),
            (Strings{"Home > Opinion > Editorials", "print dictionary print",
                     "A good time to boost relations with China",
                     "Log in to Twitter or Facebook account to connect",
                     "with the Korea JoongAng Daily", "help-image Social comment?", "s",
                     "lock icon", "To write comments, please log in to one of the accounts.",
                     "Standards Board Policy (0/250\uC790)"}));
  const Strings kept = Kept(page);
  ASSERT_EQ(kept.size(), 7u);  // the headline and 6 paragraphs
  EXPECT_EQ(kept.front(), "A good time to boost relations with China");
  for (size_t i = 1; i < kept.size(); ++i) EXPECT_EQ(kept[i].back(), '.') << kept[i];
}

// The three scraped-style pages of the demo: after cleaning, the headline and the body
// paragraphs are all that is left.
TEST(Clean, DemoRawPagesKeepOnlyHeadlineAndParagraphs) {
  const std::string dir = std::string(THAW_SOURCE_DIR) + "/examples/demo/raw";
  struct Case {
    const char* file;
    size_t removed, paragraphs;
  };
  for (const Case& c : {Case{"2019-06-21_xi-pyongyang.txt", 20, 6},
                        Case{"2020-06-16_kaesong-liaison-office.txt", 16, 5},
                        Case{"2023-09-14_kim-putin-vostochny.txt", 14, 5}}) {
    const std::string page = Slurp(dir + "/" + c.file);
    ASSERT_FALSE(page.empty()) << c.file;
    const Strings lines = Lines(page), kept = Kept(page);
    EXPECT_EQ(Removed(page).size(), c.removed) << c.file;
    ASSERT_EQ(kept.size(), c.paragraphs + 1) << c.file;
    EXPECT_EQ(kept.front(), lines.front()) << c.file;
    for (size_t i = 1; i < kept.size(); ++i) {
      EXPECT_EQ(kept[i].back(), '.') << c.file << ": " << kept[i];
      EXPECT_GT(kept[i].size(), 80u) << c.file << ": " << kept[i];
    }
  }
}

}  // namespace
}  // namespace thaw
