// The entry point every fuzz target defines: libFuzzer's, so the same file builds as a
// coverage-guided fuzzer (THAW_FUZZ=ON, clang) or with replay_main.cc as a corpus replayer.
#ifndef THAW_FUZZ_FUZZ_H_
#define THAW_FUZZ_FUZZ_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

// Runs one input; returns 0 (libFuzzer's contract). Must not crash, leak or hang on any bytes.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace thaw::fuzz {

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace thaw::fuzz

#endif  // THAW_FUZZ_FUZZ_H_
