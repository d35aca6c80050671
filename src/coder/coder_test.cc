#include "coder/coder.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "base/strings.h"
#include "coder/code_algebra.h"

namespace thaw {
namespace {

// Builds a parsed sentence from "form/UPOS/head/deprel[/XPOS]" items (heads 1-based, 0 =
// root; XPOS VBD for verbs, NN otherwise, unless given).
Sentence Parse(const std::string& spec, Date date = 20240101) {
  Sentence s;
  s.id = "t";
  s.date = date;
  s.has_parse = true;
  for (std::string_view item : SplitWhitespace(spec)) {
    auto parts = Split(item, '/');
    Token t;
    t.form = s.Intern(parts[0]);
    t.lemma = s.Intern(parts[0]);
    t.upos = s.Intern(parts[1]);
    t.xpos = s.Intern(parts.size() > 4 ? parts[4] : parts[1] == "VERB" ? "VBD" : "NN");
    t.head = std::stoi(std::string(parts[2])) - 1;
    t.deprel = s.Intern(parts[3]);
    s.tokens.push_back(t);
  }
  return s;
}

class CoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics diags;
    LoadOptions opts;
    auto verbs = ParseVerbDictionary(R"(
&DEAL
+AGREEMENT
+TREATY
--- SIGN [057] ---
SIGN
- * &DEAL [057]
- * {TRADE PROTOCOL} [0311]
--- MEET [040:040] ---
MEET {MEETS MET MEETING}
--- CLASH [110] ---
CLASH
&TRUCE
+CEASEFIRE
--- AGREE [030] ---
AGREE
- % * [050]
- * &TRUCE [0871]
--- URGE [020] ---
URGE
--- SHELL [190] ---
SHELL
--- TAP [172] ---
WIRE_+TAP
--- OPPOSE [110] ---
OPPOSE
--- SAY [010] ---
SAY {SAYS SAID SAYING}
--- REGRET [111] ---
REGRET {REGRETTED REGRETS}
--- THREATEN [130] ---
THREATEN
--- DESTROY [180] ---
DESTROY
--- VISIT [042] ---
VISIT
--- IMPOSE [163] ---
IMPOSE
--- VETO [129] ---
VETO
--- ORDER [---] ---
ORDER
- * + (TO LEAVE) [174]
&AID
+AID
--- PLEDGE [030] ---
PLEDGE
- * &AID [033]
--- DISOWN [016] ---
DISOWN
--- EXCHANGE [---] ---
EXCHANGE
- * ACCUSATIONS [112]
--- DEMAND [100] ---
DEMAND
--- FREE [0841] ---
FREE
&ENVOY
+AMBASSADOR
--- RECALL [---] ---
RECALL
- * &ENVOY [161]
--- SUSPEND [---] ---
SUSPEND
- * TALKS [164]
--- SHARE [064] ---
SHARE
)",
                                     "verbs", opts, &diags);
    ASSERT_TRUE(verbs.ok()) << verbs.status().ToString();
    dicts_.verbs = std::move(verbs).value();
    ASSERT_TRUE(ParseActorDictionary(R"(
CHINA_ [CHN]
NORTH_KOREA_ [PRK]
+PYONGYANG
RUSSIA_ [RUS]
SOUTH_KOREAN_ [KOR]
UNITED_STATES_ [USA]
+US_
UNITED_NATIONS_ [IGOUNO]
+UN_
PARK_GEUN-HYE_
	[KORGOV 20130225-20170310]
UKRAINE_ [UKR]
BEIJING_ [CHNGOV]
KYIV_ [UKRGOV]
JAPAN_ [JPN]
TO_LAM_ [VNMGOV]
PKK_ [TURINSPKK]
TURKEY_ [TUR]
ANKARA_ [TURGOV]
RUSSIAN_ [RUS]
KURDISTAN_WORKERS'_PARTY_ [TURINSPKK]
)",
                                     "actors", opts, &diags, &dicts_.actors)
                    .ok());
    ASSERT_TRUE(ParseAgentDictionary("PRESIDENT [~GOV]\nPOLICE {} [~COP]\nMSF {} [NGO~]\n"
                                     "MILITARY [~MIL]\nGOVERNMENT [~GOV]\n",
                                     "agents", opts, &diags, &dicts_.agents)
                    .ok());
    ASSERT_TRUE(
        ParseDiscardDictionary("+TYPHOON\nBASEBALL\n", "discards", opts, &diags, &dicts_.discards)
            .ok());
    auto coder = Coder::Create(dicts_, CoderOptions(), &diags);
    ASSERT_TRUE(coder.ok());
    coder_ = std::move(coder).value();
    scratch_ = coder_->NewScratch();
    auto news = Coder::Create(dicts_, CoderOptions::News(), &diags);
    ASSERT_TRUE(news.ok());
    news_ = std::move(news).value();
  }

  std::vector<std::string> Code(const Sentence& s) {
    std::vector<Event> events;
    coder_->CodeSentence(s, scratch_.get(), &events);
    std::vector<std::string> out;
    for (const auto& e : events) out.push_back(e.source + ">" + e.target + ":" + e.code);
    return out;
  }

  std::vector<std::string> CodeNews(const Sentence& s) {
    std::vector<Event> events;
    news_->CodeSentence(s, scratch_.get(), &events);
    std::vector<std::string> out;
    for (const auto& e : events) out.push_back(e.source + ">" + e.target + ":" + e.code);
    return out;
  }

  DictionarySet dicts_;
  std::unique_ptr<Coder> coder_;
  std::unique_ptr<Coder> news_;  // CoderOptions::News()
  ScratchPtr scratch_;
};

TEST_F(CoderTest, SubjectVerbObjectGivesOneEvent) {
  auto s = Parse(
      "China/PROPN/2/nsubj signed/VERB/0/root a/DET/4/det treaty/NOUN/2/obj with/ADP/8/case "
      "North/PROPN/7/compound Korea/PROPN/8/compound Pyongyang/PROPN/2/obl");
  EXPECT_EQ(Code(s), std::vector<std::string>{"CHN>PRK:057"});
}

TEST_F(CoderTest, NounPhrasePatternBeatsSynonymSetWhenMoreSpecific) {
  auto s = Parse(
      "China/PROPN/2/nsubj signed/VERB/0/root a/DET/5/det trade/NOUN/5/compound protocol/NOUN/2/obj "
      "with/ADP/7/case Russia/PROPN/2/obl");
  EXPECT_EQ(Code(s), std::vector<std::string>{"CHN>RUS:0311"});
}

TEST_F(CoderTest, ColonCodeGivesEventsInBothDirections) {
  auto s = Parse("China/PROPN/2/nsubj met/VERB/0/root Russia/PROPN/2/obj");
  EXPECT_EQ(Code(s), (std::vector<std::string>{"CHN>RUS:040", "RUS>CHN:040"}));
}

TEST_F(CoderTest, NegationTurnsDisapprovalIntoCooperation) {
  auto s = Parse(
      "China/PROPN/3/nsubj not/PART/3/neg clash/VERB/0/root with/ADP/5/case Russia/PROPN/3/obl");
  EXPECT_EQ(Code(s), std::vector<std::string>{"CHN>RUS:050"});
  EXPECT_EQ(NegateEventCode("110"), "050");
  EXPECT_EQ(NegateEventCode("170"), "057");
}

TEST_F(CoderTest, PassiveVoiceSwapsRolesThroughTheByPhrase) {
  auto s = Parse(
      "China/PROPN/3/nsubj:pass was/AUX/3/aux:pass opposed/VERB/0/root by/ADP/5/case Russia/PROPN/3/obl");
  EXPECT_EQ(Code(s), std::vector<std::string>{"RUS>CHN:110"});
}

TEST_F(CoderTest, CompoundSubjectPatternCodesEachPair) {
  auto s = Parse("China/PROPN/4/nsubj and/CCONJ/3/cc Russia/PROPN/1/conj agree/VERB/0/root");
  EXPECT_EQ(Code(s), (std::vector<std::string>{"CHN>RUS:050", "RUS>CHN:050"}));
}

TEST_F(CoderTest, AgentsCombineWithTheCountryTheyBelongTo) {
  auto s = Parse("China/PROPN/3/compound 's/PART/1/case police/NOUN/4/nsubj met/VERB/0/root "
                 "MSF/PROPN/6/compound Russia/PROPN/4/obj");
  EXPECT_EQ(Code(s), (std::vector<std::string>{"CHNCOP>NGORUS:040", "NGORUS>CHNCOP:040"}));
}

TEST_F(CoderTest, HyphenatedNamesMatchWholeAndSplitTokens) {
  // Dictionaries write PARK_GEUN-HYE; CoreNLP keeps "Geun-hye" whole, UD (and thaw) splits it.
  auto whole = Parse(
      "Park/PROPN/2/compound Geun-hye/PROPN/3/nsubj met/VERB/0/root China/PROPN/3/obj", 20150101);
  auto split = Parse(
      "Park/PROPN/4/compound Geun/PROPN/4/compound -/PUNCT/4/punct hye/PROPN/5/nsubj met/VERB/0/root "
      "China/PROPN/5/obj",
      20150101);
  const std::vector<std::string> want{"KORGOV>CHN:040", "CHN>KORGOV:040"};
  EXPECT_EQ(Code(whole), want);
  EXPECT_EQ(Code(split), want);
}

TEST_F(CoderTest, DateRestrictedLeaderResolvesOnlyInOffice) {
  const char* spec = "Park/PROPN/3/nsubj Geun-hye/PROPN/1/flat met/VERB/0/root China/PROPN/3/obj";
  EXPECT_EQ(Code(Parse(spec, 20140703)),
            (std::vector<std::string>{"KORGOV>CHN:040", "CHN>KORGOV:040"}));
  EXPECT_TRUE(Code(Parse(spec, 20240101)).empty());
}

TEST_F(CoderTest, UndatedSentenceResolvesLeadersAsOfTheOptionsDate) {
  const char* spec = "Park/PROPN/3/nsubj Geun-hye/PROPN/1/flat met/VERB/0/root China/PROPN/3/obj";
  EXPECT_TRUE(Code(Parse(spec, kNoDate)).empty());  // PETRARCH: no date, no dated code
  Diagnostics diags;
  for (const Date as_of : {20140703, 20240101}) {
    CoderOptions options;
    options.undated_as_of = as_of;
    auto coder = Coder::Create(dicts_, options, &diags);
    ASSERT_TRUE(coder.ok());
    auto scratch = (*coder)->NewScratch();
    std::vector<Event> events;
    (*coder)->CodeSentence(Parse(spec, kNoDate), scratch.get(), &events);
    EXPECT_EQ(events.size(), as_of == 20140703 ? 2u : 0u) << as_of;
    events.clear();  // a dated sentence keeps its own date
    (*coder)->CodeSentence(Parse(spec, 20240101), scratch.get(), &events);
    EXPECT_TRUE(events.empty()) << as_of;
  }
}

TEST_F(CoderTest, PronounIsNeverAnActorName) {
  EXPECT_TRUE(Code(Parse("China/PROPN/2/nsubj met/VERB/0/root us/PRON/2/obj")).empty());
  EXPECT_EQ(Code(Parse("China/PROPN/2/nsubj met/VERB/0/root US/PROPN/2/obj")),
            (std::vector<std::string>{"CHN>USA:040", "USA>CHN:040"}));
}

TEST_F(CoderTest, LaterSentencesReferBackToPeopleAndTheKoreas) {
  Document doc;
  doc.sentences.push_back(Parse(
      "Park/PROPN/3/nsubj Geun-hye/PROPN/1/flat met/VERB/0/root China/PROPN/3/obj", 20150101));
  doc.sentences.push_back(Parse("Park/PROPN/2/nsubj met/VERB/0/root Russia/PROPN/2/obj", 20150101));
  doc.sentences.push_back(Parse(
      "China/PROPN/2/nsubj met/VERB/0/root North/PROPN/4/compound Korea/PROPN/2/obj", 20150101));
  doc.sentences.push_back(
      Parse("the/DET/2/det North/PROPN/3/nsubj met/VERB/0/root Russia/PROPN/3/obj", 20150101));
  Coder::DocumentEvents out;
  coder_->CodeDocument(doc, scratch_.get(), &out);
  ASSERT_EQ(out.events[1].size(), 2u);
  EXPECT_EQ(out.events[1][0].source, "KORGOV");  // "Park" alone, after "Park Geun-hye"
  ASSERT_EQ(out.events[3].size(), 2u);
  EXPECT_EQ(out.events[3][0].source, "PRK");  // "the North", after North Korea was named

  // A new document starts with no context.
  Document fresh;
  fresh.sentences.push_back(doc.sentences[3]);
  coder_->CodeDocument(fresh, scratch_.get(), &out);
  EXPECT_TRUE(out.events[0].empty());
}

TEST_F(CoderTest, SurnameAliasSurvivesAMistaggedName) {
  // Taggers miss unknown names ("Park" as SCONJ); the capital still makes it a name word.
  Document doc;
  doc.sentences.push_back(Parse(
      "Park/SCONJ/3/mark Geun-hye/PROPN/3/nsubj met/VERB/0/root China/PROPN/3/obj", 20150101));
  doc.sentences.push_back(Parse("Park/PROPN/2/nsubj met/VERB/0/root Russia/PROPN/2/obj", 20150101));
  Coder::DocumentEvents out;
  coder_->CodeDocument(doc, scratch_.get(), &out);
  ASSERT_FALSE(out.events[1].empty());
  EXPECT_EQ(out.events[1][0].source, "KORGOV");
}

TEST_F(CoderTest, LowerCaseShortWordsAndHyphenTailsAreNotAbbreviations) {
  // "un" is not the UN, neither alone nor as the tail of "Jong-un".
  EXPECT_TRUE(Code(Parse("China/PROPN/2/nsubj met/VERB/0/root un/X/2/obj")).empty());
  Sentence s =
      Parse("China/PROPN/2/nsubj met/VERB/0/root Jong/PROPN/2/obj -/PUNCT/5/punct UN/PROPN/3/flat");
  const uint32_t offsets[][2] = {{0, 5}, {6, 9}, {10, 14}, {14, 15}, {15, 17}};
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    s.tokens[i].char_begin = offsets[i][0];
    s.tokens[i].char_end = offsets[i][1];
  }
  EXPECT_TRUE(Code(s).empty());
}

TEST_F(CoderTest, TitleAndNameMisparsedAsConjunctsStayOneActor) {
  // Parsers often make "Park" a conj of "Korean" here; with no "and" or comma between them
  // it is one phrase, and the leader's KORGOV refines the adjective's KOR.
  auto s = Parse(
      "South/PROPN/2/amod Korean/ADJ/6/nsubj President/PROPN/4/compound Park/PROPN/2/conj "
      "Geun-hye/PROPN/4/flat met/VERB/0/root China/PROPN/6/obj",
      20150101);
  EXPECT_EQ(Code(s), (std::vector<std::string>{"KORGOV>CHN:040", "CHN>KORGOV:040"}));
}

TEST_F(CoderTest, RealCoordinationStillGivesEachConjunct) {
  auto s = Parse(
      "Russia/PROPN/4/nsubj and/CCONJ/3/cc China/PROPN/1/conj met/VERB/0/root Pyongyang/PROPN/4/obj");
  const auto got = Code(s);
  EXPECT_NE(std::find(got.begin(), got.end(), "RUS>PRK:040"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "CHN>PRK:040"), got.end());
}

TEST_F(CoderTest, LookupShowsWhatAPhraseResolvesTo) {
  auto s = Parse(
      "South/PROPN/2/amod Korean/ADJ/3/amod President/PROPN/4/compound Park/PROPN/5/nsubj "
      "Geun-hye/PROPN/0/root met/VERB/5/dep");
  const auto hits = coder_->Lookup(s, 20150101);
  std::vector<std::string> got;
  for (const auto& h : hits)
    got.push_back(std::to_string(h.begin) + "-" + std::to_string(h.end) + ":" + h.code);
  EXPECT_EQ(got, (std::vector<std::string>{"0-2:KOR", "2-3:~GOV", "3-5:KORGOV", "5-6:040:040"}));
  EXPECT_EQ(hits[2].source, "actors:11");  // the PARK_GEUN-HYE_ line
}

// `thaw dict lookup bomb` crashed: the multi-word form "CARPET_-_+BOMB" was listed as a
// hit starting before the first word. A form is a hit only where its words are.
TEST_F(CoderTest, LookupListsAMultiWordVerbOnlyWhereItsWordsAre) {
  auto bare = Parse("tap/VERB/0/root");
  EXPECT_TRUE(coder_->Lookup(bare, 20150101).empty());
  auto wire = Parse("wire/NOUN/2/compound tap/VERB/0/root");
  const auto hits = coder_->Lookup(wire, 20150101);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].begin, 0);
  EXPECT_EQ(hits[0].end, 2);
  EXPECT_EQ(hits[0].code, "172");
}

TEST_F(CoderTest, ReportedSpeechCarriesTheReportedAct) {
  auto s = Parse("China/PROPN/2/nsubj said/VERB/0/root Russia/PROPN/4/nsubj regretted/VERB/2/ccomp "
                 "Pyongyang/PROPN/4/obj");
  EXPECT_EQ(Code(s), std::vector<std::string>{"CHN>RUS:111"});
}

// ... but a report with no target carries no act: "Russia met China, police said" (parsed,
// as UD has it, with "met" a ccomp of "said") once lost the meeting to "---COP --- 010".
TEST_F(CoderTest, AReportWithoutATargetKeepsTheReportedEvents) {
  CoderOptions monads;
  monads.allow_monads = true;
  Diagnostics diags;
  auto coder = Coder::Create(dicts_, monads, &diags);
  ASSERT_TRUE(coder.ok());
  auto s = Parse(
      "Russia/PROPN/2/nsubj met/VERB/5/ccomp China/PROPN/2/obj police/NOUN/5/nsubj "
      "said/VERB/0/root");
  std::vector<Event> events;
  (*coder)->CodeSentence(s, scratch_.get(), &events);
  std::vector<std::string> got;
  for (const auto& e : events) got.push_back(e.source + ">" + e.target + ":" + e.code);
  EXPECT_EQ(got, (std::vector<std::string>{"RUS>CHN:040", "CHN>RUS:040", "---COP>---:010"}));
}

TEST_F(CoderTest, SentenceDiscardDropsOnlyThatSentence) {
  Document doc;
  doc.sentences.push_back(Parse("China/PROPN/2/nsubj met/VERB/0/root Russia/PROPN/2/obj"));
  doc.sentences.push_back(Parse(
      "China/PROPN/2/nsubj met/VERB/0/root Russia/PROPN/2/obj at/ADP/5/case baseball/NOUN/2/obl"));
  Coder::DocumentEvents out;
  coder_->CodeDocument(doc, scratch_.get(), &out);
  EXPECT_FALSE(out.story_discarded);
  EXPECT_EQ(out.events[0].size(), 2u);
  EXPECT_TRUE(out.events[1].empty());
}

TEST_F(CoderTest, StoryDiscardDropsTheWholeDocument) {
  Document doc;
  doc.sentences.push_back(Parse("China/PROPN/2/nsubj met/VERB/0/root Russia/PROPN/2/obj"));
  doc.sentences.push_back(Parse("a/DET/2/det typhoon/NOUN/3/nsubj hit/VERB/0/root"));
  Coder::DocumentEvents out;
  coder_->CodeDocument(doc, scratch_.get(), &out);
  EXPECT_TRUE(out.story_discarded);
  EXPECT_TRUE(out.events[0].empty());
}

TEST_F(CoderTest, SentenceWithoutParseYieldsNothing) {
  Sentence s;
  s.text = "China signed a treaty with Russia.";
  EXPECT_TRUE(Code(s).empty());
}

TEST_F(CoderTest, CyclicHeadsInABadParseDoNotHang) {
  auto s = Parse("China/PROPN/2/nsubj signed/VERB/3/root treaty/NOUN/2/obj");
  Code(s);  // must terminate
  SUCCEED();
}

// A given parse may attach a phrase to the root with any label: "Beijing" below has no
// head word, and the place rule once read the mention of head -1 (caught by ASan).
TEST_F(CoderTest, APhraseWithoutAHeadWordIsNoPlaceOfAnything) {
  auto s = Parse(
      "Russia/PROPN/2/nsubj signed/VERB/0/root an/DET/4/det agreement/NOUN/2/obj in/ADP/6/case "
      "Beijing/PROPN/0/nmod today/NOUN/4/nmod");
  CodeNews(s);  // must not read out of bounds
  SUCCEED();
}

}  // namespace
}  // namespace thaw

namespace thaw {
namespace {

TEST_F(CoderTest, NewsDropsActorsWithNoCountry) {
  auto s = Parse("the/DET/2/det President/NOUN/3/nsubj met/VERB/0/root China/PROPN/3/obj");
  EXPECT_EQ(Code(s),
            (std::vector<std::string>{"---GOV>CHN:040", "CHN>---GOV:040"}));  // PETRARCH keeps it
  EXPECT_TRUE(CodeNews(s).empty());
}

TEST_F(CoderTest, NewsTakesNoTargetFromPlacesOrSettings) {
  // "Russia and China met in Pyongyang": the two met each other, Pyongyang is where.
  auto s = Parse(
      "Russia/PROPN/4/nsubj and/CCONJ/3/cc China/PROPN/1/conj met/VERB/0/root in/ADP/6/case "
      "Pyongyang/PROPN/4/obl");
  EXPECT_EQ(CodeNews(s), (std::vector<std::string>{"RUS>CHN:040", "CHN>RUS:040"}));
  // A visit is no mutual act: "Russia and China visited the tower" gives nothing.
  auto v = Parse(
      "Russia/PROPN/4/nsubj and/CCONJ/3/cc China/PROPN/1/conj visited/VERB/0/root the/DET/6/det "
      "tower/NOUN/4/obj");
  EXPECT_TRUE(CodeNews(v).empty());
}

// "Germany pledged military aid to Ukraine" once coded nothing: "military aid" became the
// target "---MIL", and "in aid to Ukraine" was a setting like "met in Singapore".
TEST_F(CoderTest, NewsFindsTheRecipientOfAid) {
  auto s = Parse(
      "China/PROPN/2/nsubj pledged/VERB/0/root military/ADJ/4/amod aid/NOUN/2/obj to/ADP/6/case "
      "Ukraine/PROPN/4/nmod");
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"CHN>UKR:033"});
  auto sum = Parse(
      "China/PROPN/2/nsubj pledged/VERB/0/root 500/NUM/4/nummod million/NUM/2/obj in/ADP/6/case "
      "aid/NOUN/2/obl to/ADP/8/case Ukraine/PROPN/6/nmod");
  EXPECT_EQ(CodeNews(sum), std::vector<std::string>{"CHN>UKR:033"});
  // A role noun heading the phrase is still an actor: "the military" is one nobody can place.
  auto role = Parse("China/PROPN/2/nsubj oppose/VERB/0/root the/DET/4/det military/NOUN/2/obj");
  EXPECT_EQ(Code(role), std::vector<std::string>{"CHN>---MIL:110"});
}

// A capital after "in" is where, not whom ("signed an agreement in Beijing" once made
// CHNGOV the target); "the government in Kyiv" is still Ukraine's. "According to" stays a
// source of the report however it is parsed.
TEST_F(CoderTest, NewsTakesNoTargetFromACapitalAsAPlaceOrFromAnAttribution) {
  auto place = Parse(
      "Russia/PROPN/4/nsubj and/CCONJ/3/cc China/PROPN/1/conj signed/VERB/0/root an/DET/6/det "
      "agreement/NOUN/4/obj in/ADP/8/case Beijing/PROPN/6/nmod");
  EXPECT_EQ(CodeNews(place), (std::vector<std::string>{"RUS>CHN:057", "CHN>RUS:057"}));
  auto seat = Parse(
      "Russia/PROPN/2/nsubj oppose/VERB/0/root the/DET/4/det government/NOUN/2/obj in/ADP/6/case "
      "Kyiv/PROPN/4/nmod");
  EXPECT_EQ(CodeNews(seat), std::vector<std::string>{"RUS>UKRGOV:110"});
  // "..., according to state UN" with "state" read as a verb: the UN is no target.
  auto report = Parse(
      "Russia/PROPN/4/nsubj and/CCONJ/3/cc China/PROPN/1/conj signed/VERB/0/root a/DET/6/det "
      "treaty/NOUN/4/obj according/VERB/9/case to/ADP/7/fixed state/VERB/4/xcomp UN/PROPN/9/obj");
  EXPECT_EQ(CodeNews(report), (std::vector<std::string>{"RUS>CHN:057", "CHN>RUS:057"}));
}

// A name no dictionary knows, as the object, is the target, unknown: "Putin Thanks Kim for
// Support in Ukraine War" was coded as aimed at Ukraine.
TEST_F(CoderTest, NewsTakesNoTargetPastAnUnknownNamedObject) {
  auto s = Parse(
      "China/PROPN/2/nsubj oppose/VERB/0/root Gandalf/PROPN/2/obj over/ADP/5/case "
      "Ukraine/PROPN/2/obl");
  EXPECT_EQ(Code(s), std::vector<std::string>{"CHN>UKR:110"});  // PETRARCH searches on
  EXPECT_TRUE(CodeNews(s).empty());
}

// "Iran denied sending weapons to Russia" was coded as a delivery: the gerund's pattern
// outweighed the denial's default. (The fixture's denial verb is "disown".)
TEST_F(CoderTest, NewsCodesADenialNotTheActDenied) {
  auto s = Parse(
      "China/PROPN/2/nsubj disowned/VERB/0/root pledging/VERB/2/xcomp aid/NOUN/3/obj "
      "to/ADP/6/case Ukraine/PROPN/3/obl");
  EXPECT_EQ(Code(s), std::vector<std::string>{"CHN>UKR:033"});  // PETRARCH: the specific act
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"CHN>UKR:016"});
}

// Trading or exchanging is mutual whatever is exchanged: "Seoul and Moscow traded
// accusations" gave nothing, as an accusation (112) by two actors is not mutual by itself.
TEST_F(CoderTest, NewsExchangesAreMutual) {
  auto s = Parse(
      "Russia/PROPN/4/nsubj and/CCONJ/3/cc China/PROPN/1/conj exchange/VERB/0/root "
      "accusations/NOUN/4/obj");
  EXPECT_EQ(CodeNews(s), (std::vector<std::string>{"RUS>CHN:112", "CHN>RUS:112"}));
}

// "India and Pakistan agreed to a ceasefire" gave nothing: a truce by two actors is mutual.
TEST_F(CoderTest, NewsTrucesAreMutual) {
  auto s = Parse(
      "Russia/PROPN/4/nsubj and/CCONJ/3/cc China/PROPN/1/conj agree/VERB/0/root to/ADP/7/case "
      "a/DET/7/det ceasefire/NOUN/4/obl");
  EXPECT_EQ(CodeNews(s), (std::vector<std::string>{"RUS>CHN:0871", "CHN>RUS:0871"}));
}

// "Kishida and Yoon agreed to resume visits between their leaders": "their" resolved to the
// first subject, so only the second one's event was left. Subjects found again act on each
// other.
TEST_F(CoderTest, NewsConjoinedSubjectsFoundAgainActOnEachOther) {
  auto s = Parse(
      "Russia/PROPN/4/nsubj and/CCONJ/3/cc China/PROPN/1/conj agree/VERB/0/root with/ADP/7/case "
      "their/PRON/7/nmod:poss government/NOUN/4/obl");
  EXPECT_EQ(CodeNews(s), (std::vector<std::string>{"RUS>CHN:050", "CHN>RUS:050"}));
}

// "China sent aid to Lam Dong" was aimed at Vietnam's To Lam: a lower-case preposition
// starts no name.
TEST_F(CoderTest, ALowerCasePrepositionStartsNoName) {
  auto place =
      Parse("China/PROPN/2/nsubj pledged/VERB/0/root aid/NOUN/2/obj to/ADP/5/case Lam/PROPN/2/obl");
  EXPECT_TRUE(Code(place).empty());
  auto name = Parse("To/PROPN/2/compound Lam/PROPN/3/nsubj met/VERB/0/root China/PROPN/3/obj");
  EXPECT_EQ(Code(name), (std::vector<std::string>{"VNMGOV>CHN:040", "CHN>VNMGOV:040"}));
}

// "The PKK announced a ceasefire with Turkey" was dropped as self-directed (TURINSPKK refines
// TUR); insurgents, rebels, opposition and separatists are not their state.
TEST_F(CoderTest, NewsInsurgentsAreNotTheirState) {
  auto s = Parse("PKK/PROPN/2/nsubj met/VERB/0/root Turkey/PROPN/2/obj");
  EXPECT_EQ(CodeNews(s), (std::vector<std::string>{"TURINSPKK>TUR:040", "TUR>TURINSPKK:040"}));
  auto gov = Parse("Ankara/PROPN/2/nsubj met/VERB/0/root Turkey/PROPN/2/obj");
  EXPECT_TRUE(CodeNews(gov).empty());  // TURGOV and TUR: one actor
}

// A passive whose subject is no actor: the subject is what the patterns look for after the
// verb, and another oblique's actor is the target ("Sanctions were imposed on Russia by the
// European Union" gave nothing); conjoined agents with no target act on each other.
TEST_F(CoderTest, NewsPassiveSubjectIsThePatternsObject) {
  auto aid = Parse(
      "aid/NOUN/3/nsubj:pass was/AUX/3/aux:pass pledged/VERB/0/root to/ADP/5/case "
      "Ukraine/PROPN/3/obl by/ADP/7/case China/PROPN/3/obl:agent");
  EXPECT_EQ(CodeNews(aid), std::vector<std::string>{"CHN>UKR:033"});
  auto pact = Parse(
      "a/DET/3/det trade/NOUN/3/compound protocol/NOUN/5/nsubj:pass was/AUX/5/aux:pass "
      "signed/VERB/0/root by/ADP/7/case Russia/PROPN/5/obl:agent and/CCONJ/9/cc "
      "China/PROPN/7/conj");
  EXPECT_EQ(CodeNews(pact), (std::vector<std::string>{"RUS>CHN:0311", "CHN>RUS:0311"}));
  // ... but agents of an attack do not fight each other.
  auto town = Parse(
      "the/DET/2/det town/NOUN/4/nsubj:pass was/AUX/4/aux:pass shelled/VERB/0/root by/ADP/6/case "
      "Russia/PROPN/4/obl:agent and/CCONJ/8/cc China/PROPN/6/conj");
  EXPECT_TRUE(CodeNews(town).empty());
}

// "Armenia and Azerbaijan resumed talks, mediated by Kazakhstan" was Armenia and Azerbaijan
// mediating for Kazakhstan: a bare participle with a "by" agent is passive.
TEST_F(CoderTest, NewsABareParticipleWithAnAgentIsPassive) {
  auto s = Parse(
      "Russia/PROPN/4/nsubj and/CCONJ/3/cc China/PROPN/1/conj met/VERB/0/root ,/PUNCT/6/punct "
      "shelled/VERB/4/conj/VBN by/ADP/8/case Japan/PROPN/6/obl:agent");
  const auto got = CodeNews(s);
  EXPECT_NE(std::find(got.begin(), got.end(), "JPN>RUS:190"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "JPN>CHN:190"), got.end());
  EXPECT_EQ(std::find(got.begin(), got.end(), "RUS>JPN:190"), got.end());
}

// "Meanwhile, North Korea has sent troops" lost its source: the parser hung the subject
// from the auxiliary.
TEST_F(CoderTest, ASubjectHungFromTheAuxiliaryIsTheVerbsSubject) {
  auto s = Parse(
      "Meanwhile/ADV/5/advmod ,/PUNCT/1/punct China/PROPN/4/nsubj has/AUX/5/aux met/VERB/0/root "
      "Russia/PROPN/5/obj");
  EXPECT_EQ(CodeNews(s), (std::vector<std::string>{"CHN>RUS:040", "RUS>CHN:040"}));
}

// "Japan, South Korea leaders pledge to mend ties at Tokyo summit" was aimed at JPNGOV: a
// seat of government as the compound of an "at" phrase's noun is a place too.
TEST_F(CoderTest, NewsTakesNoTargetFromACapitalNamingASummit) {
  auto s = Parse(
      "Russia/PROPN/4/nsubj and/CCONJ/3/cc China/PROPN/1/conj signed/VERB/0/root an/DET/6/det "
      "agreement/NOUN/4/obj at/ADP/9/case Beijing/PROPN/9/compound summit/NOUN/6/nmod");
  EXPECT_EQ(CodeNews(s), (std::vector<std::string>{"RUS>CHN:057", "CHN>RUS:057"}));
}

// "his government", "her ministry": the first person the sentence named, never an actor
// from the sentence before.
TEST_F(CoderTest, NewsHisOrHerGovernmentIsThePersonsGovernment) {
  auto s = Parse(
      "Park/PROPN/2/compound Geun-hye/PROPN/3/nsubj said/VERB/0/root her/PRON/5/nmod:poss "
      "government/NOUN/6/nsubj opposes/VERB/3/ccomp China/PROPN/6/obj",
      20150101);
  const auto got = CodeNews(s);
  EXPECT_NE(std::find(got.begin(), got.end(), "KORGOV>CHN:110"), got.end()) << got.size();
  auto nobody =
      Parse("his/PRON/2/nmod:poss government/NOUN/3/nsubj opposes/VERB/0/root China/PROPN/3/obj",
            20150101);
  EXPECT_TRUE(CodeNews(nobody).empty());
}

// "Beijing police detained two Japanese citizens" was coded CHNGOVCOP, no CAMEO code: a
// capital (or a leader) with another role noun is that state's role.
TEST_F(CoderTest, NewsACapitalsPoliceAreTheStatesPolice) {
  auto s =
      Parse("Beijing/PROPN/2/compound police/NOUN/3/nsubj oppose/VERB/0/root Russia/PROPN/3/obj");
  EXPECT_EQ(Code(s), std::vector<std::string>{"CHNGOVCOP>RUS:110"});  // PETRARCH concatenates
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"CHNCOP>RUS:110"});
}

// "Iran is prepared to attack Israel" was coded as an attack (190), "Brazil was ready to
// mediate" as a mediation: readiness is an intent, or for force a threat.
TEST_F(CoderTest, NewsReadinessIsAnIntentNotTheAct) {
  auto s = Parse(
      "China/PROPN/3/nsubj is/AUX/3/cop ready/ADJ/0/root to/PART/5/mark shell/VERB/3/xcomp "
      "Russia/PROPN/5/obj");
  EXPECT_EQ(Code(s), std::vector<std::string>{"CHN>RUS:190"});  // PETRARCH
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"CHN>RUS:138"});
  EXPECT_EQ(IntentEventCode("045"), "039");
  EXPECT_EQ(IntentEventCode("046"), "036");
  EXPECT_EQ(IntentEventCode("0874"), "0356");
  EXPECT_EQ(IntentEventCode("073"), "0333");
  EXPECT_EQ(IntentEventCode("112"), "112");  // no intent counterpart
  EXPECT_EQ(IntentEventCode("1712"), "137");
}

// "EU governments agreed to freeze funding for Hungary" was an intent to give aid (0331, the
// agreement's own pattern on "funding"): CAMEO's intents are all cooperative, so agreeing to
// a hostile act is the act, or for force a threat.
TEST_F(CoderTest, NewsAgreeingToAHostileActIsTheActOrAThreat) {
  auto oppose = Parse(
      "China/PROPN/2/nsubj agreed/VERB/0/root to/PART/4/mark oppose/VERB/2/xcomp "
      "Russia/PROPN/4/obj");
  EXPECT_EQ(CodeNews(oppose), std::vector<std::string>{"CHN>RUS:110"});
  auto shell = Parse(
      "China/PROPN/2/nsubj agreed/VERB/0/root to/PART/4/mark shell/VERB/2/xcomp "
      "Russia/PROPN/4/obj");
  EXPECT_EQ(CodeNews(shell), std::vector<std::string>{"CHN>RUS:138"});
}

// "Ukraine's allies criticized Russia" was Ukraine's criticism.
TEST_F(CoderTest, NewsSomeonesAlliesAreNotThem) {
  auto s = Parse(
      "Ukraine/PROPN/3/nmod:poss 's/PART/1/case allies/NOUN/4/nsubj oppose/VERB/0/root "
      "Russia/PROPN/4/obj");
  EXPECT_EQ(Code(s), std::vector<std::string>{"UKR>RUS:110"});  // PETRARCH
  EXPECT_TRUE(CodeNews(s).empty());
}

// "Pakistan bombed hideouts in Afghanistan" gave nothing: "in" on the verb names a place,
// but force used in a country is used against it.
TEST_F(CoderTest, NewsForceUsedInACountryIsUsedAgainstIt) {
  auto s = Parse(
      "China/PROPN/2/nsubj shelled/VERB/0/root towns/NOUN/2/obj in/ADP/5/case "
      "Ukraine/PROPN/2/obl");
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"CHN>UKR:190"});
  auto met = Parse(
      "China/PROPN/2/nsubj met/VERB/0/root officials/NOUN/2/obj in/ADP/5/case "
      "Ukraine/PROPN/2/obl");
  EXPECT_TRUE(CodeNews(met).empty());  // a meeting there is not one with it
}

// "Russia and China held drills in the Sea of Japan" was aimed at Japan: a sea named after a
// country is a place, wherever the "in" phrase hangs.
TEST_F(CoderTest, NewsTakesNoTargetFromASeaNamedAfterACountry) {
  auto s = Parse(
      "Russia/PROPN/4/nsubj and/CCONJ/3/cc China/PROPN/1/conj met/VERB/0/root for/ADP/6/case "
      "talks/NOUN/4/obl in/ADP/9/case the/DET/9/det Sea/PROPN/6/nmod of/ADP/11/case "
      "Japan/PROPN/9/nmod");
  EXPECT_EQ(CodeNews(s), (std::vector<std::string>{"RUS>CHN:040", "CHN>RUS:040"}));
  // "... for talks with the envoy of Japan" still names Japan.
  auto envoy = Parse(
      "Russia/PROPN/2/nsubj met/VERB/0/root the/DET/4/det envoy/NOUN/2/obj of/ADP/6/case "
      "Japan/PROPN/4/nmod");
  EXPECT_EQ(CodeNews(envoy), (std::vector<std::string>{"RUS>JPN:040", "JPN>RUS:040"}));
}

// "Somalia called on the international community to lift sanctions on Eritrea" was coded
// as Somalia lifting sanctions: an appeal to no actor carries the act it asks for.
TEST_F(CoderTest, NewsAppealToNoActorCarriesTheActAskedFor) {
  auto s = Parse(
      "China/PROPN/2/nsubj urged/VERB/0/root the/DET/4/det community/NOUN/2/obj to/PART/6/mark "
      "impose/VERB/2/advcl sanctions/NOUN/6/obj on/ADP/9/case Russia/PROPN/6/obl");
  EXPECT_EQ(Code(s), std::vector<std::string>{"CHN>RUS:020"});  // PETRARCH finds Russia for both
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"CHN>RUS:020"});
  // An appeal to an actor is aimed at that actor, as before.
  auto un = Parse(
      "China/PROPN/2/nsubj urged/VERB/0/root the/DET/4/det UN/PROPN/2/obj to/PART/6/mark "
      "impose/VERB/2/xcomp sanctions/NOUN/6/obj on/ADP/9/case Russia/PROPN/6/obl");
  EXPECT_EQ(CodeNews(un), std::vector<std::string>{"CHN>IGOUNO:020"});
}

TEST_F(CoderTest, NewsIgnoresRelativeClausesAndWhatDidNotHappen) {
  // "China vetoed a resolution that would have imposed sanctions on North Korea": only the veto.
  auto s = Parse(
      "China/PROPN/2/nsubj vetoed/VERB/0/root a/DET/4/det resolution/NOUN/2/obj that/PRON/8/nsubj "
      "would/AUX/8/aux have/AUX/8/aux imposed/VERB/4/acl:relcl sanctions/NOUN/8/obj on/ADP/12/case "
      "North/PROPN/12/compound Korea/PROPN/9/nmod");
  EXPECT_TRUE(CodeNews(s).empty());  // no target for the veto itself, no sanctions imposed
  // "has yet to visit": not done.
  auto y = Parse(
      "China/PROPN/2/nsubj has/VERB/0/root yet/ADV/2/advmod to/PART/5/mark visit/VERB/2/xcomp "
      "Russia/PROPN/5/obj");
  EXPECT_TRUE(Code(y).empty());
}

TEST_F(CoderTest, NewsThreatCarriesTheActItAnnounces) {
  // "The US threatened at the UN to destroy North Korea": a threat against North Korea.
  auto s = Parse(
      "US/PROPN/2/nsubj threatened/VERB/0/root at/ADP/4/case UN/PROPN/2/obl to/PART/6/mark "
      "destroy/VERB/2/advcl North/PROPN/8/compound Korea/PROPN/6/obj");
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"USA>PRK:138"});  // a threat of force
}

// "Trump threatened to strike Iranian sites if Tehran attacked Americans" was also Iran
// attacking the United States: a condition is not an event.
TEST_F(CoderTest, NewsAConditionIsNoEvent) {
  auto s = Parse(
      "China/PROPN/2/nsubj threatened/VERB/0/root to/PART/4/mark shell/VERB/2/xcomp "
      "Russia/PROPN/4/obj if/SCONJ/8/mark Japan/PROPN/8/nsubj opposed/VERB/4/advcl "
      "Russia/PROPN/8/obj");
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"CHN>RUS:138"});
}

// "Kurti demanded that Serbia release three officers" was also coded as Serbia releasing
// them: a demand or appeal to an actor carries the act it asks for (1053), which did not
// happen.
TEST_F(CoderTest, NewsADemandCarriesTheActItAsksFor) {
  auto s = Parse(
      "China/PROPN/2/nsubj demanded/VERB/0/root that/SCONJ/5/mark Russia/PROPN/5/nsubj "
      "free/VERB/2/ccomp Ukraine/PROPN/5/obj");
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"CHN>RUS:1053"});
  auto urge = Parse(
      "China/PROPN/2/nsubj urged/VERB/0/root Russia/PROPN/2/obj to/PART/5/mark "
      "free/VERB/2/xcomp prisoners/NOUN/5/obj");
  EXPECT_EQ(CodeNews(urge), std::vector<std::string>{"CHN>RUS:0253"});
  EXPECT_EQ(AskedEventCode("100", "0874"), "1056");
  EXPECT_EQ(AskedEventCode("020", "046"), "026");
  EXPECT_EQ(AskedEventCode("020", "112"), "020");     // nothing to ask for
  EXPECT_EQ(AskedEventCode("0256", "0874"), "0256");  // already specific
}

// "China recalled its ambassador to Lithuania" gave nothing: "its" made China the target.
// When the phrase's owner is the source, the actor named with "to", "from" or "with" is.
TEST_F(CoderTest, NewsTheOwnersAmbassadorToACountryAimsAtTheCountry) {
  auto s = Parse(
      "China/PROPN/2/nsubj recalled/VERB/0/root its/PRON/4/nmod:poss ambassador/NOUN/2/obj "
      "to/ADP/6/case Russia/PROPN/4/nmod");
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"CHN>RUS:161"});
  auto on_verb = Parse(
      "China/PROPN/2/nsubj recalled/VERB/0/root its/PRON/4/nmod:poss ambassador/NOUN/2/obj "
      "to/ADP/6/case Russia/PROPN/2/obl");
  EXPECT_EQ(CodeNews(on_verb), std::vector<std::string>{"CHN>RUS:161"});
  auto talks = Parse(
      "China/PROPN/2/nsubj suspended/VERB/0/root its/PRON/4/nmod:poss talks/NOUN/2/obj "
      "with/ADP/6/case Russia/PROPN/4/nmod");
  EXPECT_EQ(CodeNews(talks), std::vector<std::string>{"CHN>RUS:164"});
}

// "Seoul shared intelligence with Tokyo" gave nothing: "intelligence" is an agent word, and
// the role with no country was the target. The news settings look on for one with a country.
TEST_F(CoderTest, NewsLooksPastATargetWithNoCountry) {
  auto s = Parse(
      "China/PROPN/2/nsubj shared/VERB/0/root police/NOUN/2/obj with/ADP/5/case "
      "Russia/PROPN/2/obl");
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"CHN>RUS:064"});
  // ... but not into that role's own phrase.
  auto own = Parse(
      "China/PROPN/2/nsubj shared/VERB/0/root police/NOUN/2/obj of/ADP/5/case "
      "Russia/PROPN/3/nmod");
  EXPECT_EQ(CodeNews(own), std::vector<std::string>{"CHN>RUSCOP:064"});
}

// "Iran will not negotiate with the United States" gave nothing (PETRARCH's negation has no
// code for it): with "will" or "would", not doing an act is refusing it (CAMEO 12x).
TEST_F(CoderTest, NewsWillNotIsARefusal) {
  auto s = Parse(
      "China/PROPN/4/nsubj will/AUX/4/aux not/PART/4/advmod free/VERB/0/root "
      "Russia/PROPN/4/obj");
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"CHN>RUS:1243"});
  auto did = Parse(
      "China/PROPN/4/nsubj did/AUX/4/aux not/PART/4/advmod free/VERB/0/root "
      "Russia/PROPN/4/obj");
  EXPECT_TRUE(CodeNews(did).empty());  // not done is no event
  EXPECT_EQ(RefusalEventCode("046"), "125");
  EXPECT_EQ(RefusalEventCode("057"), "127");
  EXPECT_EQ(RefusalEventCode("050"), "120");
  EXPECT_EQ(RefusalEventCode("190"), "");
}

// "China held large-scale military drills around Taiwan" had no target: "military", a
// compound there, made the drills an actor with no country.
TEST_F(CoderTest, NewsAnAgentWordNamingAThingIsNoActor) {
  auto s = Parse(
      "China/PROPN/2/nsubj shelled/VERB/0/root military/NOUN/4/compound positions/NOUN/2/obj "
      "in/ADP/6/case Russia/PROPN/4/nmod");
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"CHN>RUS:190"});
}

// "Hundreds of Pakistanis protested outside the US consulate" had no source: a common noun
// kept its modifiers' actors out. A number or group of people is those people.
TEST_F(CoderTest, NewsHundredsOfPeopleAreThosePeople) {
  auto s = Parse(
      "Hundreds/NOUN/4/nsubj of/ADP/3/case Russian/PROPN/1/nmod oppose/VERB/0/root "
      "China/PROPN/4/obj");
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"RUS>CHN:110"});
}

// "Pakistani soldiers were killed by fire from NATO helicopters" had no source.
TEST_F(CoderTest, NewsAPassiveAgentNamesItsSourceWithFrom) {
  auto s = Parse(
      "China/PROPN/3/nsubj:pass was/AUX/3/aux:pass shelled/VERB/0/root by/ADP/5/case "
      "fire/NOUN/3/obl:agent from/ADP/7/case Russia/PROPN/5/nmod");
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"RUS>CHN:190"});
}

// "Pakistani aircraft bombed hideouts in Afghanistan's Khost province" had no target.
TEST_F(CoderTest, NewsForceUsedInACountrysProvinceIsUsedAgainstIt) {
  auto s = Parse(
      "China/PROPN/2/nsubj shelled/VERB/0/root towns/NOUN/2/obj in/ADP/7/case "
      "Ukraine/PROPN/7/nmod:poss 's/PART/5/case provinces/NOUN/2/obl");
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"CHN>UKR:190"});
}

// "Erdogan arrived in Athens, and he and Mitsotakis signed a declaration" lost Erdogan.
TEST_F(CoderTest, NewsHeConjoinedWithASubjectIsTheFirstPersonNamed) {
  auto s = Parse(
      "Park/PROPN/5/nsubj Geun/PROPN/1/flat -/PUNCT/4/punct hye/PROPN/1/flat "
      "arrived/VERB/0/root ,/PUNCT/11/punct and/CCONJ/11/cc she/PRON/11/nsubj and/CCONJ/10/cc "
      "China/PROPN/8/conj signed/VERB/5/conj a/DET/13/det treaty/NOUN/11/obj",
      20150101);
  EXPECT_EQ(CodeNews(s), (std::vector<std::string>{"KORGOV>CHN:057", "CHN>KORGOV:057"}));
}

// "the Russian-led Collective Security Treaty Organization" was Russia.
TEST_F(CoderTest, AnActorLeadingAnotherInThePhraseGivesWayToIt) {
  auto s = Parse(
      "China/PROPN/2/nsubj urged/VERB/0/root the/DET/7/det Russian/ADJ/6/compound "
      "-/PUNCT/4/punct led/VERB/7/amod UN/PROPN/2/obj");
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"CHN>IGOUNO:020"});
}

// A dictionary name with a plural possessive ("KURDISTAN_WORKERS'_PARTY") never matched:
// the tokenizer splits "Workers'" into "Workers" and "'".
TEST_F(CoderTest, ANameWithAPluralPossessiveMatches) {
  auto s = Parse(
      "Kurdistan/PROPN/2/compound Workers/PROPN/4/nmod:poss '/PART/2/case Party/PROPN/5/nsubj "
      "oppose/VERB/0/root Russia/PROPN/5/obj");
  EXPECT_EQ(Code(s), std::vector<std::string>{"TURINSPKK>RUS:110"});
}

TEST_F(CoderTest, ObjectPronounOfAConjoinedVerbIsTheFirstVerbsObject) {
  // "China denied North Korea's request and ordered them to leave."
  auto s = Parse(
      "China/PROPN/2/nsubj denied/VERB/0/root North/PROPN/4/compound Korea/PROPN/6/nmod:poss "
      "'s/PART/4/case request/NOUN/2/obj and/CCONJ/8/cc ordered/VERB/2/conj them/PRON/8/obj "
      "to/PART/11/mark leave/VERB/8/xcomp");
  EXPECT_EQ(CodeNews(s), std::vector<std::string>{"CHN>PRK:174"});
}

TEST_F(CoderTest, TheTwoCountriesAreTheLastTwoNamed) {
  Document doc;
  doc.sentences.push_back(Parse(
      "China/PROPN/2/nsubj met/VERB/0/root North/PROPN/4/compound Korea/PROPN/2/obj", 20150101));
  doc.sentences.push_back(
      Parse("the/DET/3/det two/NUM/3/nummod countries/NOUN/4/nsubj met/VERB/0/root "
            "again/ADV/4/advmod",
            20150101));
  Coder::DocumentEvents out;
  news_->CodeDocument(doc, scratch_.get(), &out);
  ASSERT_EQ(out.events[1].size(), 2u);
  EXPECT_EQ(out.events[1][0].source + ">" + out.events[1][0].target, "CHN>PRK");
  EXPECT_EQ(out.events[1][1].source + ">" + out.events[1][1].target, "PRK>CHN");
}

// ... but two countries named earlier in the same sentence come first: "the two countries"
// once took China and North Korea from the sentence before instead of Russia and China.
TEST_F(CoderTest, TheTwoCountriesNamedInTheSentenceComeFirst) {
  Document doc;
  doc.sentences.push_back(Parse(
      "China/PROPN/2/nsubj met/VERB/0/root North/PROPN/4/compound Korea/PROPN/2/obj", 20150101));
  // "Russia met China and the two countries signed a treaty"
  doc.sentences.push_back(
      Parse("Russia/PROPN/2/nsubj met/VERB/0/root China/PROPN/2/obj and/CCONJ/8/cc "
            "the/DET/7/det two/NUM/7/nummod countries/NOUN/8/nsubj signed/VERB/2/conj "
            "a/DET/10/det treaty/NOUN/8/obj",
            20150101));
  // "South Korean officials criticized the two countries": one country here, the pair before.
  doc.sentences.push_back(
      Parse("South/PROPN/2/compound Korean/PROPN/3/amod officials/NOUN/4/nsubj "
            "oppose/VERB/0/root the/DET/7/det two/NUM/7/nummod countries/NOUN/4/obj",
            20150101));
  Coder::DocumentEvents out;
  news_->CodeDocument(doc, scratch_.get(), &out);
  std::vector<std::string> second, third;
  for (const Event& e : out.events[1]) second.push_back(e.source + ">" + e.target + ":" + e.code);
  for (const Event& e : out.events[2]) third.push_back(e.source + ">" + e.target + ":" + e.code);
  EXPECT_EQ(second,
            (std::vector<std::string>{"RUS>CHN:040", "CHN>RUS:040", "RUS>CHN:057", "CHN>RUS:057"}));
  EXPECT_EQ(third, (std::vector<std::string>{"KOR>RUS:110", "KOR>CHN:110"}));
}

}  // namespace
}  // namespace thaw
