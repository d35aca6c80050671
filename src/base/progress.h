// Progress of a long run, for the user watching it: redrawn in place on a terminal, a line
// now and then in a log file. Not thread-safe; one per run.
#ifndef THAW_BASE_PROGRESS_H_
#define THAW_BASE_PROGRESS_H_

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace thaw {

class Progress {
 public:
  // Seconds from any fixed origin; tests pass their own clock.
  using Clock = std::function<double()>;

  // On a terminal the line is redrawn in place at most once a second; elsewhere (a log
  // file, a pipe) one line is written a minute. A run that ends within the first interval
  // shows nothing. `out` == nullptr turns reporting off.
  Progress(std::ostream* out, bool terminal, Clock clock = SteadySeconds);
  // Reports on stderr, unless `quiet`: in place when stderr is a terminal, unless the run
  // `writes_stdout` to that terminal too (its lines would run into the redrawn one); then,
  // and when stderr is not a terminal, a line a minute.
  static Progress OnStderr(bool quiet, bool writes_stdout);

  // True when a report is due, so that callers format the line only then. Cheap: one
  // clock read.
  bool Due() const { return out_ != nullptr && clock_() >= next_; }
  // Writes "thaw: <documents> documents (<rate>/s), <detail>, <elapsed>" and schedules the
  // next report. `detail` may be empty.
  void Report(size_t documents, std::string_view detail);
  // Erases the in-place line, so the run's summary is printed on a clean line.
  void Finish();

  static double SteadySeconds();

 private:
  std::ostream* out_;
  bool terminal_;
  Clock clock_;
  double start_, next_;
  bool drawn_ = false;  // an in-place line is on the terminal
};

}  // namespace thaw

#endif  // THAW_BASE_PROGRESS_H_
