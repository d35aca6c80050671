#include "train/segmenter_train.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace thaw {
namespace {

std::string WriteTemp(const std::string& name, const std::string& contents) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A CoNLL-U sentence whose tokens are the space-separated words of `text`.
std::string Conllu(const std::string& text, const std::string& comments = "") {
  std::string out = comments + "# text = " + text + "\n";
  std::istringstream words(text);
  std::string w;
  for (int i = 1; words >> w; ++i) {
    out += std::to_string(i) + "\t" + w + "\t_\t_\t_\t_\t0\troot\t_\t_\n";
  }
  return out + "\n";
}

// Web-style documents whose sentences have no final punctuation; each request starts with
// "Please" after a sentence in lower case.
std::string ToyCorpus(int docs) {
  const char* first[] = {"we met the team today", "the report is ready now",
                         "i sent the numbers to finance", "the call went well"};
  const char* second[] = {"Please call me tomorrow", "Please send it to Jane",
                          "Please check the totals", "Please let me know"};
  std::string out;
  for (int d = 0; d < docs; ++d) {
    out += Conllu(first[d % 4], "# newdoc id = d" + std::to_string(d) + "\n");
    out += Conllu(second[(d / 4) % 4]);
    out += Conllu("the office is open on Monday and Tuesday");
  }
  return out;
}

TEST(SegmenterTrainTest, RebuildsRawTextLikeSegmentEval) {
  const std::string path = WriteTemp(
      "rebuild.conllu", Conllu(" One two ", "# newdoc id = a\n") + Conllu("Three four") +
                            Conllu("Five", "# newpar\n") + Conllu("Six", "# newdoc id = b\n"));
  auto docs = ReadRawTreebankDocs(path);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].doc.text, "One two Three four\n\nFive");
  EXPECT_EQ((*docs)[0].ends, (std::vector<uint32_t>{7, 18, 24}));
  EXPECT_EQ((*docs)[1].doc.text, "Six");
  EXPECT_EQ((*docs)[1].ends, (std::vector<uint32_t>{3}));
}

TEST(SegmenterTrainTest, LearnsBoundariesWithoutPunctuationAndIsDeterministic) {
  const std::string train = WriteTemp("toy_train.conllu", ToyCorpus(64));
  const std::string dev = WriteTemp("toy_dev.conllu", ToyCorpus(8));
  SegmenterTrainOptions o;
  o.train_files = {train};
  o.dev_files = {dev};
  o.output = ::testing::TempDir() + "/toy_a.model";
  o.seed = 7;
  std::ostringstream log;
  ASSERT_TRUE(TrainSegmenter(o, &log).ok()) << log.str();
  EXPECT_NE(log.str().find("keeping epoch"), std::string::npos);
  o.output = ::testing::TempDir() + "/toy_b.model";
  ASSERT_TRUE(TrainSegmenter(o, nullptr).ok());
  EXPECT_EQ(ReadAll(::testing::TempDir() + "/toy_a.model"), ReadAll(o.output));

  auto seg = Segmenter::Load(o.output);
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();
  Document doc;
  doc.text = "the call went well Please send it to Jane";
  (*seg)->Segment(&doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[1].text, "Please send it to Jane");

  auto rules = ReadRawTreebankDocs(dev);
  ASSERT_TRUE(rules.ok());
  const BoundaryCounts c = EvaluateBoundaries(seg->get(), *rules);
  EXPECT_EQ(c.fp + c.fn, 0u);
  EXPECT_DOUBLE_EQ(c.F1(), 1.0);
}

TEST(SegmenterTrainTest, ReportsBadOptionsAndInputs) {
  SegmenterTrainOptions o;
  o.train_files = {WriteTemp("toy_small.conllu", ToyCorpus(4))};
  o.output = ::testing::TempDir() + "/unused.model";
  EXPECT_EQ(TrainSegmenter(o, nullptr).code(), StatusCode::kInvalidArgument);  // no dev
  o.dev_files = {"/nonexistent/dev.conllu"};
  const Status missing = TrainSegmenter(o, nullptr);
  EXPECT_EQ(missing.code(), StatusCode::kIoError);
  EXPECT_NE(missing.message().find("/nonexistent/dev.conllu"), std::string::npos);
  o.dev_files.clear();
  o.epochs = 1;
  o.train_files = {WriteTemp("empty.conllu", "")};
  EXPECT_EQ(TrainSegmenter(o, nullptr).code(), StatusCode::kInvalidArgument);  // no sentences
}

}  // namespace
}  // namespace thaw
