#pragma once
// The inner loops of spike propagation, written once for AVX-512VL, AVX2 and plain C++; every
// version performs the same float operations in the same order (a multiply, then an add, per
// spike and target), so a seed gives the same spike train on every x86-64 build.

#include "spiking/CacheLineAllocator.h"

namespace as::spike {

/// Appends every i in [lo, hi) with v[i] >= threshold to `out`, ascending (NaN never crosses).
void findCrossings(const float* v, int lo, int hi, float threshold, SpikeIds& out);

/// out[i] += w for every i in [lo, hi) whose bit is set in a row of `rows` (bit i % 8 of byte
/// i / 8), one row after another in order.
void addBitRows(const unsigned char* const* rows, int count, float w, float* out, int lo, int hi);

/// out[i] = out[i] + c * row[i] for every row of `rows` in order, i in [lo, hi).
void addScaledRows(const float* const* rows, int count, float c, float* out, int lo, int hi);

}  // namespace as::spike
