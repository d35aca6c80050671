#include "train/tagger_train.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/file.h"

namespace thaw {
namespace {

// Five short sentences, repeated, in CoNLL-U with lemmas and both tag sets.
const char kCorpus[] =
    "# text = The dogs barked .\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tdogs\tdog\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "3\tbarked\tbark\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = A cat runs .\n"
    "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\truns\trun\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = Mary went home .\n"
    "1\tMary\tMary\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\twent\tgo\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\thome\thome\tADV\tRB\t_\t2\tadvmod\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = She is n't here .\n"
    "1\tShe\tshe\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2\tis\tbe\tAUX\tVBZ\t_\t4\tcop\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\there\there\tADV\tRB\t_\t0\troot\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = The children play .\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tchildren\tchild\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "3\tplay\tplay\tVERB\tVBP\t_\t0\troot\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n";

class TaggerTrainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/tagger_train_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::create_directories(dir_);
    std::ofstream out(dir_ + "/train.conllu");
    for (int i = 0; i < 4; ++i) out << kCorpus;
  }
  TaggerTrainOptions Options(const std::string& output) {
    TaggerTrainOptions o;
    o.train_files = {dir_ + "/train.conllu"};
    o.dev_file = dir_ + "/train.conllu";
    o.output = dir_ + "/" + output;
    o.wordnet_dir = "";  // rules only: no dependence on the machine's WordNet
    return o;
  }
  std::string dir_;
};

TEST_F(TaggerTrainTest, TrainedModelLoadsAndTags) {
  std::ostringstream log;
  const TaggerTrainOptions o = Options("m.model");
  ASSERT_TRUE(TrainTagger(o, &log).ok());
  EXPECT_NE(log.str().find("epoch 1"), std::string::npos) << log.str();
  EXPECT_NE(log.str().find("dev UPOS"), std::string::npos);
  auto t = Tagger::Load(o.output);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  auto gold = ReadConlluSentences(o.dev_file, nullptr);
  ASSERT_TRUE(gold.ok());
  const TaggerAccuracy acc = EvaluateTagger(**t, *gold);
  EXPECT_EQ(acc.tokens, 4u * 21u);
  EXPECT_EQ(acc.upos, acc.tokens);
  EXPECT_EQ(acc.xpos, acc.tokens);
  EXPECT_EQ(acc.lemma, acc.tokens);  // "went", "children", "n't" come from the learned table

  Sentence s;
  for (const char* f : {"The", "cat", "barked", "."}) {
    Token tok;
    tok.form = s.Intern(f);
    s.tokens.push_back(tok);
  }
  (*t)->Tag(&s);
  EXPECT_EQ(s.Upos(0), "DET");
  EXPECT_EQ(s.Xpos(2), "VBD");
  EXPECT_EQ(s.Lemma(2), "bark");
}

TEST_F(TaggerTrainTest, SameSeedGivesIdenticalBytes) {
  TaggerTrainOptions a = Options("a.model"), b = Options("b.model");
  a.epochs = b.epochs = 3;
  ASSERT_TRUE(TrainTagger(a, nullptr).ok());
  ASSERT_TRUE(TrainTagger(b, nullptr).ok());
  auto x = ReadFile(a.output);
  auto y = ReadFile(b.output);
  ASSERT_TRUE(x.ok() && y.ok());
  EXPECT_GT(x->size(), 100u);
  EXPECT_TRUE(*x == *y);
}

TEST_F(TaggerTrainTest, EnsembleSizeOneIsASinglePerceptronAndBothTag) {
  TaggerTrainOptions one = Options("one.model"), three = Options("three.model");
  one.ensemble = 1;
  three.ensemble = 3;
  ASSERT_TRUE(TrainTagger(one, nullptr).ok());
  ASSERT_TRUE(TrainTagger(three, nullptr).ok());
  auto x = ReadFile(one.output);
  auto y = ReadFile(three.output);
  ASSERT_TRUE(x.ok() && y.ok());
  EXPECT_FALSE(*x == *y) << "the members' mean should differ from member 0 alone";
  auto gold = ReadConlluSentences(one.dev_file, nullptr);
  ASSERT_TRUE(gold.ok());
  for (const std::string& path : {one.output, three.output}) {
    auto t = Tagger::Load(path);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    const TaggerAccuracy acc = EvaluateTagger(**t, *gold);
    EXPECT_EQ(acc.upos, acc.tokens) << path;
  }
}

TEST_F(TaggerTrainTest, FixedEpochsNeedNoDevFile) {
  TaggerTrainOptions o = Options("nodev.model");
  o.dev_file.clear();
  o.epochs = 2;
  ASSERT_TRUE(TrainTagger(o, nullptr).ok());
  EXPECT_TRUE(Tagger::Load(o.output).ok());
}

TEST_F(TaggerTrainTest, BadOptionsAndInputsAreErrors) {
  TaggerTrainOptions o = Options("bad.model");
  o.dev_file.clear();  // epochs == 0 needs dev
  EXPECT_EQ(TrainTagger(o, nullptr).code(), StatusCode::kInvalidArgument);

  o = Options("bad.model");
  o.train_files = {dir_ + "/missing.conllu"};
  Status s = TrainTagger(o, nullptr);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("missing.conllu"), std::string::npos) << s.message();

  o = Options("bad.model");
  o.wordnet_dir = dir_ + "/no-wordnet";
  s = TrainTagger(o, nullptr);
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("noun.exc"), std::string::npos) << s.message();
  EXPECT_FALSE(std::filesystem::exists(o.output));  // nothing written on failure

  o = Options("bad.model");
  o.train_files.clear();
  EXPECT_EQ(TrainTagger(o, nullptr).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace thaw
