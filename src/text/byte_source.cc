#include "text/byte_source.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace thaw {
namespace {

// Large enough that per-chunk overhead vanishes, small enough to stay in L2.
constexpr size_t kChunk = 64 * 1024;

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

}  // namespace

ByteSource::ByteSource(std::unique_ptr<std::istream> owned, std::istream* in, std::string name)
    : owned_(std::move(owned)), in_(in), name_(std::move(name)) {}

Result<std::unique_ptr<ByteSource>> ByteSource::Open(const std::string& path) {
  std::unique_ptr<ByteSource> src;
  if (path == "-") {
    src.reset(new ByteSource(nullptr, &std::cin, "<stdin>"));
    src->is_stdin_ = true;
  } else {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      return Status::NotFound(path + ": no such file or directory");
    }
    auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*file) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
    std::istream* in = file.get();
    src.reset(new ByteSource(std::move(file), in, path));
  }
  src->Fill();
  if (!src->status_.ok()) return src->status_;
  const std::string& b = src->buf_;
  if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f &&
      static_cast<unsigned char>(b[1]) == 0x8b) {
    return Status::Unsupported(src->name_ + ": this looks like gzip; decompress it first (gunzip)");
  }
  if (b.compare(0, 3, "\xEF\xBB\xBF") == 0) src->pos_ = 3;
  return src;
}

std::unique_ptr<ByteSource> ByteSource::FromString(std::string data, std::string name) {
  std::unique_ptr<ByteSource> src(new ByteSource(nullptr, nullptr, std::move(name)));
  src->buf_ = std::move(data);
  if (src->buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) src->pos_ = 3;
  return src;
}

bool ByteSource::Fill() {
  if (in_ == nullptr || !status_.ok()) return false;
  // Keep unread bytes (PeekNonBlank looks ahead); everything before pos_ is done with.
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  const size_t old = buf_.size();
  buf_.resize(old + kChunk);
  size_t got = 0;
  bool failed = false;
  if (is_stdin_) {
    if (on_wait_) {
      pollfd p{STDIN_FILENO, POLLIN, 0};
      if (::poll(&p, 1, 0) == 0) on_wait_();  // nothing readable, no hang-up, no error
    }
    // What the pipe holds now, up to a chunk: a live feed's documents are read as they come
    // (istream::read would wait for a full chunk).
    ssize_t n;
    do {
      n = ::read(STDIN_FILENO, buf_.data() + old, kChunk);
    } while (n < 0 && errno == EINTR);
    failed = n < 0;
    got = n > 0 ? static_cast<size_t>(n) : 0;
  } else {
    in_->read(buf_.data() + old, static_cast<std::streamsize>(kChunk));
    got = static_cast<size_t>(in_->gcount());
    failed = in_->bad();
  }
  buf_.resize(old + got);
  if (failed) {
    status_ = Status::IoError(name_ + ": read failed near line " + std::to_string(line_));
  }
  if (got == 0) in_ = nullptr;  // end of input: never read again
  return got > 0;
}

int ByteSource::PeekNonBlank() {
  size_t i = pos_;
  for (;;) {
    while (i < buf_.size() && IsBlank(buf_[i])) ++i;
    if (i < buf_.size()) return static_cast<unsigned char>(buf_[i]);
    const size_t consumed = pos_;
    if (!Fill()) return kEof;
    i -= consumed;  // Fill dropped the consumed prefix
  }
}

std::string ByteSource::PeekHead(size_t n) {
  if (PeekNonBlank() == kEof) return std::string();
  size_t i = pos_;
  while (IsBlank(buf_[i])) ++i;  // PeekNonBlank buffered the first non-blank byte
  while (buf_.size() - i < n) {
    const size_t consumed = pos_;
    if (!Fill()) break;
    i -= consumed;
  }
  return buf_.substr(i, n);
}

bool ByteSource::ReadLine(std::string* line) {
  line->clear();
  bool any = false;
  for (;;) {
    if (pos_ == buf_.size() && !Fill()) break;
    any = true;
    const char* start = buf_.data() + pos_;
    const size_t avail = buf_.size() - pos_;
    const void* nl = std::memchr(start, '\n', avail);
    if (nl != nullptr) {
      const size_t len = static_cast<size_t>(static_cast<const char*>(nl) - start);
      line->append(start, len);
      pos_ += len + 1;
      ++line_;
      break;
    }
    line->append(start, avail);
    pos_ = buf_.size();
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return any;
}

void ByteSource::ReadAll(std::string* out) {
  do {
    for (size_t i = pos_; i < buf_.size(); ++i) {
      if (buf_[i] == '\n') ++line_;
    }
    out->append(buf_, pos_, std::string::npos);
    pos_ = buf_.size();
  } while (Fill());
}

}  // namespace thaw
