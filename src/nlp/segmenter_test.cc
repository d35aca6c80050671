#include "nlp/segmenter.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "base/strings.h"

namespace thaw {
namespace {

class SegmenterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = Segmenter::Create();
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    seg_ = std::move(s).value();
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

// --- Tokens -------------------------------------------------------------------------------

TEST_F(SegmenterTest, SplitsNegationClitics) {
  EXPECT_EQ(Tokens("don't can't won't isn't"), "do|n't|ca|n't|wo|n't|is|n't");
}

TEST_F(SegmenterTest, SplitsPronounAndVerbClitics) {
  EXPECT_EQ(Tokens("I'm we're they've she'll he'd"), "I|'m|we|'re|they|'ve|she|'ll|he|'d");
}

TEST_F(SegmenterTest, SplitsPossessives) {
  EXPECT_EQ(Tokens("Bush's plan, the workers' union"), "Bush|'s|plan|,|the|workers|'|union");
}

TEST_F(SegmenterTest, CurlyApostropheActsLikeStraightOne) {
  EXPECT_EQ(Tokens("China\u2019s leader doesn\u2019t"), "China|\u2019s|leader|does|n\u2019t");
}

TEST_F(SegmenterTest, KeepsNamesWithApostrophes) {
  EXPECT_EQ(Tokens("O'Brien and the '90s"), "O'Brien|and|the|'90s");
}

TEST_F(SegmenterTest, SplitsFusedWordsAsUdDoes) {
  EXPECT_EQ(Tokens("I cannot say, gonna wait"), "I|can|not|say|,|gon|na|wait");
}

TEST_F(SegmenterTest, KeepsPrefixedHyphenWordsAndSplitsOtherHyphens) {
  // UD EWT/GUM keep prefixes ("anti-", "non-", "e-") and split other compounds, names and
  // number-noun compounds included ("Jong - un", "12 - year" in en_gum/en_ewt train).
  EXPECT_EQ(Tokens("anti-government non-profit e-mail"), "anti-government|non-profit|e-mail");
  EXPECT_EQ(Tokens("self-defense"), "self|-|defense");
  EXPECT_EQ(Tokens("Kim Jong-un"), "Kim|Jong|-|un");
  EXPECT_EQ(Tokens("a 12-year sentence"), "a|12|-|year|sentence");
  EXPECT_EQ(Tokens("anti-U.S. front"), "anti-U.S.|front");
}

TEST_F(SegmenterTest, KeepsPhoneNumbersButSplitsRanges) {
  EXPECT_EQ(Tokens("call 713-853-3989 or 1-800-553-3119"), "call|713-853-3989|or|1-800-553-3119");
  EXPECT_EQ(Tokens("2003-2007"), "2003|-|2007");
}

TEST_F(SegmenterTest, KeepsNumbersWithSeparators) {
  EXPECT_EQ(Tokens("50,000 people, 11.8 percent, at 12:30 on 08/16/2000"),
            "50,000|people|,|11.8|percent|,|at|12:30|on|08/16/2000");
}

TEST_F(SegmenterTest, SplitsCurrencyPercentAndUnits) {
  EXPECT_EQ(Tokens("$5 or 50% at 5pm, the 3rd"), "$|5|or|50|%|at|5|pm|,|the|3rd");
}

TEST_F(SegmenterTest, KeepsAbbreviationPeriodsInsideTheSentence) {
  EXPECT_EQ(Tokens("U.S. and N.K. officials met Gen. Kim on Aug. 24, e.g. here"),
            "U.S.|and|N.K.|officials|met|Gen.|Kim|on|Aug.|24|,|e.g.|here");
}

TEST_F(SegmenterTest, SplitsThePeriodOfAnAbbreviationEndingTheSentence) {
  EXPECT_EQ(Tokens("They moved to the U.S."), "They|moved|to|the|U.S|.");
  EXPECT_EQ(Tokens("apples, pears, etc."), "apples|,|pears|,|etc|.");
}

TEST_F(SegmenterTest, NumberAbbreviationsKeepPeriodOnlyBeforeANumber) {
  EXPECT_EQ(Tokens("No. 5 is here"), "No.|5|is|here");
  EXPECT_EQ(Tokens("No. It is not"), "No|.|It|is|not");
}

TEST_F(SegmenterTest, KeepsUrlsAndEmailAddresses) {
  EXPECT_EQ(Tokens("(see http://example.com/a_b?x=1&y=2)."),
            "(|see|http://example.com/a_b?x=1&y=2|)|.");
  EXPECT_EQ(Tokens("write to kyle.jones@example.com."), "write|to|kyle.jones@example.com|.");
  EXPECT_EQ(Tokens("at www.example.org, now"), "at|www.example.org|,|now");
}

TEST_F(SegmenterTest, KeepsPunctuationRunsAndEmoticons) {
  EXPECT_EQ(Tokens("Wait... what?! -- ok :-)"), "Wait|...|what|?!|--|ok|:-)");
}

TEST_F(SegmenterTest, SplitsQuotesBracketsAndDashes) {
  EXPECT_EQ(Tokens("\u201cHello,\u201d she said \u2014 (twice)."),
            "\u201c|Hello|,|\u201d|she|said|\u2014|(|twice|)|.");
  EXPECT_EQ(Tokens("\"Yes\" or 'no'"), "\"|Yes|\"|or|'|no|'");
}

TEST_F(SegmenterTest, NeverSplitsInsideAMultibyteCharacter) {
  const std::string text = "Se\u00f1or N\u00fa\u00f1ez\u2019s caf\u00e9\u2014the \u201cbest\u201d \u6771\u4eac";
  EXPECT_EQ(Tokens(text),
            "Se\u00f1or|N\u00fa\u00f1ez|\u2019s|caf\u00e9|\u2014|the|\u201c|best|\u201d|"
            "\u6771\u4eac");
  Sentence s;
  seg_->Tokenize(text, &s);
  for (size_t i = 0; i < s.tokens.size(); ++i) EXPECT_TRUE(IsValidUtf8(s.Form(i)));
}

TEST_F(SegmenterTest, InvalidUtf8ByteBecomesItsOwnToken) {
  EXPECT_EQ(Tokens("ab\xFF" "cd \xC3"), "ab|\xFF|cd|\xC3");
}

TEST_F(SegmenterTest, TokenizeReplacesEarlierTokensAndKeepsText) {
  Sentence s;
  s.text = "One two.";
  seg_->Tokenize(s.text, &s);
  seg_->Tokenize(s.text, &s);
  EXPECT_EQ(Join(s), "One|two|.");
  EXPECT_EQ(s.text, "One two.");
}

TEST_F(SegmenterTest, KeepsAVeryLongTokenWhole) {
  const std::string word(1 << 20, 'x');
  Sentence s;
  s.text = "a " + word + " b";
  seg_->Tokenize(s.text, &s);
  ASSERT_EQ(s.tokens.size(), 3u);
  EXPECT_EQ(s.Form(1).size(), word.size());
}

// --- Sentences ----------------------------------------------------------------------------

TEST_F(SegmenterTest, SplitsPlainSentences) {
  EXPECT_EQ(Sentences("  The talks resumed. Both sides agreed!  Is it over?  "),
            (Strings{"The|talks|resumed|.", "Both|sides|agreed|!", "Is|it|over|?"}));
}

TEST_F(SegmenterTest, TitlesBeforeANameNeverEndASentence) {
  for (const char* title : {"Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.",
                            "Col.", "Maj.", "Capt.", "Sgt.", "Rev.", "Prof."}) {
    const std::string text = std::string("She met ") + title + " Smith yesterday. He left.";
    EXPECT_EQ(Sentences(text).size(), 2u) << text;
  }
}

TEST_F(SegmenterTest, CompanyAndOtherAbbreviationsDoNotEndASentenceBeforeAName) {
  for (const char* text :
       {"Samsung Electronics Co. Chairman Lee spoke.", "Apple Inc. Chief Tim Cook spoke.",
        "Acme Corp. President Kim spoke.", "Foo Ltd. Director Park spoke.",
        "They met on Jan. 5 and Feb. 6.", "It was Lee vs. Park in St. Louis.",
        "Martin Luther King Jr. Day is here.", "They met in the U.N. General Assembly.",
        "N.K. leader Kim spoke.", "See No. 10 Downing Street today."}) {
    EXPECT_EQ(Sentences(text).size(), 1u) << text;
  }
}

TEST_F(SegmenterTest, AbbreviationEndsASentenceBeforeATypicalStarter) {
  EXPECT_EQ(Sentences("He moved to the U.S. The move was quick."),
            (Strings{"He|moved|to|the|U.S|.", "The|move|was|quick|."}));
  EXPECT_EQ(Sentences("They sell pens, paper, etc. But not ink."),
            (Strings{"They|sell|pens|,|paper|,|etc|.", "But|not|ink|."}));
}

TEST_F(SegmenterTest, InitialsDoNotEndASentence) {
  EXPECT_EQ(Sentences("J. R. R. Tolkien wrote it. George W. Bush read it."),
            (Strings{"J.|R.|R.|Tolkien|wrote|it|.", "George|W.|Bush|read|it|."}));
}

TEST_F(SegmenterTest, DecimalNumbersDoNotEndASentence) {
  EXPECT_EQ(Sentences("Growth was 11.8 percent. Prices rose 0.5 points."),
            (Strings{"Growth|was|11.8|percent|.", "Prices|rose|0.5|points|."}));
}

TEST_F(SegmenterTest, ClosingQuoteStaysWithItsSentence) {
  EXPECT_EQ(Sentences("He said, \u201cIt is over.\u201d Then he left."),
            (Strings{"He|said|,|\u201c|It|is|over|.|\u201d", "Then|he|left|."}));
  EXPECT_EQ(Sentences("\"Is it over?\" he asked. \"No.\" She left."),
            (Strings{"\"|Is|it|over|?|\"|he|asked|.", "\"|No|.|\"", "She|left|."}));
}

TEST_F(SegmenterTest, EllipsisEndsASentenceOnlyBeforeACapital) {
  EXPECT_EQ(Sentences("Wait... what now? Then... They left."),
            (Strings{"Wait|...|what|now|?", "Then|...", "They|left|."}));
}

TEST_F(SegmenterTest, CitationMarkStaysWithItsSentence) {
  EXPECT_EQ(Sentences("He left in 1805. [6] Then he returned."),
            (Strings{"He|left|in|1805|.|[|6|]", "Then|he|returned|."}));
}

TEST_F(SegmenterTest, EmoticonAfterTheFullStopStaysWithTheSentence) {
  EXPECT_EQ(Sentences("I love it. :) See you."), (Strings{"I|love|it|.|:)", "See|you|."}));
}

TEST_F(SegmenterTest, DatelineIsASentenceOfItsOwn) {
  EXPECT_EQ(Sentences("BEIJING (Reuters) - China said on Monday it would talk."),
            (Strings{"BEIJING|(|Reuters|)|-", "China|said|on|Monday|it|would|talk|."}));
}

TEST_F(SegmenterTest, BlankLineIsAlwaysABoundary) {
  EXPECT_EQ(Sentences("The talks went on\n\nand on for days"),
            (Strings{"The|talks|went|on", "and|on|for|days"}));
}

TEST_F(SegmenterTest, BoilerplateLinesAreNotGluedToTheNextSentence) {
  EXPECT_EQ(Sentences("Skip to content\nHome > World > Asia\nBy Jane Roe\n"
                      "Officials said on Monday that talks would resume."),
            (Strings{"Skip|to|content", "Home|>|World|>|Asia", "By|Jane|Roe",
                     "Officials|said|on|Monday|that|talks|would|resume|."}));
}

TEST_F(SegmenterTest, HeadlineLineEndsASentence) {
  EXPECT_EQ(Sentences("Leaders agree to resume border trade talks\n"
                      "The two governments agreed on Monday to reopen the border."),
            (Strings{"Leaders|agree|to|resume|border|trade|talks",
                     "The|two|governments|agreed|on|Monday|to|reopen|the|border|."}));
}

TEST_F(SegmenterTest, LineBreakInsideAWrappedParagraphIsNotABoundary) {
  EXPECT_EQ(Sentences("The two countries agreed on Monday to resume the talks that had\n"
                      "been suspended since the nuclear test between China and\n"
                      "North Korea in February.\nBoth sides welcomed it."),
            (Strings{"The|two|countries|agreed|on|Monday|to|resume|the|talks|that|had|been|"
                     "suspended|since|the|nuclear|test|between|China|and|North|Korea|in|"
                     "February|.",
                     "Both|sides|welcomed|it|."}));
}

TEST_F(SegmenterTest, AbbreviationAtTheEndOfALineDoesNotEndTheSentence) {
  EXPECT_EQ(Sentences("The delegation was led by a senior diplomat, Mr.\nPark, on Monday."),
            (Strings{"The|delegation|was|led|by|a|senior|diplomat|,|Mr.|Park|,|on|Monday|."}));
}

TEST_F(SegmenterTest, LowerCaseWordAfterAFullStopStartsASentence) {
  // Web text often starts sentences in lower case; EWT/GUM train split there 324 of 336 times.
  EXPECT_EQ(Sentences("call me at 5. they have not heard from you."),
            (Strings{"call|me|at|5|.", "they|have|not|heard|from|you|."}));
}

TEST_F(SegmenterTest, EmailHeaderTimestampIsASentenceOfItsOwn) {
  EXPECT_EQ(Sentences("Jane Roe 08/17/2000 11:21 AM I spoke to him. It was sent on "
                      "08/16/2000 03:48 PM today."),
            (Strings{"Jane|Roe", "08/17/2000|11:21|AM", "I|spoke|to|him|.",
                     "It|was|sent|on|08/16/2000|03:48|PM|today|."}));
}

TEST_F(SegmenterTest, LinkListsAndSignaturesAreSplit) {
  EXPECT_EQ(Sentences("See http://a.example.com/1 http://b.example.com/2"),
            (Strings{"See|http://a.example.com/1", "http://b.example.com/2"}));
  EXPECT_EQ(Sentences("Regards, Jane Roe"), (Strings{"Regards|,", "Jane|Roe"}));
}

TEST_F(SegmenterTest, UnicodeQuotesAndAccentedNames) {
  EXPECT_EQ(Sentences("\u201cSe\u00f1or N\u00fa\u00f1ez is here,\u201d said Zo\u00eb. "
                      "\u00c9lodie agreed."),
            (Strings{"\u201c|Se\u00f1or|N\u00fa\u00f1ez|is|here|,|\u201d|said|Zo\u00eb|.",
                     "\u00c9lodie|agreed|."}));
}

TEST_F(SegmenterTest, IcuEndsSentencesAtTerminalMarksOfOtherScripts) {
  EXPECT_EQ(Sentences("The banner read \u548c\u5e73\u3002 Then we left\uff01 Really."),
            (Strings{"The|banner|read|\u548c\u5e73|\u3002", "Then|we|left|\uff01", "Really|."}));
}

TEST_F(SegmenterTest, EmptyAndWhitespaceOnlyTextAddNoSentence) {
  EXPECT_TRUE(Sentences("").empty());
  EXPECT_TRUE(Sentences(" \n\n\t \r\n  ").empty());
  EXPECT_TRUE(Sentences("\xC2\xA0\xE2\x80\x89").empty());  // no-break and thin spaces
}

TEST_F(SegmenterTest, SentenceNumberingStartsAtOneForEachCall) {
  Document doc;
  doc.id = "x";
  doc.text = "One. Two.";
  seg_->Segment(&doc);
  seg_->Segment(&doc);
  ASSERT_EQ(doc.sentences.size(), 4u);
  EXPECT_EQ(doc.sentences[3].id, "x-2");
}

TEST_F(SegmenterTest, SegmentAndTokenizeAgree) {
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

TEST_F(SegmenterTest, TenMegabytesWithoutPunctuationIsFastAndCapped) {
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

TEST_F(SegmenterTest, TenMegabytesWithoutSpacesOrPunctuationIsOneToken) {
  Document doc;
  doc.text.assign(10 << 20, 'a');
  seg_->Segment(&doc);
  ASSERT_EQ(doc.sentences.size(), 1u);
  ASSERT_EQ(doc.sentences[0].tokens.size(), 1u);
  EXPECT_EQ(doc.sentences[0].tokens[0].char_end, 10u << 20);
}

TEST_F(SegmenterTest, LongRunsOfPunctuationAreLinear) {
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

}  // namespace
}  // namespace thaw
