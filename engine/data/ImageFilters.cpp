#include "data/ImageFilters.h"

#include <algorithm>
#include <cmath>

namespace as::data {

std::vector<float> gaussianKernel(double sigma, double truncate) {
    const int radius = std::max(0, int(truncate * sigma + 0.5));
    std::vector<float> k(std::size_t(2 * radius + 1));
    double sum = 0.0;
    for (int i = -radius; i <= radius; ++i) sum += std::exp(-0.5 * i * i / (sigma * sigma));
    for (int i = -radius; i <= radius; ++i)
        k[std::size_t(i + radius)] = float(std::exp(-0.5 * i * i / (sigma * sigma)) / sum);
    return k;
}

namespace {

/// One 1D pass along a line of n samples at stride `stride` (src and dst do not alias).
void blurLine(const float* src, float* dst, int n, int stride, const std::vector<float>& k,
              Border border) {
    const int radius = int(k.size() / 2);
    for (int i = 0; i < n; ++i) {
        double acc = 0.0, weight = 0.0;
        for (int t = -radius; t <= radius; ++t) {
            int j = i + t;
            const float w = k[std::size_t(t + radius)];
            if (j < 0 || j >= n) {
                if (border == Border::NormalisedZero) continue;
                j = std::clamp(j, 0, n - 1);
            }
            acc += double(w) * src[std::size_t(j) * std::size_t(stride)];
            weight += w;
        }
        dst[std::size_t(i) * std::size_t(stride)] =
            float(border == Border::NormalisedZero ? (weight > 0.0 ? acc / weight : 0.0) : acc);
    }
}

}  // namespace

void gaussianBlur(const float* in, float* out, int rows, int cols, double sigma, Border border) {
    const std::vector<float> k = gaussianKernel(sigma);
    const std::size_t n = std::size_t(rows) * std::size_t(cols);
    std::vector<float> tmp(n), src(in, in + n);
    for (int r = 0; r < rows; ++r)  // along each row (columns vary)
        blurLine(src.data() + std::size_t(r) * cols, tmp.data() + std::size_t(r) * cols, cols, 1, k,
                 border);
    for (int c = 0; c < cols; ++c)  // along each column (rows vary)
        blurLine(tmp.data() + c, out + c, rows, cols, k, border);
}

}  // namespace as::data
