#include "analysis/series.h"

#include <gtest/gtest.h>

namespace thaw {
namespace {

TEST(Series, PeriodsAreSortableAndLabelled) {
  EXPECT_EQ(PeriodOf(20240214, SeriesPeriod::kWeek), 20240212);  // a Wednesday; its Monday
  EXPECT_EQ(PeriodOf(20240101, SeriesPeriod::kWeek), 20240101);  // a Monday
  EXPECT_EQ(PeriodOf(20230101, SeriesPeriod::kWeek),
            20221226);  // a Sunday, week of the year before
  EXPECT_EQ(PeriodOf(20240214, SeriesPeriod::kMonth), 202402);
  EXPECT_EQ(PeriodOf(20241231, SeriesPeriod::kQuarter), 20244);
  EXPECT_EQ(PeriodOf(20240214, SeriesPeriod::kYear), 2024);
  EXPECT_EQ(NextPeriod(20241230, SeriesPeriod::kWeek), 20250106);
  EXPECT_EQ(NextPeriod(202412, SeriesPeriod::kMonth), 202501);
  EXPECT_EQ(NextPeriod(20244, SeriesPeriod::kQuarter), 20251);
  EXPECT_EQ(PeriodLabel(202402, SeriesPeriod::kMonth), "2024-02");
  EXPECT_EQ(PeriodLabel(20241, SeriesPeriod::kQuarter), "2024-Q1");
  EXPECT_EQ(PeriodLabel(20240212, SeriesPeriod::kWeek), "2024-02-12");
}

TEST(Series, EventsAddUpPerPeriodWithIndices) {
  std::vector<PeriodCounts> s;
  AddEvent(&s, SeriesPeriod::kMonth, 20240305, 1, 3.0);
  AddEvent(&s, SeriesPeriod::kMonth, 20240110, 4, -10.0);
  AddEvent(&s, SeriesPeriod::kMonth, 20240320, 3, -2.0);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].period, 202401);
  EXPECT_EQ(s[1].events, 2);
  EXPECT_DOUBLE_EQ(s[1].GoldsteinMean(), 0.5);
  EXPECT_DOUBLE_EQ(s[1].NetCooperation(), 0.0);
  EXPECT_DOUBLE_EQ(s[0].NetCooperation(), -1.0);

  auto filled = FillGaps(s, SeriesPeriod::kMonth);
  ASSERT_EQ(filled.size(), 3u);  // January, an empty February, March
  EXPECT_EQ(filled[1].period, 202402);
  EXPECT_EQ(filled[1].events, 0);
  EXPECT_EQ(FillGaps(s, SeriesPeriod::kMonth, 202312, 202404).size(), 5u);
}

}  // namespace
}  // namespace thaw
