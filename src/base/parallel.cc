#include "base/parallel.h"

#include <sched.h>

#include <atomic>
#include <thread>
#include <vector>

namespace thaw {

void ParallelFor(size_t n, int threads, const std::function<void(size_t i, int thread)>& fn) {
  const size_t t = threads < 1 ? 1 : static_cast<size_t>(threads) < n ? threads : n;
  if (t <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i, 0);
    return;
  }
  std::atomic<size_t> next{0};
  auto run = [&](int thread) {
    for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) fn(i, thread);
  };
  std::vector<std::thread> helpers;
  helpers.reserve(t - 1);
  for (size_t k = 1; k < t; ++k) helpers.emplace_back(run, static_cast<int>(k));
  run(0);
  for (std::thread& h : helpers) h.join();
}

int DefaultThreads() {
  cpu_set_t set;  // the affinity mask, which containers and taskset narrow
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    const int n = CPU_COUNT(&set);
    if (n > 0) return n;
  }
  const unsigned hw = std::thread::hardware_concurrency();
  return hw > 0 ? static_cast<int>(hw) : 1;
}

}  // namespace thaw
