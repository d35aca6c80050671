// A quick check that a document is English, the only language thaw's models and
// dictionaries code. Pure and thread-safe.
#ifndef THAW_TEXT_LANGUAGE_H_
#define THAW_TEXT_LANGUAGE_H_

#include <string_view>

namespace thaw {

// False when most of `text`'s letters (from 100 on) are beyond ASCII (Hangul, Han,
// Cyrillic, ...), or when it has at least 40 words among its first 2,000 and fewer than 1 in
// 10 of them is one of English's commonest function words ("the", "of", "to", "said", ...),
// as with another language (English runs at 0.16-0.60, median 0.40; figures in language.cc).
// True otherwise, so that a headline alone is never judged.
bool LooksEnglish(std::string_view text);

}  // namespace thaw

#endif  // THAW_TEXT_LANGUAGE_H_
