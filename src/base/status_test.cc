#include "base/status.h"

#include <gtest/gtest.h>

#include "base/file.h"

namespace thaw {
namespace {

TEST(Status, ResultCarriesValueOrError) {
  Result<int> good(3);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 3);
  Result<int> bad(Status::NotFound("x"));
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().ToString(), "not found: x");
}

TEST(File, MissingFileIsAnErrorNamingThePath) {
  auto r = ReadFile("/nonexistent/thaw/file.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/thaw/file.txt"), std::string::npos);
}

TEST(File, DirectoryIsRejectedWithAHint) {
  auto r = ReadFile("/tmp");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("directory"), std::string::npos);
}

}  // namespace
}  // namespace thaw
