// An event the coder found: who did what to whom, with the evidence behind it.
// Plain value type; strings are owned so events outlive the sentence they came from.
#ifndef THAW_CODER_EVENT_H_
#define THAW_CODER_EVENT_H_

#include <cstdint>
#include <string>

#include "base/date.h"

namespace thaw {

struct Event {
  std::string source;  // CAMEO actor code, e.g. "CHNGOV"; "---" when unknown
  std::string target;
  std::string code;    // CAMEO event code, e.g. "057"
  // Evidence.
  int32_t verb_token = -1;  // 0-based token index of the verb
  std::string verb;         // the verb as written (with particles: "broken down")
  std::string pattern;      // the matched verb pattern, or "[default]" for the block code
  int pattern_line = 0;     // dictionary line of the pattern or verb block
  std::string source_text;  // the actor mentions as written
  std::string target_text;
  int32_t source_begin = -1, source_end = -1;  // token range [begin, end) of each mention
  int32_t target_begin = -1, target_end = -1;
  // When: the date expression attached to the verb ("on Monday") resolved against the
  // document date, and the expression as written; kNoDate when the sentence names none.
  Date date = kNoDate;
  std::string date_text;
};

}  // namespace thaw

#endif  // THAW_CODER_EVENT_H_
