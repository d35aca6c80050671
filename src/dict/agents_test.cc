#include <gtest/gtest.h>

#include <string>

#include "dict/dictionaries.h"
#include "text/test_util.h"

namespace thaw {
namespace {

using testing::Dump;
using testing::HasDiagnostic;

using Plural = AgentEntry::Plural;
using Words = std::vector<std::string>;

struct Parsed {
  Status status;
  AgentDictionary dict;
  Diagnostics diags;
};

Parsed Parse(std::string_view text, bool strict = false) {
  Parsed p;
  LoadOptions options;
  options.strict = strict;
  p.status = ParseAgentDictionary(text, "agents.txt", options, &p.diags, &p.dict);
  return p;
}

TEST(AgentDictionary, PluralFormsNoneExplicitAndRegular) {
  Parsed p = Parse(
      "AMBASSADOR [~GOV] # LRP 02 Jun 2004\n"
      "PARLIAMENTARY_OPPOSITION {} [~OPP] #jap\n"
      "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
      "GOLDEN_GOOSE {GOLDEN_GEESE GOLDEN_GOOSES } [~GGS]   # pas\n"
      "SECURITY SERVICE [~GOV]\n");
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 5u);
  EXPECT_EQ(p.dict.entries[0].plural, Plural::kRegular);
  EXPECT_EQ(p.dict.entries[0].code, "GOV");
  EXPECT_FALSE(p.dict.entries[0].prefix);
  EXPECT_EQ(p.dict.entries[1].plural, Plural::kNone);
  EXPECT_EQ(p.dict.entries[1].words, (Words{"PARLIAMENTARY", "OPPOSITION"}));
  EXPECT_EQ(p.dict.entries[2].plural, Plural::kExplicit);
  ASSERT_EQ(p.dict.entries[2].plurals.size(), 1u);
  EXPECT_EQ(p.dict.entries[2].plurals[0], (Words{"ATTORNEYS", "GENERAL"}));
  EXPECT_EQ(p.dict.entries[3].plurals.size(), 2u);
  EXPECT_EQ(p.dict.entries[4].words, (Words{"SECURITY", "SERVICE"}));
  EXPECT_EQ(p.dict.entries[4].line, 5);
  EXPECT_TRUE(p.diags.empty()) << Dump(p.diags);
}

TEST(AgentDictionary, PrefixCodesAndBlanksInsideBrackets) {
  Parsed p = Parse(
      "HUMAN_RIGHTS_BODY  [NGO~] # BNL\n"
      "MSF {}  [NGO~]\n"
      "POLICE {} [ ~COP] # JON 2/8/95\n"
      "HUMAN_RIGHTS_ORGANIZATION  [  NGO~] # sls\n");
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 4u);
  EXPECT_TRUE(p.dict.entries[0].prefix);
  EXPECT_EQ(p.dict.entries[0].code, "NGO");
  EXPECT_TRUE(p.dict.entries[1].prefix);
  EXPECT_EQ(p.dict.entries[1].plural, Plural::kNone);
  EXPECT_FALSE(p.dict.entries[2].prefix);
  EXPECT_EQ(p.dict.entries[2].code, "COP");
  EXPECT_EQ(p.dict.entries[3].code, "NGO");
  EXPECT_TRUE(p.dict.entries[3].prefix);
}

TEST(AgentDictionary, SubstitutionSetsExpandIntoSeparateEntries) {
  Parsed p = Parse(
      "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"
      "!MINST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\n"
      "CONGRESS!PERSON! [~LEG] # check for substitution marker\n"
      "!MINST!_OF_SILLY_WALKS [~GOV] \n"
      "HUSBAND!PERSON![~AGR]\n"
      "FIRE!PERSON! {} [~GOV]\n");
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 19u);
  EXPECT_EQ(p.dict.entries[0].words, Words{"CONGRESSMAN"});
  EXPECT_EQ(p.dict.entries[3].words, Words{"CONGRESSWOMEN"});
  EXPECT_EQ(p.dict.entries[4].words, Words{"CONGRESSPERSON"});
  EXPECT_EQ(p.dict.entries[4].code, "LEG");
  EXPECT_EQ(p.dict.entries[4].line, 3);
  EXPECT_EQ(p.dict.entries[5].words, (Words{"MINISTER", "OF", "SILLY", "WALKS"}));
  EXPECT_EQ(p.dict.entries[8].words, (Words{"MINISTRIES", "OF", "SILLY", "WALKS"}));
  EXPECT_EQ(p.dict.entries[9].words, Words{"HUSBANDMAN"});
  EXPECT_EQ(p.dict.entries[9].code, "AGR");
  EXPECT_EQ(p.dict.entries[14].words, Words{"FIREMAN"});
  EXPECT_EQ(p.dict.entries[14].plural, Plural::kNone);
  EXPECT_TRUE(p.diags.empty()) << Dump(p.diags);
}

TEST(AgentDictionary, RepeatedSubstitutionExpandsAllCombinationsWithWarning) {
  Parsed p = Parse(
      "!MINIST! = MINISTER, MINISTRY\n"
      "!MINIST! FOR_THE_FINANCE_AD!MINIST!RATION [~GOV]\n");
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 4u);
  EXPECT_EQ(p.dict.entries[1].words,
            (Words{"MINISTER", "FOR", "THE", "FINANCE", "ADMINISTRYRATION"}));
  EXPECT_TRUE(HasDiagnostic(p.diags, 2, "used twice"));
}

TEST(AgentDictionary, UnknownSubstitutionIsReported) {
  Parsed p = Parse("!PERSON! = MAN\nCHAIR!PERSONS! [~GOV]\nYAHOO! [~BUS]\n");
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 1u);
  EXPECT_EQ(p.dict.entries[0].words, Words{"YAHOO!"});
  EXPECT_TRUE(HasDiagnostic(p.diags, 2, "`!PERSONS!`"));
}

TEST(AgentDictionary, TrailingUnderscoreMarksExact) {
  Parsed p = Parse("ISLAMIC_FRONT_  [~MUSREB]\nMEDIA {} [~MED]\n");
  ASSERT_TRUE(p.status.ok());
  EXPECT_TRUE(p.dict.entries[0].exact);
  EXPECT_FALSE(p.dict.entries[1].exact);
}

TEST(AgentDictionary, MalformedEntriesAreReportedWithLines) {
  Parsed p = Parse(
      "GOOD [~GOV]\n"                      // 1
      "ISLAMIC_EXTREMIST\n"                // 2 no code
      "DEPARMENT_OF_ENVIRONMENT [~ENV}\n"  // 3 repaired
      "BAD {UNCLOSED [~GOV]\n"             // 4 unclosed {
      "NOTILDE [GOV]\n");                  // 5
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 2u);
  EXPECT_EQ(p.dict.entries[1].code, "ENV");
  EXPECT_TRUE(HasDiagnostic(p.diags, 2, "no [~CODE]")) << Dump(p.diags);
  EXPECT_TRUE(HasDiagnostic(p.diags, 3, "not closed by `]`"));
  EXPECT_TRUE(HasDiagnostic(p.diags, 4, "unclosed `{`"));
  EXPECT_TRUE(HasDiagnostic(p.diags, 5, "must be [~CODE] or [CODE~]"));
}

TEST(AgentDictionary, StrictModeStopsAtFirstSkippedEntry) {
  Parsed p = Parse("GOOD [~GOV]\nDEPARMENT_OF_ENVIRONMENT [~ENV}\nISLAMIC_EXTREMIST\nLATER [~X]\n",
                   /*strict=*/true);
  ASSERT_FALSE(p.status.ok());
  EXPECT_EQ(p.status.message().rfind("agents.txt:3:", 0), 0u) << p.status.message();
  EXPECT_EQ(p.dict.entries.size(), 2u);  // entries before the error stay appended
}

TEST(DiscardDictionary, StoryLevelPlusAndTrailingComments) {
  Diagnostics diags;
  DiscardDictionary dict;
  const Status s = ParseDiscardDictionary(
      "# Story-level discards are indicated with a '+'.\n"
      "MONTHS LATER\n"
      "+World Golf Championships   # pas 26-Feb-2014\n"
      "AFRICAN NATIONS CUP   # ab 13 Jun 2005 ;AB 13 JUN 2005\n"
      "BASEBALL   \n"
      "+ESPN2\n"
      "NEW_YEAR_\n",
      "discards.txt", LoadOptions(), &diags, &dict);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(dict.entries.size(), 6u);
  EXPECT_FALSE(dict.entries[0].story_level);
  EXPECT_EQ(dict.entries[0].words, (Words{"MONTHS", "LATER"}));
  EXPECT_EQ(dict.entries[0].line, 2);
  EXPECT_TRUE(dict.entries[1].story_level);
  EXPECT_EQ(dict.entries[1].words, (Words{"WORLD", "GOLF", "CHAMPIONSHIPS"}));
  EXPECT_EQ(dict.entries[2].words.size(), 3u);
  EXPECT_EQ(dict.entries[4].words, Words{"ESPN2"});
  EXPECT_TRUE(dict.entries[5].exact);
  EXPECT_TRUE(diags.empty());
}

}  // namespace
}  // namespace thaw
