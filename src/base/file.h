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

// Where data shipped with thaw lives (models/, data/dictionaries/): the environment variable
// `env_var` when set and non-empty, else the first ancestor directory of the running
// executable holding `rel_dir`/`probe_file` (a build tree inside the checkout finds the
// checkout's copy), else `fallback` (the source tree's copy, compiled in).
std::string FindShippedDir(const char* env_var, const std::string& rel_dir, const std::string& probe_file,
                           const std::string& fallback);

}  // namespace thaw

#endif  // THAW_BASE_FILE_H_
