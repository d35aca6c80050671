#include "analysis/plot.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace thaw {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

uint32_t BigEndian32(const std::string& s, size_t at) {
  return (uint32_t{static_cast<uint8_t>(s[at])} << 24) |
         (uint32_t{static_cast<uint8_t>(s[at + 1])} << 16) |
         (uint32_t{static_cast<uint8_t>(s[at + 2])} << 8) |
         uint32_t{static_cast<uint8_t>(s[at + 3])};
}

Chart SampleChart() {
  Chart c;
  c.title = "China → North Korea";
  c.subtitle = "events per month";
  std::vector<PeriodCounts> s;
  for (int m = 0; m < 24; ++m) {
    const int32_t ymd = (2023 + m / 12) * 10000 + (m % 12 + 1) * 100 + 15;
    for (int k = 0; k < 6; ++k)
      AddEvent(&s, SeriesPeriod::kMonth, ymd, m < 12 ? 3 + k % 2 : 1 + k % 2, m < 12 ? -4 : 5);
  }
  c.series = FillGaps(s, SeriesPeriod::kMonth);
  c.shifts = FindShifts(c.series);
  return c;
}

TEST(Plot, PngHasTheAskedSizeAndInk) {
  const std::string path = (std::filesystem::temp_directory_path() / "thaw_plot_test.png").string();
  Chart c = SampleChart();
  ASSERT_EQ(c.shifts.size(), 1u);
  ASSERT_TRUE(WriteChart(c, path).ok());
  const std::string png = ReadAll(path);
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  EXPECT_EQ(BigEndian32(png, 16), 1100u);  // IHDR width and height
  EXPECT_EQ(BigEndian32(png, 20), 560u);
  EXPECT_GT(png.size(), 10000u);  // bars, lines and text, not a blank page (a blank one is ~2 KB)
  std::filesystem::remove(path);
}

TEST(Plot, SvgHoldsTheChart) {
  const std::string path = (std::filesystem::temp_directory_path() / "thaw_plot_test.svg").string();
  ASSERT_TRUE(WriteChart(SampleChart(), path).ok());
  const std::string svg = ReadAll(path);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_GT(svg.size(), 5000u);
  std::filesystem::remove(path);
}

TEST(Plot, ErrorsAreValues) {
  Chart empty;
  EXPECT_FALSE(WriteChart(empty, "/tmp/never.png").ok());
  EXPECT_FALSE(WriteChart(SampleChart(), "/nonexistent-dir/x.png").ok());
}

}  // namespace
}  // namespace thaw
