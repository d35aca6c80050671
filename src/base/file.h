// Whole-file reading, and files written whole or not at all, with errors as values.
// Thread-safe; each call opens its own stream.
#ifndef THAW_BASE_FILE_H_
#define THAW_BASE_FILE_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace thaw {

// Reads the whole file at `path` ("-" reads stdin). Errors name the path and the
// cause ("no such file", "is a directory", "looks like gzip; decompress it first").
Result<std::string> ReadFile(const std::string& path);

// A whole file mapped read-only into memory (page tables populated up front, so reading it
// costs no page fault per 4 KB), or read into memory where mapping fails. Move-only.
class MappedFile {
 public:
  // Errors name the path, as ReadFile's do.
  static Result<MappedFile> Open(const std::string& path);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();
  std::string_view data() const { return view_; }

 private:
  MappedFile() = default;
  void* map_ = nullptr;  // the mapping, when there is one
  size_t map_size_ = 0;
  std::string copy_;  // the contents, when they were read instead
  std::string_view view_;
};

// A file written whole or not at all: the caller writes temp_path() (a name beside `path`,
// unique to this process) by any means, then Commit renames it over `path`. Until then `path`
// is untouched, and without a Commit the destructor removes the temporary. Move-only.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();
  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_; }
  // Puts the temporary in place of `path`. IoError naming `path` when it cannot.
  Status Commit();

 private:
  std::string path_, temp_;
  bool committed_ = false;
  int slot_ = -1;  // its entry in the table RemoveTempFilesOnFatalSignals reads, if any
};

// Makes SIGINT, SIGTERM and SIGHUP remove the temporaries of the AtomicFiles not yet committed
// before the process dies of the signal as it would have (Ctrl-C during `thaw export -o` leaves
// no "out.csv.tmp.PID"). For programs, not libraries: the CLI calls it first. Signals whose
// handling was already changed (ignored under nohup, or caught) are left alone.
void RemoveTempFilesOnFatalSignals();

// Where data shipped with thaw lives (models/, data/dictionaries/): the environment variable
// `env_var` when set and non-empty, else the first ancestor directory of the running
// executable holding `rel_dir`/`probe_file` (a build tree inside the checkout finds the
// checkout's copy), else `fallback` (the source tree's copy, compiled in).
std::string FindShippedDir(const char* env_var, const std::string& rel_dir,
                           const std::string& probe_file, const std::string& fallback);

}  // namespace thaw

#endif  // THAW_BASE_FILE_H_
