#include "sde/GaussianNoise.h"

// GCC 12 reports "'__Y' is used uninitialized" inside avx512fintrin.h for Eigen's vectorised
// log/sin/cos (the _mm512_undefined_* placeholders; GCC bug 105593, fixed in GCC 13).
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ < 13
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif
#include <Eigen/Core>
#include <cmath>
#include <vector>

namespace as::sde {
namespace {

constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ull;

std::uint64_t streamKey(std::uint64_t seed, std::uint64_t step, std::uint64_t column) {
    return mix64(mix64(mix64(seed) ^ (step * 0xD1B54A32D192ED03ull)) ^
                 (column * 0xAEF17502108EF2D9ull));
}

/// Two uniforms in (0, 1] per 64-bit hash: the high and low 32 bits, (k + 1) / 2^32.
template <class S>
void gaussianT(std::uint64_t seed, std::uint64_t step, std::uint64_t column, S* out, int n) {
    using Arr = Eigen::Array<S, Eigen::Dynamic, 1>;
    const int pairs = (n + 1) / 2;
    thread_local Arr u1, u2;
    u1.resize(pairs);
    u2.resize(pairs);
    const std::uint64_t key = streamKey(seed, step, column);
    constexpr double scale = 1.0 / 4294967296.0;
    for (int k = 0; k < pairs; ++k) {
        const std::uint64_t h = mix64(key + kGolden * std::uint64_t(k + 1));
        u1[k] = S((double(h >> 32) + 1.0) * scale);
        u2[k] = S((double(h & 0xFFFFFFFFull) + 1.0) * scale);
    }
    // Box–Muller: sqrt(-2 ln u1) (cos 2 pi u2, sin 2 pi u2); Eigen vectorises log, sin and cos.
    const Arr rad = (S(-2) * u1.log()).sqrt();
    const Arr ang = S(2.0 * 3.14159265358979323846) * u2;
    const Arr c = rad * ang.cos(), s = rad * ang.sin();
    for (int k = 0; k < n / 2; ++k) {
        out[2 * k] = c[k];
        out[2 * k + 1] = s[k];
    }
    if (n % 2) out[n - 1] = c[pairs - 1];
}

}  // namespace

std::uint64_t mix64(std::uint64_t z) {
    z += kGolden;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void gaussianBlock(std::uint64_t seed, std::uint64_t step, std::uint64_t column, float* out,
                   int n) {
    gaussianT<float>(seed, step, column, out, n);
}

void gaussianBlock(std::uint64_t seed, std::uint64_t step, std::uint64_t column, double* out,
                   int n) {
    gaussianT<double>(seed, step, column, out, n);
}

}  // namespace as::sde
