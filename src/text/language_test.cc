// Tests for the English check: news in English passes, other languages and scripts do not,
// and text too short to judge passes.

#include "text/language.h"

#include <gtest/gtest.h>

#include <string>

namespace thaw {
namespace {

TEST(LooksEnglish, EnglishNewsAndMessyWebTextPass) {
  EXPECT_TRUE(LooksEnglish(
      "The foreign ministers of the two countries met in Beijing on Tuesday and agreed to "
      "resume the talks that were suspended last year, officials said. It was the first such "
      "meeting since the border dispute, and both sides said they would work to rebuild trust "
      "in the months ahead."));
  // Addresses, links and numbers are not counted as words either way.
  EXPECT_TRUE(LooksEnglish(
      "From: a.b@example.com Sent: 04/25/2001 12:42 To: c.d@example.com, e.f@example.com "
      "http://www.example.com/a/b/c.html http://www.example.com/d/e/f.html Hi all, I got the "
      "files from the team and I think we should look at them before the meeting on Friday, "
      "if you have the time. They are in the folder that was shared with you last week and "
      "it is the one with the charts."));
}

TEST(LooksEnglish, OtherLanguagesAndScriptsDoNot) {
  EXPECT_FALSE(LooksEnglish(
      "Les ministres des affaires etrangeres des deux pays se sont rencontres mardi a Pekin et "
      "ont convenu de reprendre les discussions suspendues l'annee derniere, selon des "
      "responsables. Il s'agit de la premiere reunion depuis le differend frontalier, et les "
      "deux parties ont declare vouloir retablir la confiance dans les mois a venir."));
  std::string korean;  // Hangul syllables, words separated by spaces
  for (int i = 0; i < 60; ++i) korean += "\xEB\xB6\x81\xED\x95\x9C\xEC\x9D\xB4 ";
  EXPECT_FALSE(LooksEnglish(korean));
  std::string chinese;  // Han characters without spaces
  for (int i = 0; i < 80; ++i) chinese += "\xE4\xB8\xAD\xE5\x9B\xBD";
  EXPECT_FALSE(LooksEnglish(chinese));
}

TEST(LooksEnglish, TooShortToJudgePasses) {
  EXPECT_TRUE(LooksEnglish("Sommet de Pekin: accord sur la reprise des pourparlers"));
  EXPECT_TRUE(LooksEnglish(""));
}

}  // namespace
}  // namespace thaw
