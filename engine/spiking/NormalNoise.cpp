#include "spiking/NormalNoise.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace as::spike {

void addNormalNoise(SpikeRng& rng, float scale, float* v, int n) {
    constexpr int kPairs = 128;
    constexpr float kTwoPi = 6.2831853f;
    alignas(64) float u1[kPairs], u2[kPairs], z[2 * kPairs];
    for (int start = 0; start < n; start += 2 * kPairs) {
        const int m = std::min(2 * kPairs, n - start), pairs = (m + 1) / 2;
        for (int k = 0; k < pairs; ++k) {  // serial: one 64-bit draw gives both uniforms
            const std::uint64_t x = rng.next();
            u1[k] = float((x >> 40) + 1) * 0x1p-24f;          // (0, 1]
            u2[k] = float((x >> 16) & 0xFFFFFFu) * 0x1p-24f;  // [0, 1)
        }
#pragma omp simd
        for (int k = 0; k < pairs; ++k) {
            const float r = std::sqrt(-2.0f * std::log(u1[k])), a = kTwoPi * u2[k];
            z[k] = r * std::cos(a);          // the cosines to the block's first half,
            z[pairs + k] = r * std::sin(a);  // the sines to its second (one unused if m is odd)
        }
        for (int k = 0; k < m; ++k) v[start + k] += scale * z[k];
    }
}

}  // namespace as::spike
