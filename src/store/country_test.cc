#include "store/country.h"

#include <gtest/gtest.h>

namespace thaw {
namespace {

TEST(Country, CountryCodesAndActorRoots) {
  EXPECT_TRUE(IsCountryCode("USA"));
  EXPECT_TRUE(IsCountryCode("KSV"));
  EXPECT_TRUE(IsCountryCode("NAM"));  // Namibia; CAMEO's North America is NMR
  EXPECT_FALSE(IsCountryCode("EUR"));
  EXPECT_FALSE(IsCountryCode("IGO"));
  EXPECT_FALSE(IsCountryCode("US"));
  EXPECT_EQ(ActorCountry("CHNGOV"), "CHN");
  EXPECT_EQ(ActorCountry("PRK"), "PRK");
  EXPECT_EQ(ActorCountry("IGOUNO"), "");
  EXPECT_EQ(ActorCountry("---"), "");
  EXPECT_EQ(ActorCountry("GOV"), "");
  EXPECT_EQ(ActorCountry(""), "");
}

}  // namespace
}  // namespace thaw
