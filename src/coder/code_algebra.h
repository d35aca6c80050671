// Event-code algebra for negation and embedded clauses, following PETRARCH-2's internal
// coding ontology: "did not clash" (110) is diplomatic cooperation (050), and so on.
#ifndef THAW_CODER_CODE_ALGEBRA_H_
#define THAW_CODER_CODE_ALGEBRA_H_

#include <string>
#include <string_view>

namespace thaw {

// The code for "not <code>": 110 <-> 050, 170 <-> 057, ...; "" when negating `code` has no
// CAMEO meaning (the event is then dropped).
std::string NegateEventCode(std::string_view code);
// The code for an act `outer` whose content is the act `inner` ("noted that X regretted"):
// two speech acts give the inner one; otherwise the feature sum when it is a CAMEO code,
// else `outer`.
std::string CombineEventCodes(std::string_view outer, std::string_view inner);
// The code for being ready to do `code` (CAMEO's "express intent to ..." codes, 03x, and for
// coercion and force a threat, 137 and 138): 045 -> 039, 046 -> 036, 0872 -> 0356, 073 ->
// 0333, 1712 -> 137, 190 -> 138; a code with no such counterpart is returned as it is.
std::string IntentEventCode(std::string_view code);
// The code for refusing to do `code` ("will not negotiate", "would not release"): CAMEO's
// rejections, 12x: 046 -> 125, 045 -> 126, 057 -> 127, other 05x -> 120, 06x -> 121x, 07x
// -> 122x, 083 -> 123, 08x -> 124x; "" for an act with no such counterpart.
std::string RefusalEventCode(std::string_view code);
// The code for an appeal or demand `outer` (02x, 10x) asking for the act `inner`: a general
// one takes the act's kind (020 + 0841 -> 0253, 100 + 0874 -> 1056, 020 + 046 -> 026); a
// specific one, or one asking for an act with no such code, is returned as it is.
std::string AskedEventCode(std::string_view outer, std::string_view inner);

}  // namespace thaw

#endif  // THAW_CODER_CODE_ALGEBRA_H_
