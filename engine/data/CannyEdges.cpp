#include "data/CannyEdges.h"

#include <cmath>
#include <cstdint>
#include <vector>

#include "data/ImageFilters.h"

namespace as::data {
namespace {

/// Half-sample symmetric index (scipy.ndimage's 'reflect': d c b a | a b c d | d c b a).
int reflect(int i, int n) {
    if (n == 1) return 0;
    while (i < 0 || i >= n) i = i < 0 ? -i - 1 : 2 * n - i - 1;
    return i;
}

}  // namespace

void cannyEdges(const float* in, float* out, int rows, int cols, const CannyParams& p) {
    const std::size_t n = std::size_t(rows) * std::size_t(cols);
    std::vector<float> s(n);
    gaussianBlur(in, s.data(), rows, cols, p.sigma, Border::NormalisedZero);
    auto at = [&](int r, int c) {
        return s[std::size_t(reflect(r, rows)) * cols + reflect(c, cols)];
    };

    // Sobel: gi = d/drow (smoothed along columns), gj = d/dcol (smoothed along rows).
    std::vector<float> gi(n), gj(n), mag(n);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const std::size_t k = std::size_t(r) * cols + c;
            gi[k] = (at(r + 1, c - 1) + 2 * at(r + 1, c) + at(r + 1, c + 1)) -
                    (at(r - 1, c - 1) + 2 * at(r - 1, c) + at(r - 1, c + 1));
            gj[k] = (at(r - 1, c + 1) + 2 * at(r, c + 1) + at(r + 1, c + 1)) -
                    (at(r - 1, c - 1) + 2 * at(r, c - 1) + at(r + 1, c - 1));
            mag[k] = std::hypot(gi[k], gj[k]);
        }
    auto m = [&](int r, int c) { return mag[std::size_t(r) * cols + c]; };

    // Non-maximum suppression inside the eroded mask (the border ring is excluded). The gradient
    // direction's two neighbours are interpolated between the straight and the diagonal pixel.
    std::vector<std::uint8_t> weak(n, 0), strong(n, 0);
    for (int r = 1; r < rows - 1; ++r)
        for (int c = 1; c < cols - 1; ++c) {
            const std::size_t k = std::size_t(r) * cols + c;
            const float mk = mag[k];
            if (!(mk >= float(p.low))) continue;
            const float ai = std::fabs(gi[k]), aj = std::fabs(gj[k]);
            const int si = gi[k] >= 0 ? 1 : -1, sj = gj[k] >= 0 ? 1 : -1;
            float plus, minus;
            if (ai >= aj) {  // mostly along rows
                const float w = ai > 0 ? aj / ai : 0.0f;
                plus = w * m(r + si, c + sj) + (1 - w) * m(r + si, c);
                minus = w * m(r - si, c - sj) + (1 - w) * m(r - si, c);
            } else {  // mostly along columns
                const float w = ai / aj;
                plus = w * m(r + si, c + sj) + (1 - w) * m(r, c + sj);
                minus = w * m(r - si, c - sj) + (1 - w) * m(r, c - sj);
            }
            if (plus <= mk && minus <= mk) {
                weak[k] = 1;
                strong[k] = mk >= float(p.high) ? 1 : 0;
            }
        }

    // Hysteresis: keep the 8-connected components of weak pixels that hold a strong pixel.
    for (std::size_t k = 0; k < n; ++k) out[k] = 0.0f;
    std::vector<int> stack;
    for (std::size_t k = 0; k < n; ++k) {
        if (!strong[k] || out[k] != 0.0f) continue;
        out[k] = 1.0f;
        stack.push_back(int(k));
        while (!stack.empty()) {
            const int q = stack.back();
            stack.pop_back();
            const int r = q / cols, c = q % cols;
            for (int dr = -1; dr <= 1; ++dr)
                for (int dc = -1; dc <= 1; ++dc) {
                    const int rr = r + dr, cc = c + dc;
                    if (rr < 0 || rr >= rows || cc < 0 || cc >= cols) continue;
                    const std::size_t kk = std::size_t(rr) * cols + cc;
                    if (weak[kk] && out[kk] == 0.0f) {
                        out[kk] = 1.0f;
                        stack.push_back(int(kk));
                    }
                }
        }
    }
}

}  // namespace as::data
