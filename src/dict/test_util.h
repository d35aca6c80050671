// Test helpers for src/dict: looking into the diagnostics a dictionary parse reported.
// Test-only.
#ifndef THAW_DICT_TEST_UTIL_H_
#define THAW_DICT_TEST_UTIL_H_

#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace thaw::testing {

// True when a diagnostic on `line` mentions `fragment`.
inline bool HasDiagnostic(const Diagnostics& diags, int line, std::string_view fragment) {
  for (const Diagnostic& d : diags.items()) {
    if (d.line == line && d.message.find(fragment) != std::string::npos) return true;
  }
  return false;
}

// Every diagnostic, one per line, for a failing assertion's message.
inline std::string AllDiagnostics(const Diagnostics& diags) {
  std::string s;
  for (const Diagnostic& d : diags.items()) s += d.ToString() + "\n";
  return s;
}

}  // namespace thaw::testing

#endif  // THAW_DICT_TEST_UTIL_H_
