#include "data/PlasmaFractal.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace as::data {

std::vector<float> plasmaFractal(SpikeRng& rng, int size, double decay) {
    if (size < 2 || (size & (size - 1)) != 0)
        throw std::invalid_argument("plasmaFractal: size must be a power of two >= 2, got " +
                                    std::to_string(size));
    if (!(decay > 0.0)) throw std::invalid_argument("plasmaFractal: decay must be > 0");
    const int mask = size - 1;  // periodic indices
    std::vector<double> h(std::size_t(size) * std::size_t(size), 0.0);
    auto at = [&](int r, int c) -> double& {
        return h[std::size_t(r & mask) * std::size_t(size) + std::size_t(c & mask)];
    };
    double w = 100.0;
    auto offset = [&] { return w * (2.0 * rng.uniform() - 1.0) * w; };
    for (int step = size; step >= 2; step /= 2) {
        const int half = step / 2;
        // Square step: the centre of each square of corners `step` apart.
        for (int r = 0; r < size; r += step)
            for (int c = 0; c < size; c += step)
                at(r + half, c + half) =
                    (at(r, c) + at(r + step, c) + at(r, c + step) + at(r + step, c + step)) / 4.0 +
                    offset();
        // Diamond step: the edge midpoints, from their two corners and two square centres.
        for (int r = 0; r < size; r += step)
            for (int c = 0; c < size; c += step) {
                at(r, c + half) =
                    (at(r, c) + at(r, c + step) + at(r - half, c + half) + at(r + half, c + half)) /
                        4.0 +
                    offset();
                at(r + half, c) =
                    (at(r, c) + at(r + step, c) + at(r + half, c - half) + at(r + half, c + half)) /
                        4.0 +
                    offset();
            }
        w /= decay;
    }
    const auto [lo, hi] = std::minmax_element(h.begin(), h.end());
    const double min = *lo, range = *hi - *lo;
    std::vector<float> out(h.size());
    for (std::size_t k = 0; k < h.size(); ++k)
        out[k] = range > 0 ? float((h[k] - min) / range) : 0.0f;
    return out;
}

}  // namespace as::data
