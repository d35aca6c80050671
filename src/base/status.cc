#include "base/status.h"

namespace thaw {

std::string Status::ToString() const {
  const char* kind = "ok";
  switch (code_) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: kind = "invalid argument"; break;
    case StatusCode::kNotFound: kind = "not found"; break;
    case StatusCode::kIoError: kind = "I/O error"; break;
    case StatusCode::kCorruption: kind = "bad input"; break;
    case StatusCode::kUnsupported: kind = "unsupported"; break;
  }
  return std::string(kind) + ": " + message_;
}

}  // namespace thaw

#include "base/diagnostics.h"

namespace thaw {

std::string Diagnostic::ToString() const {
  if (line > 0) return file + ":" + std::to_string(line) + ": " + message;
  return file + ": " + message;
}

}  // namespace thaw
