#include "nlp/segmenter.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "base/strings.h"

namespace thaw {
namespace {

// Every test runs twice: with the rules alone, and with the shipped boundary model
// (models/segmenter.model), which must keep what the rules get right on news text.
class SegmenterTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    auto s = GetParam() ? Segmenter::Load(std::string(THAW_MODELS_DIR) + "/segmenter.model")
                        : Segmenter::Create();
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    seg_ = std::move(s).value();
    ASSERT_EQ(seg_->has_model(), GetParam());
  }

  // Token forms of `text` tokenized as one sentence, joined by '|'.
  std::string Tokens(std::string_view text) {
    Sentence s;
    s.text = std::string(text);
    seg_->Tokenize(s.text, &s);
    CheckTokens(s);
    return Join(s);
  }

  // Sentences of `text`, each as its token forms joined by '|', checking every invariant.
  std::vector<std::string> Sentences(std::string_view text) {
    Document doc;
    doc.id = "d";
    doc.date = 20150305;
    doc.text = std::string(text);
    seg_->Segment(&doc);
    std::vector<std::string> out;
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      const Sentence& s = doc.sentences[i];
      EXPECT_EQ(s.id, "d-" + std::to_string(i + 1));
      EXPECT_EQ(s.date, 20150305);
      EXPECT_FALSE(s.has_parse);
      EXPECT_EQ(doc.text.substr(s.doc_offset, s.text.size()), s.text);
      EXPECT_EQ(Trim(s.text), s.text);
      EXPECT_FALSE(s.text.empty());
      CheckTokens(s);
      out.push_back(Join(s));
    }
    return out;
  }

  static void CheckTokens(const Sentence& s) {
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const Token& t = s.tokens[i];
      ASSERT_LE(t.char_end, s.text.size());
      ASSERT_LT(t.char_begin, t.char_end);
      EXPECT_EQ(s.text.substr(t.char_begin, t.char_end - t.char_begin), s.Form(i));
      EXPECT_TRUE(s.Lemma(i).empty() && s.Upos(i).empty() && s.Xpos(i).empty() &&
                  s.Deprel(i).empty());
      EXPECT_EQ(t.head, -1);
      if (i > 0) {
        EXPECT_LE(s.tokens[i - 1].char_end, t.char_begin);
      }
    }
  }

  static std::string Join(const Sentence& s) {
    std::string out;
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      if (i) out += '|';
      out += s.Form(i);
    }
    return out;
  }

  std::unique_ptr<Segmenter> seg_;
};

using Strings = std::vector<std::string>;

INSTANTIATE_TEST_SUITE_P(RulesAndModel, SegmenterTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return std::string(info.param ? "Model" : "Rules");
                         });

// --- Tokens -------------------------------------------------------------------------------

TEST_P(SegmenterTest, SplitsNegationClitics) {
  EXPECT_EQ(Tokens("don't can't won't isn't"), "do|n't|ca|n't|wo|n't|is|n't");
}

TEST_P(SegmenterTest, SplitsPronounAndVerbClitics) {
  EXPECT_EQ(Tokens("I'm we're they've she'll he'd"), "I|'m|we|'re|they|'ve|she|'ll|he|'d");
}

TEST_P(SegmenterTest, SplitsPossessives) {
  EXPECT_EQ(Tokens("Bush's plan, the workers' union"), "Bush|'s|plan|,|the|workers|'|union");
}

TEST_P(SegmenterTest, CurlyApostropheActsLikeStraightOne) {
  EXPECT_EQ(Tokens("China\u2019s leader doesn\u2019t"), "China|\u2019s|leader|does|n\u2019t");
}

TEST_P(SegmenterTest, KeepsNamesWithApostrophes) {
  EXPECT_EQ(Tokens("O'Brien and the '90s"), "O'Brien|and|the|'90s");
}

TEST_P(SegmenterTest, SplitsFusedWordsAsUdDoes) {
  EXPECT_EQ(Tokens("I cannot say, gonna wait"), "I|can|not|say|,|gon|na|wait");
}

TEST_P(SegmenterTest, KeepsPrefixedHyphenWordsAndSplitsOtherHyphens) {
  // UD EWT/GUM keep prefixes ("anti-", "non-", "e-") and split other compounds, names and
  // number-noun compounds included ("Jong - un", "12 - year" in en_gum/en_ewt train).
  EXPECT_EQ(Tokens("anti-government non-profit e-mail"), "anti-government|non-profit|e-mail");
  EXPECT_EQ(Tokens("self-defense"), "self|-|defense");
  EXPECT_EQ(Tokens("Kim Jong-un"), "Kim|Jong|-|un");
  EXPECT_EQ(Tokens("a 12-year sentence"), "a|12|-|year|sentence");
  EXPECT_EQ(Tokens("anti-U.S. front"), "anti-U.S.|front");
  // An abbreviation keeps its period before the hyphen (EWT: "U.S." "-" "led"); it was split
  // off, and "U.S-led forces attacked" lost its subject.
  EXPECT_EQ(Tokens("U.S.-led forces, D.C.-based groups"),
            "U.S.|-|led|forces|,|D.C.|-|based|groups");
}

TEST_P(SegmenterTest, KeepsPhoneNumbersButSplitsRanges) {
  EXPECT_EQ(Tokens("call 713-853-3989 or 1-800-553-3119"), "call|713-853-3989|or|1-800-553-3119");
  EXPECT_EQ(Tokens("2003-2007"), "2003|-|2007");
}

TEST_P(SegmenterTest, KeepsNumbersWithSeparators) {
  EXPECT_EQ(Tokens("50,000 people, 11.8 percent, at 12:30 on 08/16/2000"),
            "50,000|people|,|11.8|percent|,|at|12:30|on|08/16/2000");
  EXPECT_EQ(Tokens("b/c it came w/o a manual, w/ the A/C on, and/or not"),
            "b/c|it|came|w/o|a|manual|,|w/|the|A/C|on|,|and|/|or|not");
}

TEST_P(SegmenterTest, SplitsCurrencyPercentAndUnits) {
  EXPECT_EQ(Tokens("$5 or 50% at 5pm, the 3rd"), "$|5|or|50|%|at|5|pm|,|the|3rd");
}

TEST_P(SegmenterTest, KeepsAbbreviationPeriodsInsideTheSentence) {
  EXPECT_EQ(Tokens("U.S. and N.K. officials met Gen. Kim on Aug. 24, e.g. here"),
            "U.S.|and|N.K.|officials|met|Gen.|Kim|on|Aug.|24|,|e.g.|here");
}

TEST_P(SegmenterTest, SplitsThePeriodOfAnAbbreviationEndingTheSentence) {
  EXPECT_EQ(Tokens("They moved to the U.S."), "They|moved|to|the|U.S|.");
  EXPECT_EQ(Tokens("apples, pears, etc."), "apples|,|pears|,|etc|.");
}

TEST_P(SegmenterTest, NumberAbbreviationsKeepPeriodOnlyBeforeANumber) {
  EXPECT_EQ(Tokens("No. 5 is here"), "No.|5|is|here");
  EXPECT_EQ(Tokens("No. It is not"), "No|.|It|is|not");
}

TEST_P(SegmenterTest, KeepsUrlsAndEmailAddresses) {
  EXPECT_EQ(Tokens("(see http://example.com/a_b?x=1&y=2)."),
            "(|see|http://example.com/a_b?x=1&y=2|)|.");
  EXPECT_EQ(Tokens("write to kyle.jones@example.com."), "write|to|kyle.jones@example.com|.");
  EXPECT_EQ(Tokens("at www.example.org, now"), "at|www.example.org|,|now");
}

TEST_P(SegmenterTest, KeepsPunctuationRunsAndEmoticons) {
  EXPECT_EQ(Tokens("Wait... what?! -- ok :-)"), "Wait|...|what|?!|--|ok|:-)");
}

TEST_P(SegmenterTest, SplitsQuotesBracketsAndDashes) {
  EXPECT_EQ(Tokens("\u201cHello,\u201d she said \u2014 (twice)."),
            "\u201c|Hello|,|\u201d|she|said|\u2014|(|twice|)|.");
  EXPECT_EQ(Tokens("\"Yes\" or 'no'"), "\"|Yes|\"|or|'|no|'");
}

TEST_P(SegmenterTest, NeverSplitsInsideAMultibyteCharacter) {
  const std::string text =
      "Se\u00f1or N\u00fa\u00f1ez\u2019s caf\u00e9\u2014the \u201cbest\u201d \u6771\u4eac";
  EXPECT_EQ(Tokens(text),
            "Se\u00f1or|N\u00fa\u00f1ez|\u2019s|caf\u00e9|\u2014|the|\u201c|best|\u201d|"
            "\u6771\u4eac");
  Sentence s;
  seg_->Tokenize(text, &s);
  for (size_t i = 0; i < s.tokens.size(); ++i) EXPECT_TRUE(IsValidUtf8(s.Form(i)));
}

TEST_P(SegmenterTest, InvalidUtf8ByteBecomesItsOwnToken) {
  EXPECT_EQ(Tokens("ab\xFF" "cd \xC3"), "ab|\xFF|cd|\xC3");
}

TEST_P(SegmenterTest, TokenizeReplacesEarlierTokensAndKeepsText) {
  Sentence s;
  s.text = "One two.";
  seg_->Tokenize(s.text, &s);
  seg_->Tokenize(s.text, &s);
  EXPECT_EQ(Join(s), "One|two|.");
  EXPECT_EQ(s.text, "One two.");
}

TEST_P(SegmenterTest, KeepsAVeryLongTokenWhole) {
  const std::string word(1 << 20, 'x');
  Sentence s;
  s.text = "a " + word + " b";
  seg_->Tokenize(s.text, &s);
  ASSERT_EQ(s.tokens.size(), 3u);
  EXPECT_EQ(s.Form(1).size(), word.size());
}

// --- Sentences ----------------------------------------------------------------------------

TEST_P(SegmenterTest, SplitsPlainSentences) {
  EXPECT_EQ(Sentences("  The talks resumed. Both sides agreed!  Is it over?  "),
            (Strings{"The|talks|resumed|.", "Both|sides|agreed|!", "Is|it|over|?"}));
}

TEST_P(SegmenterTest, TitlesBeforeANameNeverEndASentence) {
  for (const char* title : {"Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.",
                            "Col.", "Maj.", "Capt.", "Sgt.", "Rev.", "Prof."}) {
    const std::string text = std::string("She met ") + title + " Smith yesterday. He left.";
    EXPECT_EQ(Sentences(text).size(), 2u) << text;
  }
}

TEST_P(SegmenterTest, CompanyAndOtherAbbreviationsDoNotEndASentenceBeforeAName) {
  for (const char* text :
       {"Samsung Electronics Co. Chairman Lee spoke.", "Apple Inc. Chief Tim Cook spoke.",
        "Acme Corp. President Kim spoke.", "Foo Ltd. Director Park spoke.",
        "They met on Jan. 5 and Feb. 6.", "It was Lee vs. Park in St. Louis.",
        "Martin Luther King Jr. Day is here.", "They met in the U.N. General Assembly.",
        "N.K. leader Kim spoke.", "See No. 10 Downing Street today."}) {
    EXPECT_EQ(Sentences(text).size(), 1u) << text;
  }
}

TEST_P(SegmenterTest, AbbreviationEndsASentenceBeforeATypicalStarter) {
  EXPECT_EQ(Sentences("He moved to the U.S. The move was quick."),
            (Strings{"He|moved|to|the|U.S|.", "The|move|was|quick|."}));
  EXPECT_EQ(Sentences("They sell pens, paper, etc. But not ink."),
            (Strings{"They|sell|pens|,|paper|,|etc|.", "But|not|ink|."}));
}

TEST_P(SegmenterTest, InitialsDoNotEndASentence) {
  EXPECT_EQ(Sentences("J. R. R. Tolkien wrote it. George W. Bush read it."),
            (Strings{"J.|R.|R.|Tolkien|wrote|it|.", "George|W.|Bush|read|it|."}));
}

TEST_P(SegmenterTest, DecimalNumbersDoNotEndASentence) {
  EXPECT_EQ(Sentences("Growth was 11.8 percent. Prices rose 0.5 points."),
            (Strings{"Growth|was|11.8|percent|.", "Prices|rose|0.5|points|."}));
}

TEST_P(SegmenterTest, ClosingQuoteStaysWithItsSentence) {
  EXPECT_EQ(Sentences("He said, \u201cIt is over.\u201d Then he left."),
            (Strings{"He|said|,|\u201c|It|is|over|.|\u201d", "Then|he|left|."}));
  EXPECT_EQ(Sentences("\"Is it over?\" he asked. \"No.\" She left."),
            (Strings{"\"|Is|it|over|?|\"|he|asked|.", "\"|No|.|\"", "She|left|."}));
}

TEST_P(SegmenterTest, EllipsisEndsASentenceOnlyBeforeACapital) {
  EXPECT_EQ(Sentences("Wait... what now? Then... They left."),
            (Strings{"Wait|...|what|now|?", "Then|...", "They|left|."}));
}

TEST_P(SegmenterTest, CitationMarkStaysWithItsSentence) {
  EXPECT_EQ(Sentences("He left in 1805. [6] Then he returned."),
            (Strings{"He|left|in|1805|.|[|6|]", "Then|he|returned|."}));
}

TEST_P(SegmenterTest, EmoticonAfterTheFullStopStaysWithTheSentence) {
  EXPECT_EQ(Sentences("I love it. :) See you."), (Strings{"I|love|it|.|:)", "See|you|."}));
}

TEST_P(SegmenterTest, DatelineIsASentenceOfItsOwn) {
  EXPECT_EQ(Sentences("BEIJING (Reuters) - China said on Monday it would talk."),
            (Strings{"BEIJING|(|Reuters|)|-", "China|said|on|Monday|it|would|talk|."}));
  // The model once joined a dated one to the sentence, and "SEOUL" became the subject
  // (KORGOV) of North Korea's accusation.
  EXPECT_EQ(Sentences("SEOUL, Dec 5 (Reuters) - North Korea accused the United States."),
            (Strings{"SEOUL|,|Dec|5|(|Reuters|)|-", "North|Korea|accused|the|United|States|."}));
  EXPECT_EQ(Sentences("SEOUL, Jan. 5 (Yonhap) -- North Korea fired a missile."),
            (Strings{"SEOUL|,|Jan.|5|(|Yonhap|)|--", "North|Korea|fired|a|missile|."}));
  // A place with an apostrophe: "N'DJAMENA" was joined to the sentence and became the target.
  EXPECT_EQ(Sentences("N'DJAMENA, Feb 4 (Reuters) - Chad closed the border."),
            (Strings{"N'DJAMENA|,|Feb|4|(|Reuters|)|-", "Chad|closed|the|border|."}));
  // A place in title case, as AFP writes it: "Bamako" became the source of Mali's expulsion.
  EXPECT_EQ(Sentences("Bamako (AFP) - Mali expelled the envoy."),
            (Strings{"Bamako|(|AFP|)|-", "Mali|expelled|the|envoy|."}));
  EXPECT_EQ(Sentences("Addis Ababa, Feb 4 (Reuters) - Ethiopia spoke."),
            (Strings{"Addis|Ababa|,|Feb|4|(|Reuters|)|-", "Ethiopia|spoke|."}));
  // A long one: 13 tokens before the sentence (the limit was 12).
  EXPECT_EQ(Sentences("AL-ULA, Saudi Arabia, Jan 5 (Reuters) - Qatar signed."),
            (Strings{"AL|-|ULA|,|Saudi|Arabia|,|Jan|5|(|Reuters|)|-", "Qatar|signed|."}));
  // A bracketed remark that is not an agency's name stays in its sentence.
  EXPECT_EQ(Sentences("John Smith (right) - who had won - left."),
            (Strings{"John|Smith|(|right|)|-|who|had|won|-|left|."}));
}

TEST_P(SegmenterTest, BlankLineIsAlwaysABoundary) {
  EXPECT_EQ(Sentences("The talks went on\n\nand on for days"),
            (Strings{"The|talks|went|on", "and|on|for|days"}));
}

TEST_P(SegmenterTest, BoilerplateLinesAreNotGluedToTheNextSentence) {
  EXPECT_EQ(Sentences("Skip to content\nHome > World > Asia\nBy Jane Roe\n"
                      "Officials said on Monday that talks would resume."),
            (Strings{"Skip|to|content", "Home|>|World|>|Asia", "By|Jane|Roe",
                     "Officials|said|on|Monday|that|talks|would|resume|."}));
}

TEST_P(SegmenterTest, HeadlineLineEndsASentence) {
  EXPECT_EQ(Sentences("Leaders agree to resume border trade talks\n"
                      "The two governments agreed on Monday to reopen the border."),
            (Strings{"Leaders|agree|to|resume|border|trade|talks",
                     "The|two|governments|agreed|on|Monday|to|reopen|the|border|."}));
}

TEST_P(SegmenterTest, LineBreakInsideAWrappedParagraphIsNotABoundary) {
  EXPECT_EQ(Sentences("The two countries agreed on Monday to resume the talks that had\n"
                      "been suspended since the nuclear test between China and\n"
                      "North Korea in February.\nBoth sides welcomed it."),
            (Strings{"The|two|countries|agreed|on|Monday|to|resume|the|talks|that|had|been|"
                     "suspended|since|the|nuclear|test|between|China|and|North|Korea|in|"
                     "February|.",
                     "Both|sides|welcomed|it|."}));
}

TEST_P(SegmenterTest, AbbreviationAtTheEndOfALineDoesNotEndTheSentence) {
  EXPECT_EQ(Sentences("The delegation was led by a senior diplomat, Mr.\nPark, on Monday."),
            (Strings{"The|delegation|was|led|by|a|senior|diplomat|,|Mr.|Park|,|on|Monday|."}));
}

TEST_P(SegmenterTest, LowerCaseWordAfterAFullStopStartsASentence) {
  // Web text often starts sentences in lower case; EWT/GUM train split there 324 of 336 times.
  EXPECT_EQ(Sentences("call me at 5. they have not heard from you."),
            (Strings{"call|me|at|5|.", "they|have|not|heard|from|you|."}));
}

TEST_P(SegmenterTest, EmailHeaderTimestampIsASentenceOfItsOwn) {
  EXPECT_EQ(Sentences("Jane Roe 08/17/2000 11:21 AM I spoke to him. It was sent on "
                      "08/16/2000 03:48 PM today."),
            (Strings{"Jane|Roe", "08/17/2000|11:21|AM", "I|spoke|to|him|.",
                     "It|was|sent|on|08/16/2000|03:48|PM|today|."}));
}

TEST_P(SegmenterTest, LinkListsAndSignaturesAreSplit) {
  EXPECT_EQ(Sentences("See http://a.example.com/1 http://b.example.com/2"),
            (Strings{"See|http://a.example.com/1", "http://b.example.com/2"}));
  EXPECT_EQ(Sentences("Regards, Jane Roe"), (Strings{"Regards|,", "Jane|Roe"}));
}

TEST_P(SegmenterTest, UnicodeQuotesAndAccentedNames) {
  EXPECT_EQ(Sentences("\u201cSe\u00f1or N\u00fa\u00f1ez is here,\u201d said Zo\u00eb. "
                      "\u00c9lodie agreed."),
            (Strings{"\u201c|Se\u00f1or|N\u00fa\u00f1ez|is|here|,|\u201d|said|Zo\u00eb|.",
                     "\u00c9lodie|agreed|."}));
}

TEST_P(SegmenterTest, IcuEndsSentencesAtTerminalMarksOfOtherScripts) {
  EXPECT_EQ(Sentences("The banner read \u548c\u5e73\u3002 Then we left\uff01 Really."),
            (Strings{"The|banner|read|\u548c\u5e73|\u3002", "Then|we|left|\uff01", "Really|."}));
}

TEST_P(SegmenterTest, EmptyAndWhitespaceOnlyTextAddNoSentence) {
  EXPECT_TRUE(Sentences("").empty());
  EXPECT_TRUE(Sentences(" \n\n\t \r\n  ").empty());
  EXPECT_TRUE(Sentences("\xC2\xA0\xE2\x80\x89").empty());  // no-break and thin spaces
}

TEST_P(SegmenterTest, SentenceNumberingStartsAtOneForEachCall) {
  Document doc;
  doc.id = "x";
  doc.text = "One. Two.";
  seg_->Segment(&doc);
  seg_->Segment(&doc);
  ASSERT_EQ(doc.sentences.size(), 4u);
  EXPECT_EQ(doc.sentences[3].id, "x-2");
}

TEST_P(SegmenterTest, SegmentAndTokenizeAgree) {
  Document doc;
  doc.id = "d";
  doc.text =
      "Gen. Kim met U.S. officials on Aug. 24. \u201cWe won\u2019t talk,\u201d he said...\n\n"
      "Prices rose 11.8% (to $5,000) in the U.S.\nThey said: fine!";
  seg_->Segment(&doc);
  ASSERT_GE(doc.sentences.size(), 3u);
  for (const Sentence& s : doc.sentences) {
    Sentence again;
    seg_->Tokenize(s.text, &again);
    EXPECT_EQ(Join(again), Join(s));
  }
}

TEST_P(SegmenterTest, TenMegabytesWithoutPunctuationIsFastAndCapped) {
  std::string text;
  text.reserve(10 << 20);
  while (text.size() < (10u << 20)) text += "word and more words without any end ";
  Document doc;
  doc.text = text;
  auto start = std::chrono::steady_clock::now();
  seg_->Segment(&doc);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(secs, 20.0);  // ~0.3 s in a Release build; quadratic behaviour would take hours
  ASSERT_GT(doc.sentences.size(), 1u);
  size_t tokens = 0;
  for (const Sentence& s : doc.sentences) {
    EXPECT_LE(s.tokens.size(), Segmenter::kMaxSentenceTokens);
    tokens += s.tokens.size();
  }
  EXPECT_EQ(tokens, SplitWhitespace(text).size());
}

TEST_P(SegmenterTest, TenMegabytesWithoutSpacesOrPunctuationIsOneToken) {
  Document doc;
  doc.text.assign(10 << 20, 'a');
  seg_->Segment(&doc);
  ASSERT_EQ(doc.sentences.size(), 1u);
  ASSERT_EQ(doc.sentences[0].tokens.size(), 1u);
  EXPECT_EQ(doc.sentences[0].tokens[0].char_end, 10u << 20);
}

TEST_P(SegmenterTest, LongRunsOfPunctuationAreLinear) {
  for (const std::string unit : {"(", "-a", "a.", "'", "1-", "x@"}) {
    std::string text;
    while (text.size() < (2u << 20)) text += unit;
    Document doc;
    doc.text = text;
    auto start = std::chrono::steady_clock::now();
    seg_->Segment(&doc);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(secs, 10.0) << unit;
    ASSERT_FALSE(doc.sentences.empty());
  }
}

// --- The boundary model -------------------------------------------------------------------

std::vector<std::string> SentenceTexts(Segmenter* seg, std::string_view text) {
  Document doc;
  doc.text = std::string(text);
  seg->Segment(&doc);
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.push_back(s.text);
  return out;
}

std::unique_ptr<Segmenter> ShippedModel() {
  auto s = Segmenter::Load(std::string(THAW_MODELS_DIR) + "/segmenter.model");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

TEST(SegmenterModelTest, SplitsWhereTheRulesSeeNoSentenceFinalPunctuation) {
  auto rules = Segmenter::Create();
  ASSERT_TRUE(rules.ok());
  auto model = ShippedModel();
  ASSERT_NE(model, nullptr);
  // Web-text boundaries from the kinds en_ewt-ud-dev has (headers, figure captions, speech).
  const std::vector<std::pair<std::string, Strings>> cases = {
      {"Email: \"Julie\" <julie@bellsouth.net> Groups: alt.animals.cat",
       {"Email: \"Julie\" <julie@bellsouth.net>", "Groups: alt.animals.cat"}},
      {"Figure 1.6 The map of the world shows the differences.",
       {"Figure 1.6", "The map of the world shows the differences."}},
      {"Did you just wash \u2014 Yes.", {"Did you just wash \u2014", "Yes."}},
  };
  for (const auto& [text, want] : cases) {
    EXPECT_EQ(SentenceTexts(model.get(), text), want) << text;
    EXPECT_EQ(SentenceTexts(rules->get(), text).size(), 1u) << text;
  }
}

// In edited prose (news: every paragraph ends with a mark) a sentence ends only at a mark.
// The model cut both sentences below in two, and "Two Russian" lost its bombers' flight.
TEST(SegmenterModelTest, EditedProseIsCutOnlyAtMarks) {
  auto model = ShippedModel();
  ASSERT_NE(model, nullptr);
  const std::string article =
      "Russia flies bombers near Japan\n\n"
      "Two Russian Tu-95 bombers flew near Japan on Monday. Japan scrambled fighter jets.\n\n"
      "Aid groups say more than 600,000 Rohingya have crossed into Bangladesh since late "
      "August.";
  EXPECT_EQ(SentenceTexts(model.get(), article),
            (Strings{"Russia flies bombers near Japan",
                     "Two Russian Tu-95 bombers flew near Japan on Monday.",
                     "Japan scrambled fighter jets.",
                     "Aid groups say more than 600,000 Rohingya have crossed into Bangladesh "
                     "since late August."}));
  // Paragraphs may be separated by carriage returns alone (old Mac files).
  std::string mac = article;
  for (char& ch : mac) {
    if (ch == '\n') ch = '\r';
  }
  EXPECT_EQ(SentenceTexts(model.get(), mac).size(), 4u);
  // A paragraph that does not end with a mark is no edited prose: the model decides.
  EXPECT_EQ(SentenceTexts(model.get(),
                          "Figure 1.6 The map of the world shows the differences. It is old. It "
                          "is big.\n\nSource: the atlas"),
            (Strings{"Figure 1.6", "The map of the world shows the differences.", "It is old.",
                     "It is big.", "Source: the atlas"}));
}

// Threads get their segmenter this way: the model is shared, not read again.
TEST(SegmenterModelTest, ForAnotherThreadSplitsAsTheOriginal) {
  auto model = ShippedModel();
  ASSERT_NE(model, nullptr);
  auto other = model->ForAnotherThread();
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  EXPECT_TRUE((*other)->has_model());
  const std::string text =
      "Email: \"Julie\" <julie@bellsouth.net> Groups: alt.animals.cat\nFigure 1.6 The map "
      "shows it. Gen. Kim met Mr. Park.";
  const std::vector<std::string> want = SentenceTexts(model.get(), text);
  EXPECT_EQ(want.size(), 4u);
  model.reset();  // the copy keeps the shared weights alive
  EXPECT_EQ(SentenceTexts(other->get(), text), want);

  auto rules = Segmenter::Create();
  ASSERT_TRUE(rules.ok());
  auto rules_copy = (*rules)->ForAnotherThread();
  ASSERT_TRUE(rules_copy.ok());
  EXPECT_FALSE((*rules_copy)->has_model());
}

TEST(SegmenterModelTest, KeepsNewsAbbreviationsAndHeadlines) {
  auto model = ShippedModel();
  ASSERT_NE(model, nullptr);
  EXPECT_EQ(SentenceTexts(model.get(),
                          "Gen. Kim met Mr. Park in the U.S. on Aug. 5 and J. R. Smith paid 3.5 "
                          "million dollars. They left the U.S. The talks ended. \"We are ready.\" "
                          "He said nothing else. The N.K. leader left."),
            (Strings{"Gen. Kim met Mr. Park in the U.S. on Aug. 5 and J. R. Smith paid 3.5 "
                     "million dollars.",
                     "They left the U.S.", "The talks ended.", "\"We are ready.\"",
                     "He said nothing else.", "The N.K. leader left."}));
  // Lines without a terminal mark that are short or in title case get no boundary from the
  // model; line breaks stay boundaries.
  EXPECT_EQ(SentenceTexts(model.get(),
                          "Back To Top\nHome > Opinion > Editorials\nLog in | Sign up\n"
                          "North Korea Says It Will Resume Talks With China Next Week\n"
                          "Signs emerge of China-N.K. thaw\n\nThe talks resumed."),
            (Strings{"Back To Top", "Home > Opinion > Editorials", "Log in | Sign up",
                     "North Korea Says It Will Resume Talks With China Next Week",
                     "Signs emerge of China-N.K. thaw", "The talks resumed."}));
}

TEST(SegmenterModelTest, LoadReportsAMissingOrBrokenFile) {
  auto missing = Segmenter::Load("/nonexistent/segmenter.model");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
  EXPECT_NE(missing.status().message().find("/nonexistent/segmenter.model"), std::string::npos);

  const std::string path = ::testing::TempDir() + "/broken_segmenter.model";
  SegmenterModelData data;
  data.index = {1, 2};
  data.weight = {0.5f, -0.5f};
  ASSERT_TRUE(WriteSegmenterModel(data, path).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_GT(bytes.size(), 3u);
  bytes.resize(bytes.size() - 3);  // truncated
  { std::ofstream(path, std::ios::binary) << bytes; }
  auto truncated = Segmenter::Load(path);
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().code(), StatusCode::kCorruption);
  EXPECT_NE(truncated.status().message().find(path), std::string::npos);
}

TEST(SegmenterModelTest, CreateRejectsInconsistentData) {
  SegmenterModelData data;
  data.index = {1, 2};
  data.weight = {0.5f};
  EXPECT_EQ(Segmenter::Create(data).status().code(), StatusCode::kInvalidArgument);
  data.weight = {0.5f, 1.0f};
  data.index = {1, 1u << SegmenterModelData::kTableBits};
  EXPECT_EQ(Segmenter::Create(data).status().code(), StatusCode::kInvalidArgument);
}

TEST(SegmenterModelTest, AModelWithNoWeightsKeepsOnlyLineBreakBoundaries) {
  // Score 0 is "no boundary": an empty model keeps only line-break boundaries, which the
  // rules decide whatever the model says.
  auto empty = Segmenter::Create(SegmenterModelData{});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE((*empty)->has_model());
  EXPECT_EQ(SentenceTexts(empty->get(), "One. Two.\n\nThree. Four."),
            (Strings{"One. Two.", "Three. Four."}));
}

}  // namespace
}  // namespace thaw
