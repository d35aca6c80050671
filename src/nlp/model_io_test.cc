#include "nlp/model_io.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace thaw {
namespace {

TEST(ModelIo, RoundTripsFieldsInOrder) {
  const std::string path = ::testing::TempDir() + "/m.bin";
  ModelWriter w("tagger", 3);
  w.U32(7);
  w.String("NOUN");
  w.Array(std::vector<float>{1.5f, -2.0f});
  w.Strings({"a", "bc"});
  ASSERT_TRUE(w.Finish(path).ok());
  auto r = ModelReader::Open(path, "tagger", 3);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  uint32_t u = 0;
  std::string s;
  std::vector<float> f;
  std::vector<std::string> v;
  EXPECT_TRUE(r->U32(&u) && r->String(&s) && r->Array(&f) && r->Strings(&v));
  EXPECT_EQ(u, 7u);
  EXPECT_EQ(s, "NOUN");
  EXPECT_EQ(f, (std::vector<float>{1.5f, -2.0f}));
  EXPECT_EQ(v, (std::vector<std::string>{"a", "bc"}));
  EXPECT_TRUE(r->AtEnd());
}

TEST(ModelIo, WrongKindVersionAndTruncationAreErrorsNotCrashes) {
  const std::string path = ::testing::TempDir() + "/m2.bin";
  ModelWriter w("parser", 1);
  w.Array(std::vector<uint32_t>(100, 1));
  ASSERT_TRUE(w.Finish(path).ok());
  EXPECT_FALSE(ModelReader::Open(path, "tagger", 1).ok());
  EXPECT_FALSE(ModelReader::Open(path, "parser", 2).ok());
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 10);
  auto r = ModelReader::Open(path, "parser", 1);
  ASSERT_TRUE(r.ok());
  std::vector<uint32_t> a;
  EXPECT_FALSE(r->Array(&a));
  EXPECT_NE(r->status().message().find("m2.bin"), std::string::npos);
}

}  // namespace
}  // namespace thaw
