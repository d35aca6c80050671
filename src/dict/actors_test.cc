#include <gtest/gtest.h>

#include <string>

#include "dict/dictionaries.h"
#include "text/test_util.h"

namespace thaw {
namespace {

using testing::Dump;
using testing::HasDiagnostic;

using Kind = CodeRestriction::Kind;

struct Parsed {
  Status status;
  ActorDictionary dict;
  Diagnostics diags;
};

Parsed Parse(std::string_view text, bool strict = false) {
  Parsed p;
  LoadOptions options;
  options.strict = strict;
  p.status = ParseActorDictionary(text, "actors.txt", options, &p.diags, &p.dict);
  return p;
}

TEST(ActorDictionary, NameLineCodeAppliesAlways) {
  Parsed p = Parse("ISRAEL [ISR]\nATHENS  [GRC] #JW   10/17/91\nPALESTINIAN [pse]\n");
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 3u);
  const ActorEntry& e = p.dict.entries[0];
  ASSERT_EQ(e.names.size(), 1u);
  EXPECT_EQ(e.names[0].words, std::vector<std::string>{"ISRAEL"});
  ASSERT_EQ(e.codes.size(), 1u);
  EXPECT_EQ(e.codes[0].kind, Kind::kAlways);
  EXPECT_EQ(e.codes[0].code, "ISR");
  EXPECT_EQ(p.dict.entries[1].codes[0].code, "GRC");
  EXPECT_EQ(p.dict.entries[2].codes[0].code, "PSE");  // upper-cased
  EXPECT_EQ(p.dict.entries[2].line, 3);
  EXPECT_TRUE(p.diags.empty());
}

TEST(ActorDictionary, SynonymsBeforeDatedCodes) {
  Parsed p = Parse(
      "GOLLUM  # pas 27 Apr 03\n"
      "+SMEAGOL\n"
      "+SLINKER\n"
      "\t[HOB < 950601]\n"
      "\t[HOBGOV 19950601 - 19990815]\n"
      "#\t[950601-990815]  incorrect code block check 09.11.18\n"
      "\t[HOBREB > 990816]\n"
      "\t\n"
      "GONDOR [GON]\n");
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 2u);
  const ActorEntry& g = p.dict.entries[0];
  ASSERT_EQ(g.names.size(), 3u);
  EXPECT_EQ(g.names[2].words, std::vector<std::string>{"SLINKER"});
  EXPECT_EQ(g.names[2].line, 3);
  ASSERT_EQ(g.codes.size(), 3u);
  EXPECT_EQ(g.codes[0].kind, Kind::kBefore);
  EXPECT_EQ(g.codes[0].to, 19950601);
  EXPECT_EQ(g.codes[1].kind, Kind::kRange);
  EXPECT_EQ(g.codes[1].from, 19950601);
  EXPECT_EQ(g.codes[1].to, 19990815);
  EXPECT_EQ(g.codes[2].kind, Kind::kAfter);
  EXPECT_EQ(g.codes[2].from, 19990816);
  EXPECT_EQ(g.codes[2].code, "HOBREB");
  EXPECT_EQ(g.codes[2].line, 7);
  EXPECT_TRUE(p.diags.empty()) << Dump(p.diags);
}

TEST(ActorDictionary, DefaultCodeThenDatedRestrictions) {
  Parsed p = Parse(
      "SAM_GAMGEE [HOB]  # default\n"
      "\t[HOBCIV <20080120] # PAS\n"
      "\t[ORCHOB 20100109-20100112] # overrides\n"
      "\t[HOBELI >20130119]\n"
      "ZIMBABWE\n\t[RHO <790606]\n\t[ZBW]#jw 9/30/91\n");
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 2u);
  const auto& codes = p.dict.entries[0].codes;
  ASSERT_EQ(codes.size(), 4u);
  EXPECT_EQ(codes[0].kind, Kind::kAlways);
  EXPECT_EQ(codes[1].to, 20080120);
  EXPECT_EQ(codes[2].from, 20100109);
  EXPECT_EQ(codes[3].from, 20130119);
  const auto& z = p.dict.entries[1].codes;
  ASSERT_EQ(z.size(), 2u);
  EXPECT_EQ(z[0].to, 19790606);
  EXPECT_EQ(z[1].code, "ZBW");
}

TEST(ActorDictionary, SeveralCodesOnOneLine) {
  Parsed p = Parse(
      "JAVIER_SOLANA_\t[IGOEUREEC 950701-951231][IGOWSTNAT 951205-991006] # president\n"
      "MUHAMMAD_AL-BARADEI_\t[IGOUNOIAE 971201-091130][EGYOPP]\t# IAEA\n");
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 2u);
  ASSERT_EQ(p.dict.entries[0].codes.size(), 2u);
  EXPECT_EQ(p.dict.entries[0].codes[1].code, "IGOWSTNAT");
  EXPECT_EQ(p.dict.entries[0].codes[1].to, 19991006);
  EXPECT_EQ(p.dict.entries[1].codes[0].to, 20091130);
  EXPECT_EQ(p.dict.entries[1].codes[1].kind, Kind::kAlways);
  EXPECT_TRUE(p.diags.empty()) << Dump(p.diags);
}

TEST(ActorDictionary, NamesKeepPunctuationAndMarkExact) {
  Parsed p = Parse(
      "PRESIDENT HOSNI MURBARAK [EGYGOV]\n"
      "NORTH_KOREA_ [PRK]\n"
      "+U.S.\n"
      "+KOREA,_DEMOCRATIC_PEOPLES'_REPUBLIC_(NORTH)_\n"
      "MORDOR  [MOR]\n+BARAD-DUR\n"
      "INTERNATIONAL_CRIMINAL_POLICE_ORGANIZATION_\t\n+INTERPOL\n\t[IGOCOPITP]\t# Interpol\n"
      "+UN_Secy_Gen\n");
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 4u);
  EXPECT_EQ(p.dict.entries[0].names[0].words,
            (std::vector<std::string>{"PRESIDENT", "HOSNI", "MURBARAK"}));
  EXPECT_FALSE(p.dict.entries[0].names[0].exact);
  const ActorEntry& k = p.dict.entries[1];
  EXPECT_TRUE(k.names[0].exact);
  EXPECT_EQ(k.names[1].words, std::vector<std::string>{"U.S."});
  EXPECT_EQ(k.names[2].words,
            (std::vector<std::string>{"KOREA,", "DEMOCRATIC", "PEOPLES'", "REPUBLIC", "(NORTH)"}));
  EXPECT_TRUE(k.names[2].exact);
  EXPECT_EQ(p.dict.entries[2].names[1].words, std::vector<std::string>{"BARAD-DUR"});
  // Codes may follow synonyms, and synonyms may follow codes.
  const ActorEntry& interpol = p.dict.entries[3];
  ASSERT_EQ(interpol.names.size(), 3u);
  EXPECT_TRUE(interpol.names[0].exact);
  EXPECT_EQ(interpol.names[2].words, (std::vector<std::string>{"UN", "SECY", "GEN"}));
  ASSERT_EQ(interpol.codes.size(), 1u);
  EXPECT_EQ(interpol.codes[0].code, "IGOCOPITP");
  ASSERT_EQ(p.diags.size(), 0u) << Dump(p.diags);
}

TEST(ActorDictionary, CodesThatAreNotCountries) {
  Parsed p = Parse(
      "BOROMIR  [---]\nISILDUR  [+++]\nLORIEN  [ELR/GAL]\nPRINCE OF DOL AMROTH\n\t[--- "
      "<950630]\n\t[DOL]\n");
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 4u);
  EXPECT_EQ(p.dict.entries[0].codes[0].code, "---");
  EXPECT_EQ(p.dict.entries[1].codes[0].code, "+++");
  EXPECT_EQ(p.dict.entries[2].codes[0].code, "ELR/GAL");
  EXPECT_EQ(p.dict.entries[3].codes[0].code, "---");
  EXPECT_EQ(p.dict.entries[3].codes[0].kind, Kind::kBefore);
}

TEST(ActorDictionary, MalformedDateIsReportedAndOnlyThatRestrictionSkipped) {
  Parsed p = Parse(
      "SECRETARY-GENERAL_BAN_KI-MOON\n"                                      // 1
      "+BAN_KI-MOON\n"                                                       // 2
      "\t[IGOUNO >20070101]\n"                                               // 3
      "\t[KORGOVBUS 2004017-20061201]\n"                                     // 4
      "MILO_DUKANOVIC_\n"                                                    // 5
      "\t[MNEGOV 20121204]\n"                                                // 6
      "\t[MNEGOV 20080229-20101229]\n"                                       // 7
      "X_\n\t[GBRGOV >201005011]\n\t[IRQOCC 1920030320-20060520]\n\t[OK]\n"  // 8-11
      "Y_\n\t[Z 20100101-20000101]\n\t[OK]\n");                              // 12-14
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 4u);
  EXPECT_EQ(p.dict.entries[0].codes.size(), 1u);
  EXPECT_TRUE(HasDiagnostic(p.diags, 4, "malformed date `2004017`")) << Dump(p.diags);
  EXPECT_TRUE(HasDiagnostic(p.diags, 4, "[KORGOVBUS 2004017-20061201]"));
  EXPECT_TRUE(HasDiagnostic(p.diags, 6, "has no `<`, `>` or `-`"));
  EXPECT_TRUE(HasDiagnostic(p.diags, 9, "malformed date `201005011`"));
  EXPECT_TRUE(HasDiagnostic(p.diags, 10, "malformed date `1920030320`"));
  EXPECT_TRUE(HasDiagnostic(p.diags, 13, "ends before it starts"));
  EXPECT_EQ(p.diags.size(), 5u);
}

TEST(ActorDictionary, AdjacentCodelessNamesShareTheFollowingCodes) {
  Parsed p = Parse(
      "IVO_JOSIPOVIC_\n"                   // 1
      "PRESIDENT_JOSIPOVIC_\n"             // 2
      "+JOSIPOVIC_\n"                      // 3
      "\t[HRVGOV >20120219]\n"             // 4
      "\t[HRVGOVLEG 20031222-20100218]\n"  // 5
      "ZORAN_MILANOVIC_ [HRVGOV]\n");      // 6
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 3u);
  EXPECT_EQ(p.dict.entries[0].names.size(), 1u);
  EXPECT_EQ(p.dict.entries[0].codes.size(), 2u);
  EXPECT_EQ(p.dict.entries[1].names.size(), 2u);
  EXPECT_EQ(p.dict.entries[1].line, 2);
  EXPECT_EQ(p.dict.entries[1].codes.size(), 2u);
  EXPECT_EQ(p.dict.entries[1].codes[1].code, "HRVGOVLEG");
  EXPECT_EQ(p.dict.entries[2].codes.size(), 1u);
  EXPECT_TRUE(p.diags.empty()) << Dump(p.diags);
}

TEST(ActorDictionary, BlankOrCommentLineEndsACodelessActor) {
  Parsed p = Parse(
      "UN_ [IGOUNO]\n"  // 1
      "U.N._\n"         // 2
      "\n"              // 3
      "# Secretaries General\n"
      "GEORGE_D._WOODS_\n"  // 5
      "\t[IGOUNODEVWBK 630101-680331]\n");
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 2u);
  EXPECT_EQ(p.dict.entries[1].names[0].words.back(), "WOODS");
  EXPECT_TRUE(HasDiagnostic(p.diags, 2, "`U.N.` has no usable code"));
}

TEST(ActorDictionary, EntryWithoutAnyCodeIsDropped) {
  Parsed p = Parse("Source: MNC.MLH.actors\nACCRETIVE_HEALTH_INC_\t[MNCHLH]\n");
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 1u);
  EXPECT_TRUE(HasDiagnostic(p.diags, 1, "has no usable code"));
}

TEST(ActorDictionary, TextAfterCodesIsIgnoredWithWarning) {
  Parsed p = Parse("ACCRETIVE_HEALTH_INC_\t[MNCHLH]\tOther Consumer Services\t$991,000,000\n",
                   /*strict=*/true);
  ASSERT_TRUE(p.status.ok());
  ASSERT_EQ(p.dict.entries.size(), 1u);
  EXPECT_TRUE(HasDiagnostic(p.diags, 1, "text after the actor codes ignored"));
}

TEST(ActorDictionary, StrayCodeOrSynonymBeforeAnyNameIsReported) {
  Parsed p = Parse("\t[XYZ]\n+ORPHAN\nA [B]\n");
  ASSERT_TRUE(p.status.ok());
  EXPECT_EQ(p.dict.entries.size(), 1u);
  EXPECT_TRUE(HasDiagnostic(p.diags, 1, "no actor name above"));
  EXPECT_TRUE(HasDiagnostic(p.diags, 2, "no actor name above"));
}

TEST(ActorDictionary, StrictModeTurnsFirstSkipIntoError) {
  Parsed p = Parse("A [B]\nKOR\n\t[KORGOVBUS 2004017-20061201]\n\t[KOR]\nC [D]\n", /*strict=*/true);
  ASSERT_FALSE(p.status.ok());
  EXPECT_EQ(p.status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(p.status.message().rfind("actors.txt:3: malformed date", 0), 0u) << p.status.message();
  EXPECT_TRUE(p.diags.empty());
}

TEST(ActorDictionary, ParsesAppendAcrossFiles) {
  ActorDictionary dict;
  LoadOptions options;
  ASSERT_TRUE(ParseActorDictionary("A [X]\n", "a.txt", options, nullptr, &dict).ok());
  ASSERT_TRUE(ParseActorDictionary("B [Y]\n", "b.txt", options, nullptr, &dict).ok());
  ASSERT_EQ(dict.entries.size(), 2u);
  EXPECT_EQ(dict.entries[1].codes[0].code, "Y");
}

TEST(CodeRestriction, IsActiveFollowsDateWindows) {
  CodeRestriction always{Kind::kAlways, "X", kNoDate, kNoDate, 0};
  CodeRestriction before{Kind::kBefore, "X", kNoDate, 19950601, 0};
  CodeRestriction after{Kind::kAfter, "X", 19990816, kNoDate, 0};
  CodeRestriction range{Kind::kRange, "X", 20100109, 20100112, 0};
  EXPECT_TRUE(always.IsActive(kNoDate));
  EXPECT_TRUE(always.IsActive(20200101));
  EXPECT_TRUE(before.IsActive(19950531));
  EXPECT_FALSE(before.IsActive(19950601));
  EXPECT_FALSE(after.IsActive(19990816));
  EXPECT_TRUE(after.IsActive(19990817));
  EXPECT_TRUE(range.IsActive(20100109));
  EXPECT_TRUE(range.IsActive(20100112));
  EXPECT_FALSE(range.IsActive(20100113));
  EXPECT_FALSE(before.IsActive(kNoDate));
  EXPECT_FALSE(after.IsActive(kNoDate));
  EXPECT_FALSE(range.IsActive(kNoDate));
}

}  // namespace
}  // namespace thaw
