// Whole-file reading with errors as values.
// Thread-safe; each call opens its own stream.
#ifndef THAW_BASE_FILE_H_
#define THAW_BASE_FILE_H_

#include <string>

#include "base/status.h"

namespace thaw {

// Reads the whole file at `path` ("-" reads stdin). Errors name the path and the
// cause ("no such file", "is a directory", "looks like gzip; decompress it first").
Result<std::string> ReadFile(const std::string& path);

}  // namespace thaw

#endif  // THAW_BASE_FILE_H_
