// CAMEO country codes: which actor codes name a state, for the store's country aggregates.
// Static table; thread-safe.
#ifndef THAW_STORE_COUNTRY_H_
#define THAW_STORE_COUNTRY_H_

#include <string_view>

namespace thaw {

// True when `code` is a CAMEO country code: an ISO 3166-1 alpha-3 code or Kosovo's KSV.
// CAMEO regions (AFR, EUR, MEA, ...) and non-state roots (IGO, NGO, GOV, ...) are not.
bool IsCountryCode(std::string_view code);

// The country of an actor code: its first three letters when they are a country code
// ("CHNGOV" -> "CHN"), else "" ("IGOUNO", "---", "GOV").
std::string_view ActorCountry(std::string_view actor);

}  // namespace thaw

#endif  // THAW_STORE_COUNTRY_H_
