// Test helpers for src/text and the layers above: a per-test temporary directory, reading
// every document, and looking into diagnostics. Test-only; a TempDir is removed when it ends.
#ifndef THAW_TEXT_TEST_UTIL_H_
#define THAW_TEXT_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "text/reader.h"

namespace thaw::testing {

class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("thaw_text_" + std::string(info->test_suite_name()) + "_" + info->name() + "_" +
             std::to_string(getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string path() const { return path_.string(); }
  // Writes `content` to <dir>/<name> and returns the full path.
  std::string Write(const std::string& name, const std::string& content) const {
    const std::filesystem::path p = path_ / name;
    std::ofstream out(p, std::ios::binary);
    out << content;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

// Reads every document of `path`; fails the test when the open or a read fails.
inline std::vector<Document> ReadAll(const std::string& path, const ReadOptions& options,
                                     Diagnostics* diags) {
  std::vector<Document> docs;
  auto reader = OpenDocumentReader(path, options, diags);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return docs;
  Document doc;
  for (;;) {
    Result<bool> r = (*reader)->Next(&doc);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok() || !*r) break;
    docs.push_back(std::move(doc));
  }
  return docs;
}

inline std::vector<Document> ReadAll(const std::string& path, InputFormat format,
                                     Diagnostics* diags) {
  ReadOptions options;
  options.format = format;
  return ReadAll(path, options, diags);
}

// True when some diagnostic's "file:line: message" text contains `needle`.
inline bool HasDiagnostic(const Diagnostics& diags, const std::string& needle) {
  for (const Diagnostic& d : diags.items()) {
    if (d.ToString().find(needle) != std::string::npos) return true;
  }
  return false;
}

// True when a diagnostic on `line` has `fragment` in its message.
inline bool HasDiagnostic(const Diagnostics& diags, int line, std::string_view fragment) {
  for (const Diagnostic& d : diags.items()) {
    if (d.line == line && d.message.find(fragment) != std::string::npos) return true;
  }
  return false;
}

// All diagnostics, one per line, for failure messages.
inline std::string Dump(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.items()) out += d.ToString() + "\n";
  return out;
}

}  // namespace thaw::testing

#endif  // THAW_TEXT_TEST_UTIL_H_
