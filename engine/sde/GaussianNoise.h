#pragma once
// Counter-based standard normal numbers for the Euler–Maruyama noise: the block of n numbers for
// (seed, step, column) is a pure function of those three values (a SplitMix64 hash stream turned
// into normals by Box–Muller), so integration and training are reproducible whatever the thread
// count, the batch split, or whether the backward pass regenerates instead of storing the noise.
#include <cstdint>

namespace as::sde {

/// Fills out[0..n) with N(0, 1) numbers keyed by (seed, step, column).
void gaussianBlock(std::uint64_t seed, std::uint64_t step, std::uint64_t column, float* out, int n);
void gaussianBlock(std::uint64_t seed, std::uint64_t step, std::uint64_t column, double* out,
                   int n);

/// SplitMix64 finaliser (a bijective 64-bit mix).
std::uint64_t mix64(std::uint64_t z);

}  // namespace as::sde
