#include "nlp/model_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "base/file.h"

namespace thaw {
namespace {
constexpr char kMagic[8] = {'T', 'H', 'A', 'W', 'M', 'D', 'L', '1'};
}  // namespace

ModelWriter::ModelWriter(std::string_view kind, uint32_t version) {
  Raw(kMagic, sizeof kMagic);
  String(kind);
  U32(version);
}

void ModelWriter::String(std::string_view s) {
  U64(s.size());
  Raw(s.data(), s.size());
}

void ModelWriter::Strings(const std::vector<std::string>& v) {
  U64(v.size());
  for (const auto& s : v) String(s);
}

Status ModelWriter::Finish(const std::string& path) {
  AtomicFile file(path);
  std::FILE* f = std::fopen(file.temp_path().c_str(), "wb");
  if (f == nullptr) return Status::IoError(path + ": cannot write model: " + std::strerror(errno));
  const bool wrote = std::fwrite(buf_.data(), 1, buf_.size(), f) == buf_.size();
  const bool closed = std::fclose(f) == 0;
  if (!wrote || !closed) return Status::IoError(path + ": write failed (disk full?)");
  return file.Commit();
}

Result<ModelReader> ModelReader::Open(const std::string& path, std::string_view kind,
                                      uint32_t version) {
  Result<MappedFile> file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  const std::string_view data = file->data();
  if (data.size() < sizeof kMagic || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0) {
    return Status::Corruption(path + ": not a thaw model file (bad magic)");
  }
  ModelReader r(path, std::move(file).value(), sizeof kMagic);
  std::string got_kind;
  uint32_t got_version = 0;
  if (!r.String(&got_kind) || !r.U32(&got_version)) return r.status();
  if (got_kind != kind) {
    return Status::Corruption(path + ": holds a '" + got_kind + "' model, expected '" +
                              std::string(kind) + "'");
  }
  if (got_version != version) {
    return Status::Corruption(path + ": model format version " + std::to_string(got_version) +
                              ", this thaw reads " + std::to_string(version) +
                              "; retrain it with `thaw train`");
  }
  return r;
}

bool ModelReader::Raw(void* p, size_t n) {
  if (!ok_) return false;
  if (n > data().size() - pos_) return Fail("file ends early (truncated model?)");
  if (n > 0) std::memcpy(p, data().data() + pos_, n);
  pos_ += n;
  return true;
}

bool ModelReader::Fail(const char* what) {
  if (ok_) error_ = what;
  ok_ = false;
  return false;
}

bool ModelReader::String(std::string* s) {
  uint64_t n = 0;
  if (!U64(&n)) return false;
  if (n > data().size() - pos_) return Fail("string length out of range");
  s->assign(data().data() + pos_, n);
  pos_ += n;
  return true;
}

bool ModelReader::Strings(std::vector<std::string>* v) {
  uint64_t n = 0;
  if (!U64(&n) || n > data().size() - pos_) return Fail("string list length out of range");
  v->resize(n);
  for (auto& s : *v) {
    if (!String(&s)) return false;
  }
  return true;
}

Status ModelReader::status() const {
  if (ok_) return Status::Ok();
  return Status::Corruption(path_ + ": " + error_ + " at byte " + std::to_string(pos_));
}

}  // namespace thaw
