// The pipeline loads models/segmenter.model when it is there and falls back to the rules
// when it is not.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "nlp/pipeline.h"
#include "nlp/segmenter.h"

namespace thaw {
namespace {

namespace fs = std::filesystem;

// A models directory holding links to the shipped tagger and parser models only.
std::string ModelsDirWithoutSegmenter(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* f : {"tagger.model", "parser.model"}) {
    fs::create_symlink(fs::path(THAW_MODELS_DIR) / f, dir / f);
  }
  return dir.string();
}

std::vector<std::string> Texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.push_back(s.text);
  return out;
}

const char kText[] =
    "Email: \"Julie\" <julie@bellsouth.net> Groups: alt.animals.cat\n\n"
    "Gen. Kim met U.S. officials. They left.";

TEST(SegmenterPipelineTest, MissingSegmenterModelFallsBackToTheRules) {
  auto p = Pipeline::Load(ModelsDirWithoutSegmenter("no_segmenter_model"));
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  auto rules = Segmenter::Create();
  ASSERT_TRUE(rules.ok());
  Document a, b;
  a.text = b.text = kText;
  (*p)->Segment(&a);
  (*rules)->Segment(&b);
  EXPECT_EQ(Texts(a), Texts(b));
  EXPECT_EQ(Texts(a).size(), 3u);
}

TEST(SegmenterPipelineTest, ShippedSegmenterModelIsUsed) {
  auto p = Pipeline::Load(THAW_MODELS_DIR);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  Document doc;
  doc.text = kText;
  (*p)->Segment(&doc);
  EXPECT_EQ(Texts(doc),
            (std::vector<std::string>{"Email: \"Julie\" <julie@bellsouth.net>",
                                      "Groups: alt.animals.cat", "Gen. Kim met U.S. officials.",
                                      "They left."}));
}

// The shipped model ended a sentence after "Workers'": it adds no boundary after a plural
// possessive.
TEST(SegmenterPipelineTest, NoSentenceEndsAfterAPluralPossessive) {
  auto p = Pipeline::Load(THAW_MODELS_DIR);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  Document doc;
  doc.text = "The Kurdistan Workers' Party announced a ceasefire with Turkey.";
  (*p)->Segment(&doc);
  EXPECT_EQ(Texts(doc).size(), 1u);
}

TEST(SegmenterPipelineTest, BrokenSegmenterModelIsAnErrorNamingTheFile) {
  const std::string dir = ModelsDirWithoutSegmenter("broken_segmenter_model");
  std::ofstream(dir + "/segmenter.model") << "not a model";
  auto p = Pipeline::Load(dir);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("segmenter.model"), std::string::npos);
}

}  // namespace
}  // namespace thaw
