// Reads a plain text file as one Document: id = file name, text = the whole content
// (invalid UTF-8 repaired and reported) with boilerplate lines blanked (text/clean.h), so
// offsets into the text are still offsets into the file. Sentences are left empty (split
// later).

#include <string>

#include "text/clean.h"
#include "text/readers.h"

namespace thaw {
namespace {

class TextReader : public DocumentReader {
 public:
  TextReader(std::unique_ptr<ByteSource> src, Diagnostics* diags)
      : src_(std::move(src)), diags_(diags) {}

  Result<bool> Next(Document* doc) override {
    if (done_) return false;
    done_ = true;
    *doc = Document();
    src_->ReadAll(&doc->text);
    if (!src_->status().ok()) return src_->status();
    const int bad = RepairUtf8InPlace(&doc->text, 1);
    if (bad != 0) {
      diags_->Add(src_->name(), bad, "invalid UTF-8" + std::string(kBadUtf8Replaced));
    }
    BlankBoilerplate(&doc->text);
    doc->id = BaseName(src_->name());
    doc->origin = src_->name() + ":1";
    return true;
  }

 private:
  std::unique_ptr<ByteSource> src_;
  Diagnostics* diags_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<DocumentReader> NewTextReader(std::unique_ptr<ByteSource> src, Diagnostics* diags) {
  return std::make_unique<TextReader>(std::move(src), diags);
}

}  // namespace thaw
