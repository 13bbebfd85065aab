#include "data/CorruptionKernels.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "data/ImageFilters.h"
#include "data/PlasmaFractal.h"

namespace as::data {
namespace {

float clip01(double v) {
    return float(std::clamp(v, 0.0, 1.0));
}

/// Poisson(mean) by multiplying uniforms (Knuth); exact, fine for the means used here (<= ~100).
int poisson(double mean, SpikeRng& rng) {
    const double limit = std::exp(-mean);
    int k = 0;
    double prod = rng.uniform();
    while (prod > limit) {
        ++k;
        prod *= rng.uniform();
    }
    return k;
}

/// A uniform integer in [lo, hi] (inclusive).
int uniformInt(int lo, int hi, SpikeRng& rng) {
    const int span = hi - lo + 1;
    return lo + std::min(span - 1, int(rng.uniform() * span));
}

}  // namespace

void gaussianNoise(const float* in, float* out, int n, double sigma, SpikeRng& rng, bool clip) {
    for (int k = 0; k < n; ++k) {
        const double v = in[k] + sigma * rng.normal();
        out[k] = clip ? clip01(v) : float(v);
    }
}

void shotNoise(const float* in, float* out, int n, double lambda, SpikeRng& rng) {
    for (int k = 0; k < n; ++k)
        out[k] = clip01(poisson(std::max(0.0, double(in[k])) * lambda, rng) / lambda);
}

void impulseNoise(const float* in, float* out, int n, double amount, SpikeRng& rng) {
    for (int k = 0; k < n; ++k) {
        const bool hit = rng.uniform() < amount;
        const bool salt = rng.uniform() < 0.5;  // drawn for every pixel: a fixed number of draws
        out[k] = hit ? (salt ? 1.0f : 0.0f) : clip01(in[k]);
    }
}

void glassBlur(const float* in, float* out, int rows, int cols, double sigma, int maxDelta,
               int iterations, SpikeRng& rng) {
    if (maxDelta < 1) throw std::invalid_argument("glassBlur: maxDelta must be >= 1");
    const std::size_t n = std::size_t(rows) * std::size_t(cols);
    std::vector<float> x(n);
    gaussianBlur(in, x.data(), rows, cols, sigma, Border::Nearest);
    for (float& v : x)
        v = std::floor(std::clamp(v, 0.0f, 1.0f) * 255.0f) / 255.0f;  // np.uint8(x * 255)
    for (int it = 0; it < iterations; ++it)
        for (int h = rows - maxDelta; h > maxDelta; --h)
            for (int w = cols - maxDelta; w > maxDelta; --w) {
                if (rng.uniform() >= 0.5) continue;
                const int dx = uniformInt(-maxDelta, maxDelta - 1, rng);
                const int dy = uniformInt(-maxDelta, maxDelta - 1, rng);
                const int hp = std::clamp(h + dy, 0, rows - 1),
                          wp = std::clamp(w + dx, 0, cols - 1);
                std::swap(x[std::size_t(h) * cols + w], x[std::size_t(hp) * cols + wp]);
            }
    gaussianBlur(x.data(), out, rows, cols, sigma, Border::Nearest);
    for (std::size_t k = 0; k < n; ++k) out[k] = clip01(out[k]);
}

void motionBlur(const float* in, float* out, int rows, int cols, int radius, double sigma,
                double angleDeg) {
    const int taps = 2 * radius + 1;
    // Offsets as ImageMagick computes them (a point `taps` long, scaled back by its length, then
    // rounded half up), so half-pixel cases (e.g. -30 degrees) round the same way.
    const double a = 3.14159265358979323846 * angleDeg / 180.0;
    const double px = taps * std::sin(a), py = taps * std::cos(a), len = std::hypot(px, py);
    std::vector<double> w(static_cast<std::size_t>(taps));
    std::vector<int> dr(static_cast<std::size_t>(taps)), dc(static_cast<std::size_t>(taps));
    double sum = 0.0;
    for (int i = 0; i < taps; ++i) {
        w[std::size_t(i)] = std::exp(-double(i) * i / (2.0 * sigma * sigma));
        sum += w[std::size_t(i)];
        dc[std::size_t(i)] = int(std::ceil(i * py / len - 0.5));
        dr[std::size_t(i)] = int(std::ceil(i * px / len - 0.5));
    }
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            double acc = 0.0;
            for (int i = 0; i < taps; ++i) {
                const int rr = std::clamp(r + dr[std::size_t(i)], 0, rows - 1);
                const int cc = std::clamp(c + dc[std::size_t(i)], 0, cols - 1);
                acc += w[std::size_t(i)] * in[std::size_t(rr) * cols + cc];
            }
            out[std::size_t(r) * cols + c] = clip01(acc / sum);
        }
}

void fog(const float* in, float* out, int rows, int cols, double strength, double decay,
         int mapSize, SpikeRng& rng) {
    if (mapSize < std::max(rows, cols))
        throw std::invalid_argument("fog: the plasma map must cover the image");
    const std::vector<float> plasma = plasmaFractal(rng, mapSize, decay);
    const std::size_t n = std::size_t(rows) * std::size_t(cols);
    const double maxVal = *std::max_element(in, in + n);
    const double scale = maxVal + strength > 0.0 ? maxVal / (maxVal + strength) : 0.0;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const std::size_t k = std::size_t(r) * cols + c;
            out[k] = clip01((in[k] + strength * plasma[std::size_t(r) * mapSize + c]) * scale);
        }
}

}  // namespace as::data
