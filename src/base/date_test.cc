#include "base/date.h"

#include <gtest/gtest.h>

namespace thaw {
namespace {

TEST(Date, ParsesPetrarchAndIsoForms) {
  EXPECT_EQ(ParseDate("19950101"), 19950101);
  EXPECT_EQ(ParseDate("2024-06-19"), 20240619);
  EXPECT_EQ(ParseDate("2024-06-19T08:00:00Z"), 20240619);
  EXPECT_EQ(ParseDate("950601"), 19950601);
  EXPECT_EQ(ParseDate("080120"), 20080120);
}

TEST(Date, RejectsImpossibleDates) {
  EXPECT_FALSE(ParseDate("20230229").has_value());
  EXPECT_FALSE(ParseDate("2004017").has_value());
  EXPECT_FALSE(ParseDate("yesterday").has_value());
  EXPECT_TRUE(ParseDate("20240229").has_value());
}

TEST(Date, FormatsIso) {
  EXPECT_EQ(FormatDate(19950101), "1995-01-01");
  EXPECT_EQ(FormatDate(kNoDate), "");
}

TEST(Date, TodayIsARealRecentDate) {
  const Date today = Today();
  EXPECT_TRUE(IsValidDate(today / 10000, today / 100 % 100, today % 100)) << today;
  EXPECT_GE(today, 20200101);  // not the epoch; loose enough for a machine whose clock is off
}

}  // namespace
}  // namespace thaw
