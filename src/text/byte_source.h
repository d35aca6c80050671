// Buffered byte and line input over a file, stdin or a string, counting lines for messages.
// Internal to src/text. Owns its file stream (stdin is borrowed); not thread-safe.
#ifndef THAW_TEXT_BYTE_SOURCE_H_
#define THAW_TEXT_BYTE_SOURCE_H_

#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace thaw {

class ByteSource {
 public:
  static constexpr int kEof = -1;

  // Opens `path` ("-" reads stdin). Errors name the path and the cause: no such file,
  // cannot open, compressed input ("decompress it first"), a PDF, an archive or other
  // binary file (NUL bytes, when read as UTF-8). A leading UTF-8 byte-order mark is skipped;
  // input that starts with a UTF-16 or UTF-32 one is converted to UTF-8 as it is read, and
  // so is input in `encoding` (an ICU converter name; empty or UTF-8: none) without a mark.
  static Result<std::unique_ptr<ByteSource>> Open(const std::string& path,
                                                  std::string_view encoding = {});
  // OK when `encoding` names a converter ICU has (ignoring case and punctuation, as ICU does:
  // "windows-1252", "latin1", "EUC-KR", "GB18030", "UTF-16LE"); InvalidArgument otherwise.
  static Status CheckEncoding(std::string_view encoding);
  // Reads from `data`; `name` is used in messages. Never fails.
  static std::unique_ptr<ByteSource> FromString(std::string data, std::string name);

  ~ByteSource();
  ByteSource(const ByteSource&) = delete;  // owns a stream position
  ByteSource& operator=(const ByteSource&) = delete;

  // The path as given, or "<stdin>"; used in diagnostics and Document::origin.
  const std::string& name() const { return name_; }
  bool is_stdin() const { return is_stdin_; }
  // 1-based line number of the next unread byte.
  int line() const { return line_; }

  // The next byte (0-255) without consuming it, or kEof.
  int Peek() {
    if (pos_ == buf_.size() && !Fill()) return kEof;
    return static_cast<unsigned char>(buf_[pos_]);
  }
  // Consumes and returns the next byte, or kEof.
  int Get() {
    const int c = Peek();
    if (c != kEof) {
      ++pos_;
      if (c == '\n') ++line_;
    }
    return c;
  }
  // The first byte that is not ASCII whitespace, without consuming anything; kEof when the
  // rest of the input is blank. Buffers the whitespace it looks past.
  int PeekNonBlank();
  // Up to `n` bytes from the first byte that is not ASCII whitespace on (fewer at the end of
  // the input, none when it is blank), without consuming anything.
  std::string PeekHead(size_t n);
  // Reads the next line into *line without its "\n" or "\r\n"; false at end of input.
  // Linear in the line length however long the line is.
  bool ReadLine(std::string* line);
  // Appends the rest of the input to *out.
  void ReadAll(std::string* out);

  // Stdin only: `f` is called whenever the next read would wait because the pipe or terminal
  // holds nothing yet (a live feed between writes), so the caller can finish what it read.
  void set_on_wait(std::function<void()> f) { on_wait_ = std::move(f); }

  // Non-ok after a read error (as opposed to a clean end of input).
  const Status& status() const { return status_; }

 private:
  ByteSource(std::unique_ptr<std::istream> owned, std::istream* in, std::string name);
  class Transcoder;

  // Appends the next chunk of the stream to buf_; false at end of input.
  bool Fill();
  // Appends up to one chunk of the stream's bytes to *out; 0 at end of input (in_ is then
  // null) or after a read error (status_ says which).
  size_t ReadChunk(std::string* out);
  // Checks the first chunk: an error for compressed and binary input; a UTF-16 or UTF-32
  // byte-order mark, or else an `encoding` other than UTF-8, switches to converting.
  Status CheckStart(std::string_view encoding);

  std::unique_ptr<std::istream> owned_;
  std::istream* in_;  // owned_.get(), std::cin (read as file descriptor 0), or nullptr for
                      // string input and after the end of input
  std::string name_;
  bool is_stdin_ = false;
  std::string buf_;
  size_t pos_ = 0;
  int line_ = 1;
  Status status_;
  std::function<void()> on_wait_;
  std::unique_ptr<Transcoder> transcoder_;  // set for input that is not UTF-8
};

}  // namespace thaw

#endif  // THAW_TEXT_BYTE_SOURCE_H_
