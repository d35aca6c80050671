// Fork-join over an index range, for batches of independent documents. Blocks until done.
// fn must be safe to call concurrently for different indices and different thread numbers.
#ifndef THAW_BASE_PARALLEL_H_
#define THAW_BASE_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace thaw {

// Calls fn(i, thread) once for every i in [0, n), on min(threads, n) threads: the caller's
// (thread 0) and new ones numbered 1.., so that fn can index per-thread state by `thread`.
// Indices are handed out one at a time in increasing order, so uneven items balance.
void ParallelFor(size_t n, int threads, const std::function<void(size_t i, int thread)>& fn);

// The number of threads to use by default: the cores this process may run on (at least 1).
int DefaultThreads();

}  // namespace thaw

#endif  // THAW_BASE_PARALLEL_H_
