#include "base/progress.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <utility>

namespace thaw {
namespace {

constexpr double kTerminalInterval = 1;  // seconds between redraws on a terminal
constexpr double kLogInterval = 60;      // seconds between lines in a log

// "45s", "12m05s", "3h02m".
std::string Elapsed(double seconds) {
  const long s = static_cast<long>(seconds);
  char buf[32];
  if (s < 60) {
    std::snprintf(buf, sizeof buf, "%lds", s);
  } else if (s < 3600) {
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, s / 60 % 60);
  }
  return buf;
}

}  // namespace

double Progress::SteadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

Progress::Progress(std::ostream* out, bool terminal, Clock clock)
    : out_(out), terminal_(terminal), clock_(std::move(clock)) {
  start_ = clock_();
  next_ = start_ + (terminal_ ? kTerminalInterval : kLogInterval);
}

Progress Progress::OnStderr(bool quiet, bool writes_stdout) {
  const bool in_place =
      isatty(STDERR_FILENO) == 1 && !(writes_stdout && isatty(STDOUT_FILENO) == 1);
  return Progress(quiet ? nullptr : &std::cerr, in_place);
}

void Progress::Report(size_t documents, std::string_view detail) {
  if (out_ == nullptr) return;
  const double now = clock_();
  const double secs = now - start_;
  const double rate = secs > 0 ? static_cast<double>(documents) / secs : 0;
  std::string line = "thaw: " + std::to_string(documents) + " documents (";
  char buf[32];
  std::snprintf(buf, sizeof buf, rate < 10 ? "%.1f" : "%.0f", rate);
  line += buf;
  line += "/s), ";
  if (!detail.empty()) {
    line += detail;
    line += ", ";
  }
  line += Elapsed(secs);
  if (terminal_) {
    *out_ << '\r' << line << "\x1b[K" << std::flush;  // ESC[K clears the rest of the line
    drawn_ = true;
  } else {
    *out_ << line << '\n' << std::flush;
  }
  next_ = now + (terminal_ ? kTerminalInterval : kLogInterval);
}

void Progress::Finish() {
  if (out_ != nullptr && drawn_) *out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace thaw
