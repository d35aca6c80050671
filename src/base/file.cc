#include "base/file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <utility>

namespace thaw {
namespace {

// The temporaries of live AtomicFiles, for the signal handler: fixed storage and lock-free
// atomics, because a handler may not allocate or lock. A file that finds no free slot (more
// than kLiveSlots at once, or a path longer than kMaxPath) is just not cleaned up on a signal.
constexpr int kLiveSlots = 16;
constexpr size_t kMaxPath = 4096;
enum SlotState : int { kFree, kFilling, kLive };
struct LiveTemp {
  std::atomic<int> state{kFree};
  char path[kMaxPath];
};
LiveTemp g_live[kLiveSlots];
static_assert(std::atomic<int>::is_always_lock_free);

int RegisterTemp(const std::string& path) {
  if (path.size() >= kMaxPath) return -1;
  for (int i = 0; i < kLiveSlots; ++i) {
    int expected = kFree;
    if (!g_live[i].state.compare_exchange_strong(expected, kFilling)) continue;
    std::memcpy(g_live[i].path, path.c_str(), path.size() + 1);
    g_live[i].state.store(kLive, std::memory_order_release);
    return i;
  }
  return -1;
}

void UnregisterTemp(int slot) {
  if (slot >= 0) g_live[slot].state.store(kFree, std::memory_order_release);
}

extern "C" void RemoveTempsAndDie(int sig) {
  for (LiveTemp& t : g_live) {
    if (t.state.load(std::memory_order_acquire) == kLive) ::unlink(t.path);
  }
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

}  // namespace

AtomicFile::AtomicFile(std::string path)
    : path_(std::move(path)),
      temp_(path_ + ".tmp." + std::to_string(::getpid())),
      slot_(RegisterTemp(temp_)) {}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)),
      temp_(std::move(other.temp_)),
      committed_(other.committed_),
      slot_(other.slot_) {
  other.committed_ = true;  // the moved-from object no longer owns the temporary
  other.slot_ = -1;
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
  UnregisterTemp(slot_);
}

Status AtomicFile::Commit() {
  std::error_code ec;
  std::filesystem::rename(temp_, path_, ec);
  if (ec) return Status::IoError(path_ + ": cannot write: " + ec.message());
  committed_ = true;
  UnregisterTemp(slot_);
  slot_ = -1;
  return Status::Ok();
}

void RemoveTempFilesOnFatalSignals() {
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;
    struct sigaction sa {};
    sa.sa_handler = RemoveTempsAndDie;
    sigemptyset(&sa.sa_mask);
    ::sigaction(sig, &sa, nullptr);
  }
}

Result<std::string> ReadFile(const std::string& path) {
  std::string data;
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    data = ss.str();
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      return Status::InvalidArgument(path + ": is a directory, expected a file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
    // One read of the whole file: byte-wise istreambuf_iterator copying cost ~10 ms per
    // model load.
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec) {
      data.resize(static_cast<size_t>(size));
      in.read(data.data(), static_cast<std::streamsize>(size));
      data.resize(static_cast<size_t>(in.gcount()));
    } else {
      data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (in.bad()) return Status::IoError(path + ": read failed");
  }
  if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
      static_cast<unsigned char>(data[1]) == 0x8b) {
    return Status::Unsupported(path + ": this looks like gzip; decompress it first (gunzip)");
  }
  return data;
}

Result<MappedFile> MappedFile::Open(const std::string& path) {
  MappedFile f;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ,
                     MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (p != MAP_FAILED) {
      f.map_ = p;
      f.map_size_ = static_cast<size_t>(st.st_size);
      f.view_ = std::string_view(static_cast<const char*>(p), f.map_size_);
    }
  }
  if (fd >= 0) ::close(fd);
  if (f.map_ == nullptr) {  // not mappable (a pipe, an empty file) or missing: ReadFile says why
    Result<std::string> data = ReadFile(path);
    if (!data.ok()) return data.status();
    f.copy_ = std::move(data).value();
    f.view_ = f.copy_;
  }
  return f;
}

MappedFile::MappedFile(MappedFile&& other) noexcept { *this = std::move(other); }

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this == &other) return *this;
  if (map_ != nullptr) ::munmap(map_, map_size_);
  map_ = std::exchange(other.map_, nullptr);
  map_size_ = std::exchange(other.map_size_, 0);
  copy_ = std::move(other.copy_);
  view_ = map_ != nullptr ? std::exchange(other.view_, {}) : std::string_view(copy_);
  other.view_ = {};
  return *this;
}

MappedFile::~MappedFile() {
  if (map_ != nullptr) ::munmap(map_, map_size_);
}

std::string FindShippedDir(const char* env_var, const std::string& rel_dir,
                           const std::string& probe_file, const std::string& fallback) {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv(env_var); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
         dir = dir.parent_path()) {
      if (fs::exists(dir / rel_dir / probe_file, ec)) return (dir / rel_dir).string();
    }
  }
  return fallback;
}

}  // namespace thaw
