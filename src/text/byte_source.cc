#include "text/byte_source.h"

#include <poll.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
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

// What a file's first bytes say it is when it is not text: the kind, and what to do.
struct Signature {
  std::string_view magic;
  std::string_view message;
};
constexpr Signature kNotText[] = {
    {"\x1f\x8b", "this looks like gzip; decompress it first (gunzip)"},
    {"\xFD\x37zXZ", "this looks like xz; decompress it first (unxz)"},
    {"\x28\xB5\x2F\xFD", "this looks like zstd; decompress it first (unzstd)"},
    {"%PDF-", "this is a PDF; extract its text first (pdftotext FILE.pdf FILE.txt)"},
    {"PK\x03\x04",
     "this is a zip archive (or a .docx, .odt or .epub, which are zip files); unzip it, or save "
     "the document as plain text"},
    {"{\\rtf", "this is RTF; save the document as plain text"},
    {"\xD0\xCF\x11\xE0", "this is an old Microsoft Office file; save the document as plain text"},
};

bool IsUtf8Name(std::string_view encoding) {
  return encoding.empty() || ucnv_compareNames(std::string(encoding).c_str(), "UTF-8") == 0;
}

}  // namespace

// Converts input in another encoding to UTF-8 chunk by chunk with ICU: a character split
// between two chunks is completed from the next; bytes that are no character of the encoding
// become U+FFFD.
class ByteSource::Transcoder {
 public:
  static std::unique_ptr<Transcoder> Open(std::string_view encoding) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter* cnv = ucnv_open(std::string(encoding).c_str(), &err);
    if (U_FAILURE(err)) return nullptr;
    return std::unique_ptr<Transcoder>(new Transcoder(cnv));
  }
  ~Transcoder() { ucnv_close(cnv_); }

  // Appends the UTF-8 of `raw`'s complete characters to *out; with `flush`, the input is at
  // its end and an incomplete last character is replaced too.
  void Decode(std::string_view raw, bool flush, std::string* out) {
    const char* src = raw.data();
    const char* const end = raw.data() + raw.size();
    units_.resize(raw.size() + 2);  // a byte or more per unit, and carried ones
    for (;;) {
      UChar* dst = units_.data();
      UErrorCode err = U_ZERO_ERROR;
      ucnv_toUnicode(cnv_, &dst, units_.data() + units_.size(), &src, end, nullptr, flush, &err);
      const int32_t n = static_cast<int32_t>(dst - units_.data());
      const size_t old = out->size();
      out->resize(old + 3 * static_cast<size_t>(n));  // at most 3 bytes per unit
      int32_t len = 0;
      UErrorCode utf8_err = U_ZERO_ERROR;
      u_strToUTF8WithSub(out->data() + old, 3 * n, &len, units_.data(), n, 0xFFFD, nullptr,
                         &utf8_err);
      out->resize(old + (U_SUCCESS(utf8_err) ? static_cast<size_t>(len) : 0));
      if (err != U_BUFFER_OVERFLOW_ERROR) return;
    }
  }

 private:
  explicit Transcoder(UConverter* cnv) : cnv_(cnv) {}
  UConverter* cnv_;
  std::vector<UChar> units_;
};

ByteSource::~ByteSource() = default;

ByteSource::ByteSource(std::unique_ptr<std::istream> owned, std::istream* in, std::string name)
    : owned_(std::move(owned)), in_(in), name_(std::move(name)) {}

Status ByteSource::CheckEncoding(std::string_view encoding) {
  if (IsUtf8Name(encoding) || Transcoder::Open(encoding) != nullptr) return Status::Ok();
  return Status::InvalidArgument("unknown encoding '" + std::string(encoding) +
                                 "'; expected a name such as windows-1252, latin1, euc-kr, "
                                 "gb18030, shift_jis or utf-16le");
}

Result<std::unique_ptr<ByteSource>> ByteSource::Open(const std::string& path,
                                                     std::string_view encoding) {
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
  Status start = src->CheckStart(encoding);
  if (!start.ok()) return start;
  return src;
}

Status ByteSource::CheckStart(std::string_view encoding) {
  for (const Signature& s : kNotText) {
    if (buf_.starts_with(s.magic)) {
      return Status::Unsupported(name_ + ": " + std::string(s.message));
    }
  }
  // bzip2: "BZh", the block size digit, then the block magic (pi's digits in BCD).
  if (buf_.starts_with("BZh") && buf_.size() >= 10 && buf_.compare(4, 6, "1AY&SY") == 0) {
    return Status::Unsupported(name_ + ": this looks like bzip2; decompress it first (bunzip2)");
  }
  // A byte-order mark names the encoding, whatever was asked; UTF-32's are checked first, as
  // UTF-32LE's begins with UTF-16LE's. The converters read the mark and drop it.
  if (buf_.starts_with(std::string_view("\xFF\xFE\0\0", 4)) ||
      buf_.starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
    encoding = "UTF-32";
  } else if (buf_.starts_with("\xFF\xFE") || buf_.starts_with("\xFE\xFF")) {
    encoding = "UTF-16";  // as Windows tools save "Unicode" text
  } else if (buf_.starts_with("\xEF\xBB\xBF")) {
    pos_ = 3;
    encoding = {};
  }
  if (IsUtf8Name(encoding)) {
    if (std::memchr(buf_.data(), '\0', buf_.size()) != nullptr) {
      return Status::Unsupported(
          name_ +
          ": this looks like a binary file (it has NUL bytes), not text; if it is UTF-16 text "
          "without a byte-order mark, --encoding utf-16le reads it");
    }
    return Status::Ok();
  }
  transcoder_ = Transcoder::Open(encoding);
  if (transcoder_ == nullptr) return CheckEncoding(encoding);
  std::string raw;
  raw.swap(buf_);
  transcoder_->Decode(raw, in_ == nullptr, &buf_);
  return Status::Ok();
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
  if (transcoder_ == nullptr) return ReadChunk(&buf_) > 0;
  // Converting: read on until a whole character comes (a chunk may end inside one).
  const size_t old = buf_.size();
  std::string raw;
  while (buf_.size() == old && in_ != nullptr) {
    raw.clear();
    ReadChunk(&raw);
    transcoder_->Decode(raw, in_ == nullptr, &buf_);
  }
  return buf_.size() > old;
}

size_t ByteSource::ReadChunk(std::string* out) {
  if (in_ == nullptr || !status_.ok()) return 0;
  const size_t old = out->size();
  out->resize(old + kChunk);
  char* const dst = out->data() + old;
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
      n = ::read(STDIN_FILENO, dst, kChunk);
    } while (n < 0 && errno == EINTR);
    failed = n < 0;
    got = n > 0 ? static_cast<size_t>(n) : 0;
  } else {
    in_->read(dst, static_cast<std::streamsize>(kChunk));
    got = static_cast<size_t>(in_->gcount());
    failed = in_->bad();
  }
  out->resize(old + got);
  if (failed) {
    status_ = Status::IoError(name_ + ": read failed near line " + std::to_string(line_));
  }
  if (got == 0) in_ = nullptr;  // end of input: never read again
  return got;
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
