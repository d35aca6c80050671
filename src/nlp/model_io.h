// Binary model files for the tagger and parser. Format (little-endian): the 8-byte magic
// "THAWMDL1", a kind string, a format version (u32), then the fields the model writes in order;
// strings and arrays are length-prefixed (u64). Writers replace files atomically.
#ifndef THAW_NLP_MODEL_IO_H_
#define THAW_NLP_MODEL_IO_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/file.h"
#include "base/status.h"

namespace thaw {

// Accumulates a model in memory; Finish() writes it to `path` through a temporary file and a
// rename, so a crash never leaves a half-written model. Not thread-safe.
class ModelWriter {
 public:
  ModelWriter(std::string_view kind, uint32_t version);
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void F32(float v) { Raw(&v, sizeof v); }
  void String(std::string_view s);
  void Strings(const std::vector<std::string>& v);
  // Arrays of trivially copyable values (integers, floats, PODs).
  template <typename T, typename A>
  void Array(const std::vector<T, A>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    U64(v.size());
    Raw(v.data(), v.size() * sizeof(T));
  }
  Status Finish(const std::string& path);
  size_t size() const { return buf_.size(); }

 private:
  void Raw(const void* p, size_t n) { buf_.append(static_cast<const char*>(p), n); }
  std::string buf_;
};

// Reads a model written by ModelWriter. Every read checks bounds; after the first failure
// all reads fail and status() names the file and what was wrong. Not thread-safe.
class ModelReader {
 public:
  // Opens `path` and checks the magic, kind and version.
  static Result<ModelReader> Open(const std::string& path, std::string_view kind, uint32_t version);
  bool U32(uint32_t* v) { return Raw(v, sizeof *v); }
  bool U64(uint64_t* v) { return Raw(v, sizeof *v); }
  bool F32(float* v) { return Raw(v, sizeof *v); }
  bool String(std::string* s);
  bool Strings(std::vector<std::string>* v);
  template <typename T, typename A>
  bool Array(std::vector<T, A>* v) {
    static_assert(std::is_trivially_copyable_v<T>);
    uint64_t n = 0;
    if (!U64(&n) || n > (data().size() - pos_) / (sizeof(T) ? sizeof(T) : 1))
      return Fail("array length out of range");
    // Large arrays should be HugeVectors: filling 4 KB pages one fault at a time was most of
    // the cost of loading a model.
    v->resize(n);
    return Raw(v->data(), n * sizeof(T));
  }
  // True when every byte was consumed; call after the last read.
  bool AtEnd() const { return ok_ && pos_ == data().size(); }
  Status status() const;

 private:
  ModelReader(std::string path, MappedFile file, size_t pos)
      : path_(std::move(path)), file_(std::move(file)), pos_(pos) {}
  std::string_view data() const { return file_.data(); }
  bool Raw(void* p, size_t n);
  bool Fail(const char* what);
  std::string path_;
  MappedFile file_;
  size_t pos_ = 0;
  bool ok_ = true;
  std::string error_;
};

}  // namespace thaw

#endif  // THAW_NLP_MODEL_IO_H_
