#include "text/reader.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "base/strings.h"
#include "text/readers.h"

namespace thaw {
namespace {

// A reader with no documents: blank input.
class EmptyReader : public DocumentReader {
 public:
  Result<bool> Next(Document*) override { return false; }
};

// Reads the files of one directory in name order, each with the reader its format needs.
// A file that cannot be opened or fails mid-read is reported and skipped, never fatal.
class DirectoryReader : public DocumentReader {
 public:
  DirectoryReader(std::vector<std::string> files, const ReadOptions& options, Diagnostics* diags)
      : files_(std::move(files)), options_(options), diags_(diags) {}

  Result<bool> Next(Document* doc) override {
    for (;;) {
      if (current_ == nullptr) {
        if (next_file_ == files_.size()) return false;
        const std::string& path = files_[next_file_++];
        Result<std::unique_ptr<ByteSource>> src = ByteSource::Open(path, options_.encoding);
        if (!src.ok()) {
          diags_->Add(path, 0, src.status().message() + "; file skipped");
          continue;
        }
        current_ = NewReaderFor(std::move(src).value(), options_, diags_);
      }
      Result<bool> r = current_->Next(doc);
      if (r.ok() && *r) return true;
      if (!r.ok())
        diags_->Add(files_[next_file_ - 1], 0, r.status().message() + "; rest of file skipped");
      current_.reset();
    }
  }

 private:
  std::vector<std::string> files_;
  ReadOptions options_;
  Diagnostics* diags_;
  size_t next_file_ = 0;
  std::unique_ptr<DocumentReader> current_;
};

std::string LowerExtension(std::string_view path) {
  const std::string base = BaseName(path);
  const size_t dot = base.rfind('.');
  if (dot == std::string::npos || dot == 0) return "";
  return ToLowerAscii(std::string_view(base).substr(dot));
}

Result<std::unique_ptr<DocumentReader>> OpenDirectory(const std::string& path,
                                                      const ReadOptions& options,
                                                      Diagnostics* diags) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::directory_iterator it(path, ec);
  if (ec) return Status::IoError(path + ": cannot list directory: " + ec.message());
  std::vector<std::string> files;
  std::vector<std::string> skipped;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) return Status::IoError(path + ": cannot list directory: " + ec.message());
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;  // subdirectories are not descended into
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // .DS_Store, editor swap files
    // With an explicit format every file is read in it; with kAuto only known extensions,
    // so that stray binaries (archives, images) in a news folder are not read as text.
    if (options.format == InputFormat::kAuto && FormatFromExtension(name) == InputFormat::kAuto) {
      skipped.push_back(name);
      continue;
    }
    files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  if (!skipped.empty()) {
    std::sort(skipped.begin(), skipped.end());
    diags->Add(
        path, 0,
        "skipped " + CountOf(skipped.size(), "file") +
            " without a .txt, .html, .rss, .atom, .xml, .conllu, .jsonl or .json extension (" +
            skipped.front() + (skipped.size() > 1 ? ", ..." : "") +
            "); rename them or give their format (--input-format) to read them");
  }
  if (files.empty()) diags->Add(path, 0, "no input files in directory");
  return std::unique_ptr<DocumentReader>(
      std::make_unique<DirectoryReader>(std::move(files), options, diags));
}

}  // namespace

Result<InputFormat> ParseInputFormat(std::string_view name) {
  const std::string n = ToLowerAscii(Trim(name));
  if (n == "auto") return InputFormat::kAuto;
  if (n == "xml" || n == "petrarch") return InputFormat::kPetrarchXml;
  if (n == "conllu") return InputFormat::kConllu;
  if (n == "jsonl" || n == "json") return InputFormat::kJsonl;
  if (n == "text" || n == "txt") return InputFormat::kText;
  if (n == "html" || n == "htm") return InputFormat::kHtml;
  if (n == "feed" || n == "rss" || n == "atom") return InputFormat::kFeed;
  return Status::InvalidArgument("unknown input format '" + std::string(name) +
                                 "'; expected auto, xml, conllu, jsonl, text, html or feed");
}

Status ParseJsonlFields(std::string_view spec, JsonlFields* fields) {
  JsonlFields f = *fields;  // set only when every item is good
  size_t start = 0;
  while (start <= spec.size()) {
    size_t comma = spec.find(',', start);
    if (comma == std::string_view::npos) comma = spec.size();
    const std::string_view item = Trim(spec.substr(start, comma - start));
    start = comma + 1;
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    const std::string_view key = eq == std::string_view::npos ? item : Trim(item.substr(0, eq));
    const std::string_view name =
        eq == std::string_view::npos ? std::string_view() : Trim(item.substr(eq + 1));
    std::string* field = key == "id"       ? &f.id
                         : key == "text"   ? &f.text
                         : key == "date"   ? &f.date
                         : key == "title"  ? &f.title
                         : key == "source" ? &f.source
                         : key == "url"    ? &f.url
                                           : nullptr;
    if (field == nullptr || name.empty()) {
      return Status::InvalidArgument(
          "JSON Lines field '" + std::string(item) +
          "': expected KEY=NAME with KEY one of id, text, date, title, source, url "
          "(e.g. text=body or source=source.name)");
    }
    *field = std::string(name);
  }
  *fields = std::move(f);
  return Status::Ok();
}

InputFormat FormatFromExtension(std::string_view path) {
  const std::string ext = LowerExtension(path);
  if (ext == ".xml") return InputFormat::kPetrarchXml;
  if (ext == ".conllu") return InputFormat::kConllu;
  if (ext == ".jsonl" || ext == ".json") return InputFormat::kJsonl;
  if (ext == ".txt") return InputFormat::kText;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputFormat::kHtml;
  if (ext == ".rss" || ext == ".atom") return InputFormat::kFeed;
  return InputFormat::kAuto;
}

std::string_view RootElement(std::string_view head) {
  size_t i = 0;
  for (;;) {
    while (i < head.size() && IsJsonSpace(head[i])) ++i;
    if (i >= head.size() || head[i] != '<') return {};
    std::string_view end_mark;
    if (head.substr(i, 4) == "<!--") {
      end_mark = "-->";
    } else if (head.substr(i, 2) == "<?") {
      end_mark = "?>";
    } else if (head.substr(i, 2) == "<!") {
      if (EqualsLowerAscii(head.substr(i, 14), "<!doctype html")) return "html";
      end_mark = ">";
    } else {
      const size_t b = i + 1;
      size_t e = b;
      while (e < head.size() && !IsJsonSpace(head[e]) && head[e] != '>' && head[e] != '/') ++e;
      return e < head.size() ? head.substr(b, e - b) : std::string_view();
    }
    const size_t end = head.find(end_mark, i + 2);
    if (end == std::string_view::npos) return {};
    i = end + end_mark.size();
  }
}

std::string SniffHead(ByteSource* src) {
  const int first = src->PeekNonBlank();
  if (first == ByteSource::kEof) return std::string();
  if (first == '<') {
    std::string head;
    for (size_t n = 16; n <= 4096; n *= 2) {  // declarations and comments may come first
      head = src->PeekHead(n);
      if (head.size() < n || !RootElement(head).empty()) break;
    }
    return head;
  }
  if (first != '[') return std::string(1, static_cast<char>(first));
  std::string head;
  for (size_t n = 2; n <= 64; ++n) {  // pretty-printers indent the first element a few blanks
    head = src->PeekHead(n);
    if (head.size() < n || !IsJsonSpace(head.back())) break;  // the end, or the next mark
  }
  return head;
}

InputFormat SniffFormat(std::string_view head) {
  if (head.empty()) return InputFormat::kText;
  const char first = head[0];
  if (first == '<') {
    const std::string root = ToLowerAscii(RootElement(head));
    if (root == "html" || root == "head" || root == "body") return InputFormat::kHtml;
    if (root == "rss" || root == "feed" || root == "rdf:rdf") return InputFormat::kFeed;
    return InputFormat::kPetrarchXml;
  }
  if (first == '{') return InputFormat::kJsonl;
  if (first == '[') {  // a JSON array of articles; else text ("[Updated] Talks resume")
    size_t next = 1;
    while (next < head.size() && IsJsonSpace(head[next])) ++next;
    const char second = next < head.size() ? head[next] : '\0';
    return second == '{' || second == ']' ? InputFormat::kJsonl : InputFormat::kText;
  }
  if (first == '#' || (first >= '0' && first <= '9')) return InputFormat::kConllu;
  return InputFormat::kText;
}

std::string Excerpt(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return std::string(s.substr(0, end)) + "...";
}

std::string BaseName(std::string_view path) {
  if (path == "<stdin>" || path == "-") return "stdin";
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

int LineAt(std::string_view s, size_t offset, int first_line) {
  offset = std::min(offset, s.size());
  return first_line + static_cast<int>(std::count(s.begin(), s.begin() + offset, '\n'));
}

int RepairUtf8InPlace(std::string* s, int first_line) {
  if (IsValidUtf8(*s)) return 0;
  std::string fixed = RepairUtf8(*s);
  // RepairUtf8 copies valid sequences verbatim, so the first byte where the two differ is
  // within two bytes of the first bad one and on the same line (a '\n' is never part of a
  // bad sequence).
  const auto diff = std::mismatch(s->begin(), s->end(), fixed.begin(), fixed.end());
  const int line = LineAt(*s, static_cast<size_t>(diff.first - s->begin()), first_line);
  *s = std::move(fixed);
  return line;
}

std::unique_ptr<DocumentReader> NewReaderFor(std::unique_ptr<ByteSource> src,
                                             const ReadOptions& options, Diagnostics* diags) {
  InputFormat format = options.format;
  const int first = src->PeekNonBlank();
  if (first == ByteSource::kEof) {
    if (src->status().ok()) diags->Add(src->name(), 0, "empty input");
    return std::make_unique<EmptyReader>();
  }
  if (format == InputFormat::kAuto) {
    if (src->is_stdin()) {
      format = SniffFormat(SniffHead(src.get()));
    } else {
      format = FormatFromExtension(src->name());
      // A web page or a feed saved under another name (page.txt, feed.xml, no extension) is
      // still one.
      if (first == '<' && (format == InputFormat::kText || format == InputFormat::kAuto ||
                           format == InputFormat::kPetrarchXml)) {
        const InputFormat sniffed = SniffFormat(SniffHead(src.get()));
        if (sniffed == InputFormat::kHtml || sniffed == InputFormat::kFeed) format = sniffed;
      }
    }
  }
  switch (format) {
    case InputFormat::kPetrarchXml:
      return NewPetrarchXmlReader(std::move(src), diags);
    case InputFormat::kConllu:
      return NewConlluReader(std::move(src), diags);
    case InputFormat::kJsonl:
      return NewJsonlReader(std::move(src), options.jsonl, diags);
    case InputFormat::kHtml:
      return NewHtmlReader(std::move(src), diags);
    case InputFormat::kFeed:
      return NewFeedReader(std::move(src), diags);
    case InputFormat::kAuto:
    case InputFormat::kText:
      break;
  }
  return NewTextReader(std::move(src), diags);
}

Status CheckEncoding(std::string_view name) { return ByteSource::CheckEncoding(name); }

Result<std::unique_ptr<DocumentReader>> OpenDocumentReader(const std::string& path,
                                                           const ReadOptions& options,
                                                           Diagnostics* diags) {
  if (diags == nullptr) return Status::InvalidArgument("OpenDocumentReader: diags is null");
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(path, ec)) {
    return OpenDirectory(path, options, diags);
  }
  Result<std::unique_ptr<ByteSource>> src = ByteSource::Open(path, options.encoding);
  if (!src.ok()) return src.status();
  return NewReaderFor(std::move(src).value(), options, diags);
}

}  // namespace thaw
