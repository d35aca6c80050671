#include "base/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace thaw {
namespace {

TEST(ParallelFor, CallsEveryIndexOnceWithThreadNumbersBelowTheCount) {
  for (int threads : {1, 2, 3, 8}) {
    std::vector<std::atomic<int>> calls(100);
    std::atomic<int> bad_thread{0};
    ParallelFor(calls.size(), threads, [&](size_t i, int thread) {
      calls[i].fetch_add(1);
      if (thread < 0 || thread >= threads) bad_thread.fetch_add(1);
    });
    for (size_t i = 0; i < calls.size(); ++i) EXPECT_EQ(calls[i].load(), 1) << i << " " << threads;
    EXPECT_EQ(bad_thread.load(), 0);
  }
}

TEST(ParallelFor, UsesNoMoreThreadsThanItems) {
  std::atomic<int> max_thread{0};
  ParallelFor(2, 8, [&](size_t, int thread) {
    int m = max_thread.load();
    while (thread > m && !max_thread.compare_exchange_weak(m, thread)) {
    }
  });
  EXPECT_LE(max_thread.load(), 1);
  ParallelFor(0, 4, [](size_t, int) { ADD_FAILURE() << "no items, no calls"; });
}

TEST(ParallelFor, DefaultThreadsIsAtLeastOne) { EXPECT_GE(DefaultThreads(), 1); }

}  // namespace
}  // namespace thaw
