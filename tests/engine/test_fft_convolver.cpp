// FFT circular convolution equals the dense O(n^2) sum (the oracle) on rings, sheets and tori.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "cann/FftConvolver.h"

using namespace as;

namespace {

template <class T>
void expectMatchesDense(const std::vector<int>& shape, double relTol) {
    std::size_t n = 1;
    for (int s : shape) n *= std::size_t(s);
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> uni(-1.0, 1.0);
    std::vector<T> kernel(n), in(n), fft(n), dense(n);
    for (auto& v : kernel) v = T(uni(rng));
    for (auto& v : in) v = T(uni(rng));
    FftConvolver<T> conv(shape, kernel, /*quickPlan=*/true);
    conv.apply(in.data(), fft.data());
    denseCircularConvolve<T>(shape, kernel, in.data(), dense.data());
    double scale = 0;
    for (auto v : dense) scale = std::max(scale, std::abs(double(v)));
    for (std::size_t i = 0; i < n; ++i)
        ASSERT_NEAR(double(fft[i]), double(dense[i]), relTol * scale) << "index " << i;
}

}  // namespace

class RingSizes : public ::testing::TestWithParam<int> {};

TEST_P(RingSizes, DoubleMatchesDense) {
    expectMatchesDense<double>({GetParam()}, 1e-12);
}
TEST_P(RingSizes, FloatMatchesDense) {
    expectMatchesDense<float>({GetParam()}, 2e-5);
}
INSTANTIATE_TEST_SUITE_P(FftConvolver, RingSizes, ::testing::Values(16, 17, 64, 100, 512, 1024));

TEST(FftConvolver, LatticesMatchDense) {
    expectMatchesDense<double>({8, 12}, 1e-12);
    expectMatchesDense<double>({4, 4, 4}, 1e-12);
    expectMatchesDense<double>({6, 8, 5}, 1e-12);
    expectMatchesDense<float>({6, 8, 5}, 2e-5);
}

TEST(FftConvolver, DeltaKernelIsIdentityAndShift) {
    const int n = 32;
    std::vector<double> k(n, 0.0), in(n), out(n);
    k[3] = 1.0;  // out[x] = in[x - 3]
    for (int i = 0; i < n; ++i) in[i] = i * 0.5;
    FftConvolver<double> conv({n}, k);
    conv.apply(in.data(), out.data());
    for (int i = 0; i < n; ++i) EXPECT_NEAR(out[i], in[(i - 3 + n) % n], 1e-12);
}

TEST(FftConvolver, RejectsBadShapes) {
    EXPECT_THROW(FftConvolver<double>({}, {}), std::invalid_argument);
    EXPECT_THROW(FftConvolver<double>({4, 4}, std::vector<double>(15)), std::invalid_argument);
    EXPECT_THROW(FftConvolver<double>({2, 2, 2, 2}, std::vector<double>(16)),
                 std::invalid_argument);
}
