#pragma once
// An allocator whose blocks start on a 64-byte cache line. The spiking network splits its
// per-neuron arrays between threads at multiples of 32 floats (128 bytes); with the arrays on
// cache-line boundaries no line is written by two threads (with malloc's 16-byte alignment the
// lines at the block edges of ~10 arrays moved between the cores every step: 2.6 µs a step).
#include <cstddef>
#include <new>
#include <vector>

namespace as {

template <class T>
struct CacheLineAllocator {
    using value_type = T;
    static constexpr std::align_val_t kAlign{64};
    CacheLineAllocator() = default;
    template <class U>
    CacheLineAllocator(const CacheLineAllocator<U>&) {}
    T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), kAlign)); }
    void deallocate(T* p, std::size_t) { ::operator delete(p, kAlign); }
    template <class U>
    bool operator==(const CacheLineAllocator<U>&) const {
        return true;
    }
};

/// Per-neuron state of the spiking network.
using NeuronArray = std::vector<float, CacheLineAllocator<float>>;
/// A step's spike list (one per thread: no two threads' lists share a cache line).
using SpikeIds = std::vector<int, CacheLineAllocator<int>>;

}  // namespace as
