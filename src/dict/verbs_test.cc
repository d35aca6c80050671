#include <gtest/gtest.h>

#include <string>

#include "dict/dictionaries.h"
#include "text/test_util.h"

namespace thaw {
namespace {

using testing::Dump;
using testing::HasDiagnostic;

struct Parsed {
  Result<VerbDictionary> dict;
  Diagnostics diags;
};

Parsed Parse(std::string_view text, bool strict = false) {
  Diagnostics diags;
  LoadOptions options;
  options.strict = strict;
  Result<VerbDictionary> dict = ParseVerbDictionary(text, "verbs.txt", options, &diags);
  return {std::move(dict), std::move(diags)};
}

// The single block's patterns, asserting the parse worked.
const VerbBlock& OnlyBlock(const Parsed& p) {
  EXPECT_TRUE(p.dict.ok()) << p.dict.status().ToString();
  EXPECT_EQ(p.dict->blocks.size(), 1u);
  return p.dict->blocks.front();
}

TEST(VerbDictionary, BlockHeaderSpacingVariantsAllParse) {
  Parsed p = Parse(
      "--- ABANDON  [345]  ---\nABANDON\n"
      "---  WILL   [030]  --- \nWILL\n"
      "---  DELAY   [120]---  ---\nDELAY\n"
      "--- BURN [---] ---\nBURN\n");
  ASSERT_TRUE(p.dict.ok());
  ASSERT_EQ(p.dict->blocks.size(), 4u);
  EXPECT_EQ(p.dict->blocks[0].name, "ABANDON");
  EXPECT_EQ(p.dict->blocks[0].code, "345");
  EXPECT_EQ(p.dict->blocks[1].name, "WILL");
  EXPECT_EQ(p.dict->blocks[1].code, "030");
  EXPECT_EQ(p.dict->blocks[2].code, "120");
  EXPECT_EQ(p.dict->blocks[3].code, "---");
  EXPECT_EQ(p.dict->blocks[1].line, 3);
  EXPECT_TRUE(p.diags.empty()) << Dump(p.diags);
}

TEST(VerbDictionary, VerbFormsWithInflectionsCodesAndComments) {
  Parsed p = Parse(
      "--- HOLD [210] ---\n"
      "HOLD {HOLDS HOLDING HELD } [---] # HUX 10/10/97\n"
      "SEE {SEES SEEING SEEN }  # JON 2/22/96\n"
      "DOWNPLAY [014]\n"
      "+ANGERED_BY {}\n"
      "SCRAP {SCRAPPING SCRAPS SCRAPPED };shan   8/30/93\n"
      "+IS_DETERMINED {+WAS_DETERMINED , +BE_DETERMINED} [030]\n");
  const VerbBlock& b = OnlyBlock(p);
  ASSERT_EQ(b.forms.size(), 6u);
  EXPECT_EQ(b.forms[0].words, std::vector<std::string>{"HOLD"});
  EXPECT_TRUE(b.forms[0].braces);
  ASSERT_EQ(b.forms[0].inflections.size(), 3u);
  EXPECT_EQ(b.forms[0].inflections[2].words, std::vector<std::string>{"HELD"});
  EXPECT_EQ(b.forms[0].code, "---");
  EXPECT_EQ(b.forms[1].code, "");
  EXPECT_EQ(b.forms[2].code, "014");
  EXPECT_FALSE(b.forms[2].braces);
  EXPECT_TRUE(b.forms[3].braces);
  EXPECT_TRUE(b.forms[3].inflections.empty());
  EXPECT_EQ(b.forms[3].words, (std::vector<std::string>{"ANGERED", "BY"}));
  EXPECT_EQ(b.forms[4].inflections.size(), 3u);
  ASSERT_EQ(b.forms[5].inflections.size(), 2u);
  EXPECT_EQ(b.forms[5].inflections[1].words, (std::vector<std::string>{"BE", "DETERMINED"}));
  EXPECT_EQ(b.forms[5].code, "030");
  EXPECT_TRUE(p.diags.empty()) << Dump(p.diags);
}

TEST(VerbDictionary, PlusMarksTheVerbWordOfMultiWordForms) {
  Parsed p = Parse(
      "--- BREAK [120] ---\n"
      "+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}\n"
      "WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }\n"
      "KLM_NOP_+RST [002]\n"
      "+ABC_DEF_GHI\n");
  const VerbBlock& b = OnlyBlock(p);
  ASSERT_EQ(b.forms.size(), 4u);
  EXPECT_EQ(b.forms[0].words, (std::vector<std::string>{"BREAK", "DOWN"}));
  EXPECT_EQ(b.forms[0].head, 0);
  EXPECT_EQ(b.forms[0].inflections[1].words, (std::vector<std::string>{"BROKE", "DOWN"}));
  EXPECT_EQ(b.forms[1].words, (std::vector<std::string>{"WIRE", "TAP"}));
  EXPECT_EQ(b.forms[1].head, 1);
  EXPECT_EQ(b.forms[1].inflections[0].head, 1);
  EXPECT_EQ(b.forms[1].inflections[0].words, (std::vector<std::string>{"WIRE", "TAPPED"}));
  EXPECT_EQ(b.forms[2].words, (std::vector<std::string>{"KLM", "NOP", "RST"}));
  EXPECT_EQ(b.forms[2].head, 2);
  EXPECT_EQ(b.forms[2].code, "002");
  EXPECT_EQ(b.forms[3].head, 0);
}

TEST(VerbDictionary, PatternElementsCoverEveryTokenKind) {
  Parsed p = Parse(
      "&TIETYPES\n+MILITARY\n\n"
      "--- CELEBRATE [051] ---\nCELEBRATE\n"
      "- + * EID (AT ^) (WITH $) % {NEW &TIETYPES RELATIONS} [017]  # pas\n");
  const VerbBlock& b = OnlyBlock(p);
  ASSERT_EQ(b.patterns.size(), 1u);
  const VerbPattern& pat = b.patterns[0];
  EXPECT_EQ(pat.code, "017");
  EXPECT_EQ(pat.text, "+ * EID (AT ^) (WITH $) % {NEW &TIETYPES RELATIONS}");
  EXPECT_EQ(pat.line, 6);
  ASSERT_EQ(pat.elems.size(), 7u);
  EXPECT_EQ(pat.elems[0].kind, ElemKind::kTarget);
  EXPECT_EQ(pat.elems[1].kind, ElemKind::kVerb);
  EXPECT_EQ(pat.elems[2].word, "EID");
  EXPECT_EQ(pat.elems[3].kind, ElemKind::kPrepPhrase);
  ASSERT_EQ(pat.elems[3].children.size(), 2u);
  EXPECT_EQ(pat.elems[3].children[0].word, "AT");
  EXPECT_EQ(pat.elems[3].children[1].kind, ElemKind::kSkip);
  EXPECT_EQ(pat.elems[4].children[1].kind, ElemKind::kSource);
  EXPECT_EQ(pat.elems[5].kind, ElemKind::kCompound);
  const PatternElem& np = pat.elems[6];
  EXPECT_EQ(np.kind, ElemKind::kNounPhrase);
  ASSERT_EQ(np.children.size(), 3u);
  EXPECT_EQ(np.children[1].kind, ElemKind::kSynset);
  EXPECT_EQ(np.children[1].synset, 0);
  EXPECT_TRUE(np.children[1].word.empty());
}

TEST(VerbDictionary, NestedPhrasesAndCodesAreKeptAsWritten) {
  Parsed p = Parse(
      "--- AGREE [050] ---\nAGREE\n"
      "- * (TO {PEACE PLAN}) [037:037]\n"
      "- * SURRENDER [:080]\n"
      "- * ASYLUM [174L]\n"
      "- * {THE FULL} [xxy]\n"
      "- * (TO FREEZE) {SETTLEMENT ACTIVITY} [102b]\n"
      "- * DIPLXMATIC [###]\n"
      "- * {FXLL DIPLOMATIC} [+++]\n");
  const VerbBlock& b = OnlyBlock(p);
  ASSERT_EQ(b.patterns.size(), 7u);
  EXPECT_EQ(b.patterns[0].code, "037:037");
  const PatternElem& pp = b.patterns[0].elems[1];
  ASSERT_EQ(pp.kind, ElemKind::kPrepPhrase);
  ASSERT_EQ(pp.children.size(), 2u);
  EXPECT_EQ(pp.children[1].kind, ElemKind::kNounPhrase);
  EXPECT_EQ(pp.children[1].children[1].word, "PLAN");
  EXPECT_EQ(b.patterns[1].code, ":080");
  EXPECT_EQ(b.patterns[2].code, "174L");
  EXPECT_EQ(b.patterns[3].code, "xxy");
  EXPECT_EQ(b.patterns[4].code, "102b");
  EXPECT_EQ(b.patterns[5].code, "###");
  EXPECT_EQ(b.patterns[6].code, "+++");
}

TEST(VerbDictionary, UnderscoreJoinsWordsAndTrailingUnderscoreIsExact) {
  Parsed p = Parse(
      "&FIGHT_OF_WORDS\n+ARGUMENT\n&AIRCRAFT\n+JET\n"
      "--- ALLOW [080] ---\nALLOW\n"
      "- * {REAL_PLEASANT} [080]\n"
      "- SPY_*_DEAL [---]\n"
      "- FIGHTER_&AIRCRAFT * [195]\n"
      "- * &FIGHT_OF_WORDS CLOSURE_ [111]\n"
      "- * real_pleasant [080]\n");
  const VerbBlock& b = OnlyBlock(p);
  ASSERT_EQ(b.patterns.size(), 5u);
  const auto& np = b.patterns[0].elems[1].children;
  ASSERT_EQ(np.size(), 2u);
  EXPECT_EQ(np[0].word, "REAL");
  EXPECT_EQ(np[1].word, "PLEASANT");
  EXPECT_FALSE(np[1].exact);
  const auto& spy = b.patterns[1].elems;
  ASSERT_EQ(spy.size(), 3u);
  EXPECT_EQ(spy[1].kind, ElemKind::kVerb);
  const auto& fighter = b.patterns[2].elems;
  ASSERT_EQ(fighter.size(), 3u);
  EXPECT_EQ(fighter[1].kind, ElemKind::kSynset);
  EXPECT_EQ(fighter[1].synset, 1);
  const auto& words = b.patterns[3].elems;
  EXPECT_EQ(words[1].synset, 0);  // the '_' belongs to the set name
  EXPECT_EQ(words[2].word, "CLOSURE");
  EXPECT_TRUE(words[2].exact);
  EXPECT_EQ(b.patterns[4].elems[2].word, "PLEASANT");  // upper-cased
}

TEST(VerbDictionary, SynonymSetsHoldWordsPhrasesNestedSetsAndPrepPhrases) {
  Parsed p = Parse(
      "&NEGATVAUXVRB  # comment\n+DID N'T   # TreeBank contraction\n+WILL NOT\n\n"
      "&ACCORDSYN\n+&TIETYPES\n+CLOSER\n"
      "&TESTSYN3\n+(TO THE END)\n+CASH_\n+GOLDEN_GOBLIN_GALLEONS\n"
      "&TIETYPES\n+MILITARY\n");
  ASSERT_TRUE(p.dict.ok()) << p.dict.status().ToString();
  const auto& sets = p.dict->synsets;
  ASSERT_EQ(sets.size(), 4u);
  EXPECT_EQ(sets[0].name, "NEGATVAUXVRB");
  ASSERT_EQ(sets[0].entries.size(), 2u);
  EXPECT_EQ(sets[0].entries[0].size(), 2u);
  EXPECT_EQ(sets[0].entries[0][1].word, "N'T");
  // Forward reference: TIETYPES is defined after ACCORDSYN uses it.
  EXPECT_EQ(sets[1].entries[0][0].kind, ElemKind::kSynset);
  EXPECT_EQ(sets[1].entries[0][0].synset, p.dict->synset_index.at("TIETYPES"));
  const auto& pp = sets[2].entries[0];
  ASSERT_EQ(pp.size(), 1u);
  EXPECT_EQ(pp[0].kind, ElemKind::kPrepPhrase);
  EXPECT_EQ(pp[0].children.size(), 3u);
  EXPECT_TRUE(sets[2].entries[1][0].exact);
  EXPECT_EQ(sets[2].entries[2].size(), 3u);
  EXPECT_TRUE(p.diags.empty()) << Dump(p.diags);
}

TEST(VerbDictionary, TrailingUnderscoreSynsetNamesAreKeptAndMatchLoosely) {
  Parsed p = Parse(
      "&AUXVERB1_\n+WAS\n"
      "--- GO [010] ---\nGO\n- &AUXVERB1_ * [010]\n- &AUXVERB1 * [011]\n");
  const VerbBlock& b = OnlyBlock(p);
  EXPECT_EQ(p.dict->synsets[0].name, "AUXVERB1_");
  ASSERT_EQ(b.patterns.size(), 2u);
  EXPECT_EQ(b.patterns[1].elems[0].synset, 0);
}

TEST(VerbDictionary, ForwardSynsetReferenceFromPatternResolves) {
  Parsed p = Parse("--- GO [010] ---\nGO\n- * &LATER [010]\n&LATER\n+SOON\n");
  ASSERT_TRUE(p.dict.ok());
  ASSERT_EQ(p.dict->blocks[0].patterns.size(), 1u);
  EXPECT_EQ(p.dict->blocks[0].patterns[0].elems[1].synset, 0);
}

TEST(VerbDictionary, UnknownSynsetSkipsPatternWithDiagnostic) {
  Parsed p = Parse("--- BRAND [112] ---\nBRAND\n- * EID [017]\n- * &FIGHT_CRIM [1124]\n");
  const VerbBlock& b = OnlyBlock(p);
  EXPECT_EQ(b.patterns.size(), 1u);
  ASSERT_EQ(p.diags.size(), 1u);
  EXPECT_EQ(p.diags.items()[0].line, 4);
  EXPECT_NE(p.diags.items()[0].message.find("unknown synonym set `&FIGHT_CRIM`"),
            std::string::npos);
  EXPECT_NE(p.diags.items()[0].message.find("* &FIGHT_CRIM"), std::string::npos);
}

TEST(VerbDictionary, MalformedPatternsAreReportedWithLineAndSkipped) {
  Parsed p = Parse(
      "--- MAKE [042] ---\n"                         // 1
      "MAKE\n"                                       // 2
      "- * {NEW RELATIONS [903]\n"                   // 3 unclosed {
      "- RECENTLY [025]\n"                           // 4 no *
      "- * VENTURE (WITH VISIT)  VISIT)[042:043]\n"  // 5 stray )
      "- * (TO {PEACE) PLAN} [037]\n"                // 6 crossed
      "- * * TWICE [030]\n"                          // 7 two verbs
      "- * NOCODE\n"                                 // 8 no code
      "- * FINE [040]\n");                           // 9
  const VerbBlock& b = OnlyBlock(p);
  ASSERT_EQ(b.patterns.size(), 1u);
  EXPECT_EQ(b.patterns[0].line, 9);
  EXPECT_TRUE(HasDiagnostic(p.diags, 3, "verb pattern has unclosed `{`")) << Dump(p.diags);
  EXPECT_TRUE(HasDiagnostic(p.diags, 3, "- * {NEW RELATIONS [903]"));
  EXPECT_TRUE(HasDiagnostic(p.diags, 4, "no `*`"));
  EXPECT_TRUE(HasDiagnostic(p.diags, 5, "`)` without a matching `(`"));
  EXPECT_TRUE(HasDiagnostic(p.diags, 6, "closes `{` with `)`"));
  EXPECT_TRUE(HasDiagnostic(p.diags, 7, "more than one `*`"));
  EXPECT_TRUE(HasDiagnostic(p.diags, 8, "no [code]"));
  EXPECT_EQ(p.diags.size(), 6u);
}

TEST(VerbDictionary, StrictModeFailsOnFirstMalformedLine) {
  Parsed p = Parse("--- MAKE [042] ---\nMAKE\n- * OK [040]\n- RECENTLY [025]\n- * {BAD [1]\n",
                   /*strict=*/true);
  ASSERT_FALSE(p.dict.ok());
  EXPECT_EQ(p.dict.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(p.dict.status().message().rfind("verbs.txt:4: verb pattern has no `*`", 0), 0u)
      << p.dict.status().message();
  EXPECT_TRUE(p.diags.empty());
}

TEST(VerbDictionary, StrictModeFailsOnUnknownSynset) {
  Parsed p = Parse("--- GO [010] ---\nGO\n- * &NOPE [010]\n", /*strict=*/true);
  ASSERT_FALSE(p.dict.ok());
  EXPECT_NE(p.dict.status().message().find("verbs.txt:3:"), std::string::npos);
}

TEST(VerbDictionary, PatternWithoutLeadingDashIsAcceptedWithWarning) {
  Parsed p = Parse(
      "--- BEGIN  [---]  ---\n"
      "BEGIN {BEGINS BEGINNING BEGAN BEGUN }\n"
      "* (TO QUESTION) [110]\n",
      /*strict=*/true);
  const VerbBlock& b = OnlyBlock(p);
  ASSERT_EQ(b.forms.size(), 1u);
  ASSERT_EQ(b.patterns.size(), 1u);
  EXPECT_EQ(b.patterns[0].code, "110");
  EXPECT_EQ(b.patterns[0].elems[0].kind, ElemKind::kVerb);
  EXPECT_TRUE(HasDiagnostic(p.diags, 3, "leading `-`"));
}

TEST(VerbDictionary, VerbGluedToWordIsSplitWithWarning) {
  Parsed p = Parse("--- REMAIN [012] ---\nREMAIN\n- *SCEPTICAL [012]\n");
  const VerbBlock& b = OnlyBlock(p);
  ASSERT_EQ(b.patterns.size(), 1u);
  ASSERT_EQ(b.patterns[0].elems.size(), 2u);
  EXPECT_EQ(b.patterns[0].elems[0].kind, ElemKind::kVerb);
  EXPECT_EQ(b.patterns[0].elems[1].word, "SCEPTICAL");
  EXPECT_TRUE(HasDiagnostic(p.diags, 3, "* SCEPTICAL"));
}

TEST(VerbDictionary, TransformationLinesAndSectionHeadersAreIgnored) {
  Parsed p = Parse(
      "####### VERB PATTERNS ####### \n--- SAY [010] ---\nSAY\n"
      "######## TRANSFORMATIONS ##########\n"
      "#~ a (a b ATTACK) SAY = a b 015\n"
      "~ a (a b ATTACK) SAY = a b 015\n"
      "~ a (b . ATTACK) CLAIM = a b 112\n");
  const VerbBlock& b = OnlyBlock(p);
  EXPECT_EQ(b.forms.size(), 1u);
  EXPECT_TRUE(b.patterns.empty());
  ASSERT_EQ(p.diags.size(), 1u);
  EXPECT_EQ(p.diags.items()[0].line, 6);
  EXPECT_NE(p.diags.items()[0].message.find("2 transformation"), std::string::npos);
}

TEST(VerbDictionary, UnclosedFormCodeIsReadWithWarning) {
  Parsed p = Parse("--- CONSULT [040] ---\nCONFER {CONFERS CONFERRED CONFERRING } [040\n");
  const VerbBlock& b = OnlyBlock(p);
  ASSERT_EQ(b.forms.size(), 1u);
  EXPECT_EQ(b.forms[0].code, "040");
  EXPECT_EQ(b.forms[0].inflections.size(), 3u);
  EXPECT_TRUE(HasDiagnostic(p.diags, 2, "not closed"));
}

TEST(VerbDictionary, DuplicateSynsetMergesWithWarning) {
  Parsed p = Parse("&PREPOSIT1_\n+AGAINST\n\n&OTHER\n+X\n&PREPOSIT1_\n+IN\n");
  ASSERT_TRUE(p.dict.ok());
  ASSERT_EQ(p.dict->synsets.size(), 2u);
  EXPECT_EQ(p.dict->synsets[0].entries.size(), 2u);
  EXPECT_TRUE(HasDiagnostic(p.diags, 6, "defined again (first at line 1)"));
}

TEST(VerbDictionary, SelfIncludingSynsetEntryIsDropped) {
  Parsed p = Parse("&A\n+&B\n+WORD\n&B\n+&A\n+OTHER\n");
  ASSERT_TRUE(p.dict.ok());
  // Visiting A first reaches B, whose `+&A` closes the cycle.
  EXPECT_EQ(p.dict->synsets[0].entries.size(), 2u);
  EXPECT_EQ(p.dict->synsets[1].entries.size(), 1u);
  EXPECT_TRUE(HasDiagnostic(p.diags, 5, "includes itself"));
}

TEST(VerbDictionary, LinesOutsideBlocksAreReported) {
  Parsed p = Parse("ORPHAN\n&SET\n+A\nNOT_AN_ENTRY\n");
  ASSERT_TRUE(p.dict.ok());
  EXPECT_TRUE(HasDiagnostic(p.diags, 1, "outside any synonym set or verb block"));
  EXPECT_TRUE(HasDiagnostic(p.diags, 4, "expected a `+ENTRY`"));
}

TEST(VerbDictionary, InflectionWithWrongWordCountIsSkipped) {
  Parsed p = Parse("--- X [010] ---\n+SET_UP {+SETS_UP SETTING}\n");
  const VerbBlock& b = OnlyBlock(p);
  ASSERT_EQ(b.forms.size(), 1u);
  EXPECT_EQ(b.forms[0].inflections.size(), 1u);
  EXPECT_TRUE(HasDiagnostic(p.diags, 2, "`SETTING` has 1 word(s) but the verb has 2"));
}

TEST(RegularVerbForms, FollowsPetrarchSpellingRules) {
  using V = std::vector<std::string>;
  EXPECT_EQ(RegularVerbForms("WALK"), (V{"WALKS", "WALKED", "WALKING"}));
  EXPECT_EQ(RegularVerbForms("PASS"), (V{"PASSES", "PASSED", "PASSING"}));
  EXPECT_EQ(RegularVerbForms("FIX"), (V{"FIXES", "FIXED", "FIXING"}));
  EXPECT_EQ(RegularVerbForms("REACH"), (V{"REACHES", "REACHED", "REACHING"}));
  EXPECT_EQ(RegularVerbForms("VETO"), (V{"VETOES", "VETOED", "VETOING"}));
  EXPECT_EQ(RegularVerbForms("TRY"), (V{"TRIES", "TRIED", "TRYING"}));
  EXPECT_EQ(RegularVerbForms("PLAY"), (V{"PLAYS", "PLAYED", "PLAYING"}));
  EXPECT_EQ(RegularVerbForms("MAKE"), (V{"MAKES", "MAKED", "MAKING"}));
  EXPECT_EQ(RegularVerbForms("AGREE"), (V{"AGREES", "AGREED", "AGREEING"}));
  EXPECT_EQ(RegularVerbForms("DIE"), (V{"DIES", "DIED", "DYING"}));
  EXPECT_EQ(RegularVerbForms("STOP"), (V{"STOPS", "STOPPED", "STOPPING"}));
  EXPECT_EQ(RegularVerbForms("BAN"), (V{"BANS", "BANNED", "BANNING"}));
  EXPECT_EQ(RegularVerbForms("VISIT"), (V{"VISITS", "VISITED", "VISITING"}));
  EXPECT_EQ(RegularVerbForms("SHOOT"), (V{"SHOOTS", "SHOOTED", "SHOOTING"}));
  EXPECT_EQ(RegularVerbForms("SHOW"), (V{"SHOWS", "SHOWED", "SHOWING"}));
  EXPECT_EQ(RegularVerbForms("be"), (V{"BES", "BED", "BEING"}));
  EXPECT_TRUE(RegularVerbForms("").empty());
}

}  // namespace
}  // namespace thaw
