// Memory for large read-mostly arrays (model weights and tables) on transparent huge pages.
// Fewer page faults when they are filled and fewer TLB misses when they are read at random.
#ifndef THAW_BASE_HUGE_PAGES_H_
#define THAW_BASE_HUGE_PAGES_H_

#include <cstddef>
#include <cstdlib>
#include <vector>

namespace thaw {

// Allocates `bytes` (cache-line aligned; 2 MB aligned and advised for huge pages when 2 MB or
// more). Free with std::free. Throws std::bad_alloc like operator new.
void* AllocateHuge(size_t bytes);

// Asks Linux for huge pages over the 2 MB-aligned part of [p, p + bytes) that has not been
// touched yet. Advisory: without THP, or for small ranges, nothing changes.
void AdviseHugePages(void* p, size_t bytes);

// A std::allocator replacement that allocates through AllocateHuge.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: allocator rebinding
  T* allocate(size_t n) { return static_cast<T*>(AllocateHuge(n * sizeof(T))); }
  void deallocate(T* p, size_t) { std::free(p); }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
};
template <typename T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace thaw

#endif  // THAW_BASE_HUGE_PAGES_H_
