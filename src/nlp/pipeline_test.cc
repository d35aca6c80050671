// The pipeline from raw text to dependency trees, with the committed models.
#include "nlp/pipeline.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace thaw {
namespace {

std::unique_ptr<Pipeline> LoadOrSkip() {
  auto p = Pipeline::Load(THAW_MODELS_DIR);
  if (!p.ok()) return nullptr;
  return std::move(p).value();
}

// Every token has a head inside the sentence, exactly one is the root, and no token is its
// own ancestor.
void ExpectTree(const Sentence& s) {
  int roots = 0;
  const int n = static_cast<int>(s.tokens.size());
  for (int i = 0; i < n; ++i) {
    const int h = s.tokens[i].head;
    ASSERT_GE(h, -1);
    ASSERT_LT(h, n);
    if (h == -1) ++roots;
    int steps = 0;
    for (int j = i; j != -1 && steps <= n; j = s.tokens[j].head) ++steps;
    EXPECT_LE(steps, n) << "cycle through token " << i << " in: " << s.text;
    EXPECT_FALSE(s.Deprel(i).empty());
  }
  EXPECT_EQ(roots, 1) << s.text;
}

TEST(PipelineTest, RawTextBecomesParsedSentencesWithOffsets) {
  auto p = LoadOrSkip();
  ASSERT_NE(p, nullptr) << "models missing under " << THAW_MODELS_DIR;
  Document doc;
  doc.text = "Russia and North Korea signed a defence treaty in Pyongyang. China did not comment.";
  EXPECT_EQ(p->Annotate(&doc, ParseMode::kAuto), 2u);
  ASSERT_EQ(doc.sentences.size(), 2u);
  const Sentence& s = doc.sentences[0];
  ExpectTree(s);
  ExpectTree(doc.sentences[1]);
  ASSERT_EQ(s.tokens.size(), 11u);
  EXPECT_EQ(s.Form(4), "signed");
  EXPECT_EQ(s.Lemma(4), "sign");
  EXPECT_EQ(s.Upos(4), "VERB");
  EXPECT_EQ(s.tokens[4].head, -1);
  EXPECT_EQ(s.Deprel(0), "nsubj");
  EXPECT_EQ(s.tokens[0].head, 4);
  EXPECT_EQ(s.Deprel(7), "obj");
  // Offsets point back into the sentence text.
  const Token& t = s.tokens[7];
  EXPECT_EQ(s.text.substr(t.char_begin, t.char_end - t.char_begin), "treaty");
}

// CoNLL-like rendering of a document's annotation, to compare runs.
std::string Render(const Document& doc) {
  std::string out;
  for (const Sentence& s : doc.sentences) {
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      out.append(s.Form(i)).append("/").append(s.Xpos(i)).append("/");
      out.append(std::to_string(s.tokens[i].head)).append("/").append(s.Deprel(i)).append(" ");
    }
    out.append("\n");
  }
  return out;
}

TEST(PipelineTest, PipelinesForOtherThreadsShareTheModelsAndAgree) {
  auto p = LoadOrSkip();
  ASSERT_NE(p, nullptr) << "models missing under " << THAW_MODELS_DIR;
  auto q = p->ForAnotherThread();
  ASSERT_TRUE(q.ok()) << q.status().message();
  const std::string text =
      "Seoul and Tokyo agreed on Monday to resume talks. The envoy said the two sides would "
      "meet again in March, after a year without contact. Beijing welcomed the news.";
  Document alone;
  alone.text = text;
  p->Annotate(&alone, ParseMode::kAuto);
  // Both at once, many times, so that shared state would show as a difference (or a report
  // under the sanitizers).
  std::vector<Document> a(20), b(20);
  std::thread other([&] {
    for (Document& d : b) {
      d.text = text;
      (*q)->Annotate(&d, ParseMode::kAuto);
    }
  });
  for (Document& d : a) {
    d.text = text;
    p->Annotate(&d, ParseMode::kAuto);
  }
  other.join();
  const std::string want = Render(alone);
  EXPECT_EQ(alone.sentences.size(), 3u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(Render(a[i]), want);
    EXPECT_EQ(Render(b[i]), want);
  }
}

TEST(PipelineTest, GivenParsesAreKeptUnlessOwnIsAsked) {
  auto p = LoadOrSkip();
  ASSERT_NE(p, nullptr);
  Document doc;
  Sentence s;
  s.text = "Seoul protested.";
  Token a, b, c;
  a.form = s.Intern("Seoul"), a.lemma = s.Intern("Seoul"), a.upos = s.Intern("PROPN"),
  a.xpos = s.Intern("NNP");
  a.deprel = s.Intern("nsubj"), a.head = 1;
  b.form = s.Intern("protested"), b.lemma = s.Intern("protest"), b.upos = s.Intern("VERB"),
  b.xpos = s.Intern("VBD");
  b.deprel = s.Intern("root"), b.head = -1;
  c.form = s.Intern("."), c.lemma = s.Intern("."), c.upos = s.Intern("PUNCT"),
  c.xpos = s.Intern(".");
  c.deprel = s.Intern("dep"), c.head = 0;  // deliberately odd: a given parse must survive as is
  s.tokens = {a, b, c};
  s.has_parse = true;
  doc.sentences.push_back(s);
  EXPECT_EQ(p->Annotate(&doc, ParseMode::kAuto), 0u);
  EXPECT_EQ(doc.sentences[0].Deprel(2), "dep");
  EXPECT_EQ(p->Annotate(&doc, ParseMode::kGiven), 0u);
  EXPECT_EQ(doc.sentences[0].Deprel(2), "dep");
  EXPECT_EQ(p->Annotate(&doc, ParseMode::kOwn), 1u);
  EXPECT_EQ(doc.sentences[0].Deprel(2), "punct");
  ExpectTree(doc.sentences[0]);
}

TEST(PipelineTest, GivenModeLeavesRawTextUnparsed) {
  auto p = LoadOrSkip();
  ASSERT_NE(p, nullptr);
  Document doc;
  doc.text = "Japan and China held talks.";
  EXPECT_EQ(p->Annotate(&doc, ParseMode::kGiven), 0u);
  EXPECT_TRUE(doc.sentences.empty());
}

TEST(PipelineTest, PennTreebankTreesAreConverted) {
  auto p = LoadOrSkip();
  ASSERT_NE(p, nullptr);
  Document doc;
  Sentence s;
  s.text = "Japan criticized China .";
  s.tree = "(ROOT (S (NP (NNP Japan)) (VP (VBD criticized) (NP (NNP China))) (. .)))";
  doc.sentences.push_back(s);
  EXPECT_EQ(p->Annotate(&doc, ParseMode::kAuto), 0u);  // converted, not parsed by us
  const Sentence& got = doc.sentences[0];
  ASSERT_TRUE(got.has_parse);
  ASSERT_EQ(got.tokens.size(), 4u);
  EXPECT_EQ(got.Deprel(0), "nsubj");
  EXPECT_EQ(got.Deprel(2), "obj");
  EXPECT_EQ(got.tokens[1].head, -1);
}

TEST(PipelineTest, MissingModelsGiveAnActionableError) {
  auto p = Pipeline::Load("/nonexistent/models");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("tagger.model"), std::string::npos);
  EXPECT_NE(p.status().message().find("--models"), std::string::npos);
}

TEST(PipelineTest, FindModelsDirPrefersTheFlag) {
  EXPECT_EQ(FindModelsDir("/some/dir", nullptr), "/some/dir");
}

}  // namespace
}  // namespace thaw
