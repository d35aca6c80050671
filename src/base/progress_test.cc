#include "base/progress.h"

#include <gtest/gtest.h>

#include <sstream>

namespace thaw {
namespace {

class ProgressTest : public ::testing::Test {
 protected:
  Progress Make(bool terminal) {
    return Progress(&out_, terminal, [this] { return now_; });
  }
  std::ostringstream out_;
  double now_ = 1000;
};

TEST_F(ProgressTest, AShortRunShowsNothing) {
  Progress p = Make(/*terminal=*/false);
  now_ += 59;
  EXPECT_FALSE(p.Due());
  p.Finish();
  EXPECT_EQ(out_.str(), "");
}

TEST_F(ProgressTest, ALogGetsALineAMinute) {
  Progress p = Make(/*terminal=*/false);
  now_ += 60;
  ASSERT_TRUE(p.Due());
  p.Report(1200, "300 sentences, 45 events");
  EXPECT_EQ(out_.str(), "thaw: 1200 documents (20/s), 300 sentences, 45 events, 1m00s\n");
  now_ += 30;
  EXPECT_FALSE(p.Due());
  now_ += 30;
  EXPECT_TRUE(p.Due());
  p.Report(1500, "");
  p.Finish();  // nothing to erase in a log
  EXPECT_EQ(out_.str(),
            "thaw: 1200 documents (20/s), 300 sentences, 45 events, 1m00s\n"
            "thaw: 1500 documents (12/s), 2m00s\n");
}

TEST_F(ProgressTest, ATerminalLineIsRedrawnInPlaceAndErasedAtTheEnd) {
  Progress p = Make(/*terminal=*/true);
  now_ += 1;
  ASSERT_TRUE(p.Due());
  p.Report(3, "");
  now_ += 0.5;
  EXPECT_FALSE(p.Due());
  now_ += 3600;
  ASSERT_TRUE(p.Due());
  p.Report(7, "12 events");
  p.Finish();
  EXPECT_EQ(out_.str(),
            "\rthaw: 3 documents (3.0/s), 1s\x1b[K"
            "\rthaw: 7 documents (0.0/s), 12 events, 1h00m\x1b[K"
            "\r\x1b[K");
}

TEST_F(ProgressTest, NoStreamMeansNoReports) {
  Progress p(nullptr, /*terminal=*/true, [this] { return now_; });
  now_ += 1000;
  EXPECT_FALSE(p.Due());
  p.Report(1, "x");
  p.Finish();
}

}  // namespace
}  // namespace thaw
