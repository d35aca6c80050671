#include "coder/dating.h"

#include <gtest/gtest.h>

namespace thaw {
namespace {

// "China met Russia on Monday in 2018 talks": tokens with offsets and heads.
Sentence MakeSentence() {
  Sentence s;
  s.text = "China met Russia on Monday .";
  struct T {
    const char* form;
    uint32_t b, e;
    int32_t head;
  };
  const T toks[] = {{"China", 0, 5, 1}, {"met", 6, 9, -1}, {"Russia", 10, 16, 1},
                    {"on", 17, 19, 4},  {"Monday", 20, 26, 1}, {".", 27, 28, 1}};
  for (const T& t : toks) {
    Token tok;
    tok.form = s.Intern(t.form);
    tok.char_begin = t.b;
    tok.char_end = t.e;
    tok.head = t.head;
    s.tokens.push_back(tok);
  }
  s.has_parse = true;
  return s;
}

TEST(AssignDocumentDate, FileNameThenTextThenSentences) {
  Document doc;
  doc.origin = "corpus/2019-06-21_xi-pyongyang.txt:1";
  doc.sentences.push_back(MakeSentence());
  AssignDocumentDate(&doc);
  EXPECT_EQ(doc.date, 20190621);
  EXPECT_TRUE(doc.date_inferred);
  EXPECT_EQ(doc.sentences[0].date, 20190621);

  Document undated;
  undated.origin = "page.txt";
  undated.text = "Officials met in 2015 to prepare the 2015 summit.";
  AssignDocumentDate(&undated);
  EXPECT_EQ(undated.date, 20150701);  // a year alone: its middle
  EXPECT_TRUE(undated.date_inferred);

  Document dated;
  dated.date = 20200101;
  dated.origin = "2019-06-21.txt";
  AssignDocumentDate(&dated);
  EXPECT_EQ(dated.date, 20200101);
  EXPECT_FALSE(dated.date_inferred);
}

TEST(AssignEventDates, ExpressionOnTheVerbDatesTheEvent) {
  Document doc;
  doc.date = 20240612;  // a Wednesday
  doc.sentences.push_back(MakeSentence());
  doc.sentences[0].date = doc.date;
  Coder::DocumentEvents coded;
  coded.events.resize(1);
  Event e;
  e.verb_token = 1;
  coded.events[0].push_back(e);
  AssignEventDates(doc, &coded);
  EXPECT_EQ(coded.events[0][0].date, 20240610);
  EXPECT_EQ(coded.events[0][0].date_text, "Monday");

  // The same expression hanging off another word does not date the event.
  doc.sentences[0].tokens[4].head = 2;
  coded.events[0][0] = Event();
  coded.events[0][0].verb_token = 1;
  AssignEventDates(doc, &coded);
  EXPECT_EQ(coded.events[0][0].date, kNoDate);
}

}  // namespace
}  // namespace thaw
