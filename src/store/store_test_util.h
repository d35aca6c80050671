// Test helpers: a fresh store per test on each backend, and small coded documents.
// PostgreSQL tests run when THAW_TEST_PG names a server (.ci/run starts one), each in its
// own schema; without it they skip with a message.
#ifndef THAW_STORE_STORE_TEST_UTIL_H_
#define THAW_STORE_STORE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "store/sql.h"
#include "store/store.h"

namespace thaw::testing {

inline const char* kPgVariable = "THAW_TEST_PG";

// A place for one test's store, removed afterwards: a temporary SQLite file, or a fresh
// PostgreSQL schema selected through the URL's search_path.
class TestLocation {
 public:
  explicit TestLocation(const std::string& backend) : backend_(backend) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "_" + info->name();
    for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_';
    name = "t_" + name.substr(0, 40) + "_" + std::to_string(getpid());
    if (backend == "sqlite") {
      dir_ = std::filesystem::temp_directory_path() / name;
      std::filesystem::remove_all(dir_);
      std::filesystem::create_directories(dir_);
      location_ = (dir_ / "store.db").string();
      return;
    }
    const char* url = std::getenv(kPgVariable);
    if (url == nullptr || *url == 0) return;
    admin_ = url;
    schema_ = name;
    auto conn = OpenPostgres(admin_);
    if (!conn.ok()) {
      error_ = conn.status().message();
      return;
    }
    Status s =
        (*conn)->Exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
    if (!s.ok()) error_ = s.message();
    location_ = admin_ + (admin_.find('?') == std::string::npos ? "?" : "&") +
                "options=-csearch_path%3D" + schema_;
  }
  ~TestLocation() {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
    if (!schema_.empty() && error_.empty()) {
      if (auto conn = OpenPostgres(admin_); conn.ok())
        (*conn)->Exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    }
  }
  // Empty when the backend is unavailable (PostgreSQL without THAW_TEST_PG).
  const std::string& location() const { return location_; }
  const std::string& error() const { return error_; }
  bool postgres() const { return backend_ == "postgres"; }

 private:
  std::string backend_, location_, admin_, schema_, error_;
  std::filesystem::path dir_;
};

// In a test body: skips when the backend is unavailable, fails when it could not be set up.
#define THAW_REQUIRE_LOCATION(loc)                                                              \
  do {                                                                                          \
    if ((loc).postgres() && (loc).location().empty())                                           \
      GTEST_SKIP() << "PostgreSQL tests need THAW_TEST_PG=postgresql://user:pass@127.0.0.1/db " \
                      "(.ci/run starts a server and sets it)";                                  \
    ASSERT_TRUE((loc).error().empty()) << (loc).error();                                        \
  } while (0)

// One event of a test document.
inline Event MakeEvent(std::string source, std::string target, std::string code,
                       Date date = kNoDate) {
  Event e;
  e.source = std::move(source);
  e.target = std::move(target);
  e.code = std::move(code);
  e.verb = "met";
  e.pattern = "[default]";
  e.pattern_line = 7;
  e.verb_token = 1;
  e.source_text = e.source + " text";
  e.target_text = e.target + " text";
  e.source_begin = 0;
  e.source_end = 1;
  e.target_begin = 2;
  e.target_end = 3;
  e.date = date;
  return e;
}

// A document whose text is `text` split into sentences at ". ", with one event list per
// sentence (missing lists mean no events). Tokens are whitespace-separated words with offsets.
inline CodedDocument MakeDoc(std::string id, std::string text, Date date,
                             std::vector<std::vector<Event>> events, std::string url = "") {
  CodedDocument cd;
  cd.doc.id = std::move(id);
  cd.doc.text = std::move(text);
  cd.doc.date = date;
  cd.doc.source = "wire";
  cd.doc.url = url.empty() ? "http://example.org/" + cd.doc.id : url;
  size_t begin = 0;
  const std::string& t = cd.doc.text;
  while (begin < t.size()) {
    size_t end = t.find(". ", begin);
    end = end == std::string::npos ? t.size() : end + 1;
    Sentence s;
    s.text = t.substr(begin, end - begin);
    s.id = cd.doc.id + "-" + std::to_string(cd.doc.sentences.size() + 1);
    s.doc_offset = static_cast<uint32_t>(begin);
    s.date = date;
    size_t w = 0;
    while (w < s.text.size()) {
      size_t e = s.text.find(' ', w);
      if (e == std::string::npos) e = s.text.size();
      Token tok;
      tok.form = s.Intern(std::string_view(s.text).substr(w, e - w));
      tok.char_begin = static_cast<uint32_t>(w);
      tok.char_end = static_cast<uint32_t>(e);
      s.tokens.push_back(tok);
      w = e + 1;
    }
    cd.doc.sentences.push_back(std::move(s));
    begin = end;
    while (begin < t.size() && t[begin] == ' ') ++begin;
  }
  cd.events = std::move(events);
  cd.events.resize(cd.doc.sentences.size());
  return cd;
}

}  // namespace thaw::testing

#endif  // THAW_STORE_STORE_TEST_UTIL_H_
