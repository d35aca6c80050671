#include "nlp/lemmatizer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace thaw {
namespace {

// A miniature WordNet directory in WordNet's own formats. The directory is per process:
// ctest -j runs every test of this fixture as its own process, all writing it at once.
std::string WriteWordNet(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "/" + name + "-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  auto write = [&](const char* file, const char* text) { std::ofstream(dir + "/" + file) << text; };
  write("noun.exc", "children child\nmice mouse\nwolves wolf\n");
  write("verb.exc", "went go\nran run\nbeing be\n");
  write("adj.exc", "better good well\nworst bad\n");
  write("adv.exc", "better well\n");
  write("index.noun",
        "  1 This software and database is being provided\n"
        "dog n 1 1 @ 1 0 02084071\ncase n 1 1 @ 1 0 1\nbus n 1 1 @ 1 0 1\n"
        "hot_dog n 1 1 @ 1 0 1\n");
  write("index.verb",
        "hope v 1 1 @ 1 0 1\nhop v 1 1 @ 1 0 1\nvisit v 1 1 @ 1 0 1\n"
        "use v 1 1 @ 1 0 1\n");
  write("index.adj", "large a 1 1 & 1 0 1\nquick a 1 1 & 1 0 1\n");
  write("index.adv", "soon r 1 1 \\ 1 0 1\n");
  return dir;
}

class LemmatizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    wordnet_dir_ = WriteWordNet("wn");
    ASSERT_TRUE(lem_.AddWordNet(wordnet_dir_).ok());
    lem_.AddLearned("n't", "PART", "RB", "not", false);
    lem_.AddLearned("'s", "AUX", "VBZ", "be", false);
    lem_.AddLearned("I", "PRON", "PRP", "I", false);
    lem_.AddLearned("ca", "AUX", "MD", "can", true);
    lem_.Compile();
  }
  std::string L(std::string_view form, std::string_view upos, std::string_view xpos) {
    return std::string(lem_.Lemmatize(form, upos, xpos, &buf_));
  }
  void TearDown() override { std::filesystem::remove_all(wordnet_dir_); }
  std::string wordnet_dir_;
  Lemmatizer lem_;
  std::string buf_;
};

TEST_F(LemmatizerTest, IrregularFormsComeFromTheWordNetLists) {
  EXPECT_EQ(L("went", "VERB", "VBD"), "go");
  EXPECT_EQ(L("ran", "VERB", "VBD"), "run");
  EXPECT_EQ(L("children", "NOUN", "NNS"), "child");
  EXPECT_EQ(L("Mice", "NOUN", "NNS"), "mouse");
  EXPECT_EQ(L("better", "ADJ", "JJR"), "good");  // the first lemma listed wins
  EXPECT_EQ(L("better", "ADV", "RBR"), "well");
  EXPECT_EQ(L("worst", "ADJ", "JJS"), "bad");
}

TEST_F(LemmatizerTest, RegularInflectionRules) {
  EXPECT_EQ(L("walks", "VERB", "VBZ"), "walk");
  EXPECT_EQ(L("tries", "VERB", "VBZ"), "try");
  EXPECT_EQ(L("goes", "VERB", "VBZ"), "go");
  EXPECT_EQ(L("boxes", "NOUN", "NNS"), "box");
  EXPECT_EQ(L("cities", "NOUN", "NNS"), "city");
  EXPECT_EQ(L("dogs", "NOUN", "NNS"), "dog");
  EXPECT_EQ(L("cases", "NOUN", "NNS"), "case");  // known lemma "case", not "cas"
  EXPECT_EQ(L("buses", "NOUN", "NNS"), "bus");
  EXPECT_EQ(L("glass", "NOUN", "NN"), "glass");
  EXPECT_EQ(L("walked", "VERB", "VBD"), "walk");
  EXPECT_EQ(L("tried", "VERB", "VBD"), "try");
  EXPECT_EQ(L("stopped", "VERB", "VBD"), "stop");
  EXPECT_EQ(L("hoped", "VERB", "VBD"), "hope");  // hop would double: hopped
  EXPECT_EQ(L("hopped", "VERB", "VBD"), "hop");
  EXPECT_EQ(L("visited", "VERB", "VBN"), "visit");
  EXPECT_EQ(L("used", "VERB", "VBN"), "use");
  EXPECT_EQ(L("agreed", "VERB", "VBD"), "agree");
  EXPECT_EQ(L("running", "VERB", "VBG"), "run");
  EXPECT_EQ(L("making", "VERB", "VBG"), "make");
  EXPECT_EQ(L("Running", "VERB", "VBG"), "run");
  EXPECT_EQ(L("bigger", "ADJ", "JJR"), "big");
  EXPECT_EQ(L("larger", "ADJ", "JJR"), "large");
  EXPECT_EQ(L("happiest", "ADJ", "JJS"), "happy");
  EXPECT_EQ(L("quickest", "ADJ", "JJS"), "quick");
  EXPECT_EQ(L("sooner", "ADV", "RBR"), "soon");
}

TEST_F(LemmatizerTest, CaseFollowsUdConventions) {
  EXPECT_EQ(L("Americans", "PROPN", "NNPS"), "American");
  EXPECT_EQ(L("Paris", "PROPN", "NNP"), "Paris");
  EXPECT_EQ(L("The", "DET", "DT"), "the");
  EXPECT_EQ(L("He", "PRON", "PRP"), "he");
  EXPECT_EQ(L("I", "PRON", "PRP"), "I");  // learned
}

TEST_F(LemmatizerTest, LearnedEntriesOverrideRules) {
  EXPECT_EQ(L("n't", "PART", "RB"), "not");
  EXPECT_EQ(L("'s", "AUX", "VBZ"), "be");
  EXPECT_EQ(L("'s", "PART", "POS"), "'s");  // keyed by XPOS
  EXPECT_EQ(L("Ca", "AUX", "MD"), "can");   // lower-cased key matches any casing
  EXPECT_EQ(lem_.learned_size(), 4u);
  // An entry the rules already get right is not stored.
  Lemmatizer l;
  l.AddLearned("walks", "VERB", "VBZ", "walk", false);
  l.Compile();
  EXPECT_EQ(l.learned_size(), 0u);
}

TEST_F(LemmatizerTest, WordNetClassesSeeThroughInflection) {
  EXPECT_EQ(lem_.WordNetClasses("dog"), Lemmatizer::kWnNoun);
  EXPECT_TRUE(lem_.WordNetClasses("dogs") & Lemmatizer::kWnPlural);
  EXPECT_TRUE(lem_.WordNetClasses("hoped") & Lemmatizer::kWnVerbEd);
  EXPECT_TRUE(lem_.WordNetClasses("visiting") & Lemmatizer::kWnVerbIng);
  EXPECT_TRUE(lem_.WordNetClasses("quickly") & Lemmatizer::kWnAdjLy);
  EXPECT_TRUE(lem_.WordNetClasses("went") & Lemmatizer::kWnIrregular);
  EXPECT_EQ(lem_.WordNetClasses("xyzzy"), 0u);
  EXPECT_EQ(lem_.WordNetClasses("hot_dog"), 0u);  // multiword entries are skipped
}

TEST_F(LemmatizerTest, RoundTripsThroughAModelFile) {
  const std::string path = ::testing::TempDir() + "/lem.model";
  ModelWriter w("lemmatizer-test", 1);
  lem_.Write(&w);
  ASSERT_TRUE(w.Finish(path).ok());
  auto r = ModelReader::Open(path, "lemmatizer-test", 1);
  ASSERT_TRUE(r.ok());
  Lemmatizer copy;
  ASSERT_TRUE(copy.Read(&*r));
  EXPECT_TRUE(r->AtEnd());
  std::string buf;
  EXPECT_EQ(copy.Lemmatize("went", "VERB", "VBD", &buf), "go");
  EXPECT_EQ(copy.Lemmatize("n't", "PART", "RB", &buf), "not");
  EXPECT_EQ(copy.Lemmatize("cases", "NOUN", "NNS", &buf), "case");
}

TEST(Lemmatizer, MissingWordNetListIsAnErrorNamingTheFile) {
  Lemmatizer l;
  const Status s = l.AddWordNet(::testing::TempDir() + "/no-such-wordnet");
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("no-such-wordnet/noun.exc"), std::string::npos) << s.message();
}

TEST(Lemmatizer, RulesWorkWithoutAnyTables) {
  Lemmatizer l;
  l.Compile();
  std::string buf;
  EXPECT_EQ(l.Lemmatize("cats", "NOUN", "NNS", &buf), "cat");
  EXPECT_EQ(l.Lemmatize("jumped", "VERB", "VBD", &buf), "jump");
  EXPECT_EQ(l.Lemmatize("", "X", "", &buf), "");
  EXPECT_EQ(l.Lemmatize("s", "NOUN", "NNS", &buf), "s");
  EXPECT_EQ(l.Lemmatize("ed", "VERB", "VBD", &buf), "ed");
}

}  // namespace
}  // namespace thaw
