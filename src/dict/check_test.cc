#include "dict/check.h"

#include <gtest/gtest.h>

namespace thaw {
namespace {

DictionarySet Parse(std::string_view verbs, std::string_view actors, std::string_view agents = "") {
  DictionarySet set;
  LoadOptions opts;
  auto v = ParseVerbDictionary(verbs, "v.txt", opts, nullptr);
  EXPECT_TRUE(v.ok());
  set.verbs = std::move(v).value();
  EXPECT_TRUE(ParseActorDictionary(actors, "a.txt", opts, nullptr, &set.actors).ok());
  EXPECT_TRUE(ParseAgentDictionary(agents, "g.txt", opts, nullptr, &set.agents).ok());
  return set;
}

TEST(CheckDictionaries, CleanSetHasNoFindings) {
  const DictionarySet set = Parse("--- MEET [040] ---\nMEET\n- * + IN [042]\n",
                                  "CHINA_ [CHN]\n+BEIJING\n\nXI_JINPING_\n\t[CHNGOV >20130314]\n",
                                  "PRESIDENT [~GOV]\n");
  Diagnostics d;
  EXPECT_EQ(CheckDictionaries(set, "v.txt", "g.txt", &d), 0u);
  const DictionarySummary sum = SummarizeDictionaries(set);
  EXPECT_EQ(sum.verb_blocks, 1u);
  EXPECT_EQ(sum.patterns, 1u);
  EXPECT_EQ(sum.event_codes, 2u);  // 040, 042
  EXPECT_EQ(sum.roots, 1u);
  EXPECT_EQ(sum.actors, 2u);
  EXPECT_EQ(sum.dated_codes, 1u);
}

TEST(CheckDictionaries, ReportsNonCameoCodesDuplicatesAndBadCodes) {
  const DictionarySet set = Parse(
      "--- MEET [040] ---\nMEET\n- * + [999]\n\n--- SEE [040] ---\nMEET\n",
      "CHINA_ [CHN]\n\nCHINA_ [TWN]\n\nBAD_ [CHNX]\n", "PRESIDENT [~GOV]\nPRESIDENT [~MIL]\n");
  Diagnostics d;
  EXPECT_EQ(CheckDictionaries(set, "v.txt", "g.txt", &d), 5u);
  std::string all;
  for (const auto& item : d.items()) all += item.ToString() + "\n";
  EXPECT_NE(all.find("v.txt:3: code 999 is not a CAMEO event code"), std::string::npos) << all;
  EXPECT_NE(all.find("v.txt:6: verb MEET is already listed at line 2"), std::string::npos) << all;
  EXPECT_NE(all.find("a.txt:3: name CHINA is also an actor at a.txt:1"), std::string::npos) << all;
  EXPECT_NE(all.find("actor code CHNX"), std::string::npos) << all;
  EXPECT_NE(all.find("g.txt:2: agent PRESIDENT is also listed at line 1"), std::string::npos)
      << all;
}

TEST(CheckDictionaries, ActorEntriesRememberTheirFile) {
  DictionarySet set;
  LoadOptions opts;
  ASSERT_TRUE(ParseActorDictionary("CHINA_ [CHN]\n", "one.txt", opts, nullptr, &set.actors).ok());
  ASSERT_TRUE(ParseActorDictionary("JAPAN_ [JPN]\n", "two.txt", opts, nullptr, &set.actors).ok());
  ASSERT_EQ(set.actors.entries.size(), 2u);
  EXPECT_EQ(set.actors.files.at(set.actors.entries[0].file), "one.txt");
  EXPECT_EQ(set.actors.files.at(set.actors.entries[1].file), "two.txt");
}

}  // namespace
}  // namespace thaw
