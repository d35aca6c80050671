// Diagnostics: warnings about input that was skipped or repaired, each with file:line.
// A Diagnostics sink is owned by the caller and is not thread-safe.
#ifndef THAW_BASE_DIAGNOSTICS_H_
#define THAW_BASE_DIAGNOSTICS_H_

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace thaw {

struct Diagnostic {
  std::string file;
  int line = 0;  // 1-based; 0 when the problem concerns the whole file
  std::string message;
  // "file:line: message" (or "file: message" when line is 0).
  std::string ToString() const;
};

// Collects diagnostics; callers print them or turn them into a fatal error (--strict).
class Diagnostics {
 public:
  void Add(std::string file, int line, std::string message) {
    items_.push_back({std::move(file), line, std::move(message)});
    if (on_add_) on_add_();
  }
  // Calls `fn` after each Add from now on (none: an empty function), e.g. to print warnings
  // about a live feed as they come rather than when it ends.
  void set_on_add(std::function<void()> fn) { on_add_ = std::move(fn); }
  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }
  size_t size() const { return items_.size(); }
  void Clear() { items_.clear(); }

 private:
  std::vector<Diagnostic> items_;
  std::function<void()> on_add_;
};

}  // namespace thaw

#endif  // THAW_BASE_DIAGNOSTICS_H_
