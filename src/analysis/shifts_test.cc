#include "analysis/shifts.h"

#include <gtest/gtest.h>

#include <random>

namespace thaw {
namespace {

// Monthly series from 2020-01 of `months` months, with `per_month` events on average; each
// event's Goldstein score is mean(month) plus noise of sd 4, clipped to the scale.
template <typename MeanFn>
std::vector<PeriodCounts> Generate(int months, int per_month, MeanFn mean, uint32_t seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0, 4);
  std::poisson_distribution<int> count(per_month);
  std::vector<PeriodCounts> s;
  int32_t period = 202001;
  for (int m = 0; m < months; ++m, period = NextPeriod(period, SeriesPeriod::kMonth)) {
    const int n = count(rng);
    for (int k = 0; k < n; ++k) {
      const double g = std::clamp(mean(m) + noise(rng), -10.0, 10.0);
      AddEvent(&s, SeriesPeriod::kMonth, period * 100 + 15, g >= 0 ? 1 : 3, g);
    }
  }
  return FillGaps(s, SeriesPeriod::kMonth);
}

TEST(Shifts, PlantedThawIsFoundWithinOnePeriod) {
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    auto s = Generate(36, 15, [](int m) { return m < 20 ? -2.0 : 2.5; }, seed);
    auto shifts = FindShifts(s);
    ASSERT_EQ(shifts.size(), 1u) << "seed " << seed;
    EXPECT_LE(std::abs(static_cast<int>(shifts[0].index) - 20), 1) << "seed " << seed;
    EXPECT_TRUE(shifts[0].thaw());
    EXPECT_NEAR(shifts[0].size(), 4.5, 1.5);
  }
}

TEST(Shifts, PlantedChillInAQuieterDyadIsFound) {
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    auto s = Generate(48, 10, [](int m) { return m < 30 ? 3.0 : -3.0; }, seed);
    auto shifts = FindShifts(s);
    ASSERT_EQ(shifts.size(), 1u) << "seed " << seed;
    EXPECT_LE(std::abs(static_cast<int>(shifts[0].index) - 30), 1) << "seed " << seed;
    EXPECT_FALSE(shifts[0].thaw());
  }
}

TEST(Shifts, StationarySeriesHasNone) {
  for (uint32_t seed = 1; seed <= 200; ++seed) {
    auto s = Generate(60, 1 + static_cast<int>(seed % 4) * 10, [](int) { return 1.0; }, seed);
    EXPECT_TRUE(FindShifts(s).empty()) << "seed " << seed;
  }
}

TEST(Shifts, TooLittleEvidenceIsNoShift) {
  // A jump carried by three events is no shift; nor is a series of three periods.
  std::vector<PeriodCounts> s;
  for (int m = 1; m <= 12; ++m) {
    for (int k = 0; k < (m == 12 ? 3 : 10); ++k)
      AddEvent(&s, SeriesPeriod::kMonth, 20200001 + m * 100 + k, 1, m == 12 ? -8.0 : 2.0);
  }
  EXPECT_TRUE(FindShifts(s).empty());
  s.resize(3);
  EXPECT_TRUE(FindShifts(s).empty());
}

}  // namespace
}  // namespace thaw
