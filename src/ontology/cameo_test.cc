#include "ontology/cameo.h"

#include <gtest/gtest.h>

#include <string>

namespace thaw {
namespace {

QuadClass ExpectedQuadClass(std::string_view root) {
  const int r = std::stoi(std::string(root));
  if (r <= 5) return QuadClass::kVerbalCoop;
  if (r <= 9) return QuadClass::kMaterialCoop;
  if (r <= 14) return QuadClass::kVerbalConflict;
  return QuadClass::kMaterialConflict;
}

TEST(Cameo, TableIsSortedAndUnique) {
  auto codes = AllCameoCodes();
  ASSERT_FALSE(codes.empty());
  for (size_t i = 1; i < codes.size(); ++i) {
    EXPECT_LT(codes[i - 1].code, codes[i].code) << "at index " << i;
  }
}

TEST(Cameo, TableCoversTheWholeCodebook) { EXPECT_GE(AllCameoCodes().size(), 290u); }

TEST(Cameo, EveryCodeIsTwoToFourDigitsWithANameAndAScoreInRange) {
  for (const CameoCode& c : AllCameoCodes()) {
    EXPECT_GE(c.code.size(), 2u) << c.code;
    EXPECT_LE(c.code.size(), 4u) << c.code;
    for (char ch : c.code) EXPECT_TRUE(ch >= '0' && ch <= '9') << c.code;
    EXPECT_FALSE(c.name.empty()) << c.code;
    EXPECT_GE(c.goldstein, -10.0) << c.code;
    EXPECT_LE(c.goldstein, 10.0) << c.code;
  }
}

TEST(Cameo, EveryRootMatchesTheFirstTwoDigits) {
  for (const CameoCode& c : AllCameoCodes()) {
    EXPECT_EQ(c.root, c.code.substr(0, 2)) << c.code;
  }
}

TEST(Cameo, EveryQuadClassFollowsItsRoot) {
  for (const CameoCode& c : AllCameoCodes()) {
    EXPECT_EQ(c.quad_class, ExpectedQuadClass(c.root)) << c.code;
  }
}

TEST(Cameo, EveryLeafHasItsParentInTheTable) {
  for (const CameoCode& c : AllCameoCodes()) {
    if (c.code.size() < 3) continue;
    EXPECT_NE(FindCameoCode(c.code.substr(0, c.code.size() - 1)), nullptr) << c.code;
  }
}

TEST(Cameo, AllTwentyRootsAndTheirX0CodesAreFindable) {
  for (int r = 1; r <= 20; ++r) {
    std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    const CameoCode* two = FindCameoCode(root);
    const CameoCode* x0 = FindCameoCode(root + "0");
    ASSERT_NE(two, nullptr) << root;
    ASSERT_NE(x0, nullptr) << root;
    EXPECT_EQ(two->goldstein, x0->goldstein) << root;
  }
  EXPECT_EQ(FindCameoCode("00"), nullptr);
  EXPECT_EQ(FindCameoCode("21"), nullptr);
}

TEST(Cameo, KnownCodesHaveTheirCodebookNamesAndScores) {
  struct Expected {
    std::string_view code, name;
    double goldstein;
  };
  const Expected cases[] = {
      {"010", "Make statement, not specified below", 0.0},
      {"057", "Sign formal agreement", 8.0},
      {"0871", "Declare truce, ceasefire", 9.0},
      {"1246", "Refuse to de-escalate military engagement", -5.0},
      {"174", "Expel or deport individuals", -5.0},
      {"190", "Use conventional military force, not specified below", -10.0},
  };
  for (const Expected& e : cases) {
    const CameoCode* c = FindCameoCode(e.code);
    ASSERT_NE(c, nullptr) << e.code;
    EXPECT_EQ(c->name, e.name);
    EXPECT_DOUBLE_EQ(c->goldstein, e.goldstein) << e.code;
  }
}

TEST(Cameo, GoldsteinScoresMatchTheGdeltMapping) {
  const std::pair<std::string_view, double> cases[] = {
      {"010", 0.0},   {"020", 3.0},   {"036", 4.0},  {"040", 1.0},  {"042", 1.9},  {"043", 2.8},
      {"050", 3.5},   {"051", 3.4},   {"057", 8.0},  {"060", 6.0},  {"070", 7.0},  {"080", 5.0},
      {"110", -2.0},  {"111", -2.0},  {"112", -2.0}, {"120", -4.0}, {"130", -4.4}, {"138", -7.0},
      {"160", -4.0},  {"163", -8.0},  {"172", -5.0}, {"173", -5.0}, {"180", -9.0}, {"190", -10.0},
      {"195", -10.0}, {"200", -10.0},
  };
  for (const auto& [code, goldstein] : cases) {
    const CameoCode* c = FindCameoCode(code);
    ASSERT_NE(c, nullptr) << code;
    EXPECT_DOUBLE_EQ(c->goldstein, goldstein) << code;
  }
}

TEST(Cameo, FindRejectsCodesOutsideTheTable) {
  EXPECT_EQ(FindCameoCode(""), nullptr);
  EXPECT_EQ(FindCameoCode("0"), nullptr);
  EXPECT_EQ(FindCameoCode("099"), nullptr);
  EXPECT_EQ(FindCameoCode("174L"), nullptr);
  EXPECT_EQ(FindCameoCode("19522"), nullptr);
}

TEST(Cameo, DescribeReturnsTheExactEntryWhenKnown) {
  CodeInfo info = DescribeEventCode("1246");
  EXPECT_TRUE(info.known);
  EXPECT_EQ(info.root, "12");
  EXPECT_EQ(info.quad_class, QuadClass::kVerbalConflict);
  EXPECT_DOUBLE_EQ(info.goldstein, -5.0);
}

TEST(Cameo, DescribeFallsBackToTheRootForCodesOutsideCameo) {
  CodeInfo info = DescribeEventCode("174L");
  EXPECT_FALSE(info.known);
  EXPECT_EQ(info.root, "17");
  EXPECT_EQ(info.quad_class, QuadClass::kMaterialConflict);
  EXPECT_DOUBLE_EQ(info.goldstein, -7.0);  // the score of 170, not of 174

  CodeInfo unlisted = DescribeEventCode("0999");
  EXPECT_FALSE(unlisted.known);
  EXPECT_EQ(unlisted.root, "09");
  EXPECT_EQ(unlisted.quad_class, QuadClass::kMaterialCoop);
}

TEST(Cameo, DescribeOfANonCameoRootIsUnknown) {
  // "903" starts with digits, but 90 is no CAMEO root.
  for (std::string_view code : {"903", "00", "21X", "999"}) {
    CodeInfo info = DescribeEventCode(code);
    EXPECT_FALSE(info.known) << code;
    EXPECT_EQ(info.root, "") << code;
    EXPECT_EQ(info.quad_class, QuadClass::kUnknown) << code;
    EXPECT_DOUBLE_EQ(info.goldstein, 0.0) << code;
  }
}

TEST(Cameo, DescribeOfANonNumericCodeIsUnknown) {
  for (std::string_view code : {"---", ":080", "", "1", "A17"}) {
    CodeInfo info = DescribeEventCode(code);
    EXPECT_FALSE(info.known) << code;
    EXPECT_EQ(info.root, "") << code;
    EXPECT_EQ(info.quad_class, QuadClass::kUnknown) << code;
  }
}

TEST(Cameo, DescribedRootOutlivesTheCallersString) {
  std::string code = "1999";
  CodeInfo info = DescribeEventCode(code);
  code.assign("xxxx");
  EXPECT_EQ(info.root, "19");
}

}  // namespace
}  // namespace thaw
