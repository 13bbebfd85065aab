// SeparableConvolver (exact per-axis circulants, and the pruned Fourier band) against the dense
// O(n^2) sum and the FFT; the band's error bound; the automatic choice of a convolution method.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "cann/ConvolutionChoice.h"
#include "cann/FftConvolver.h"
#include "cann/LatticeCann.h"
#include "cann/SeparableConvolver.h"

using namespace as;

namespace {

std::vector<double> uniform(std::size_t n, unsigned seed, double lo = -1.0, double hi = 1.0) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(lo, hi);
    std::vector<double> v(n);
    for (double& x : v) x = u(rng);
    return v;
}

std::size_t points(const std::vector<int>& shape) {
    std::size_t n = 1;
    for (int s : shape) n *= std::size_t(s);
    return n;
}

/// The full kernel of per-axis factors, row-major (the dense oracle's input).
std::vector<double> outerProduct(const std::vector<std::vector<double>>& f) {
    std::vector<double> k{1.0};
    for (const auto& axis : f) {
        std::vector<double> next;
        next.reserve(k.size() * axis.size());
        for (double a : k)
            for (double b : axis) next.push_back(a * b);
        k = std::move(next);
    }
    return k;
}

std::vector<std::vector<double>> randomFactors(const std::vector<int>& shape, unsigned seed) {
    std::vector<std::vector<double>> f;
    for (int n : shape) f.push_back(uniform(std::size_t(n), seed++));
    return f;
}

double maxAbs(const std::vector<double>& v) {
    double m = 0;
    for (double x : v) m = std::max(m, std::abs(x));
    return m;
}

template <class T>
std::vector<double> run(SeparableConvolver<T>& c, const std::vector<double>& in) {
    std::vector<T> a(in.begin(), in.end()), b(in.size());
    c.apply(a.data(), b.data());
    return {b.begin(), b.end()};
}

template <class T>
void expectEqualsDense(const std::vector<int>& shape, int band, double relTol) {
    const auto f = randomFactors(shape, 11);  // not symmetric: the general real case
    const auto in = uniform(points(shape), 5);
    std::vector<double> dense(in.size());
    denseCircularConvolve<double>(shape, outerProduct(f), in.data(), dense.data());
    SeparableConvolver<T> conv(shape, f, band);
    const auto out = run(conv, in);
    const double tol = relTol * maxAbs(dense);
    for (std::size_t i = 0; i < in.size(); ++i)
        ASSERT_NEAR(out[i], dense[i], tol) << "index " << i << " band " << band;
}

}  // namespace

TEST(SeparableConvolver, ExactSchemeEqualsTheDenseSum) {
    for (const std::vector<int>& shape : {std::vector<int>{4, 4, 4}, std::vector<int>{6, 8, 5},
                                          std::vector<int>{7, 12}, std::vector<int>{9}}) {
        expectEqualsDense<double>(shape, -1, 1e-12);
        expectEqualsDense<float>(shape, -1, 2e-6);
    }
}

TEST(SeparableConvolver, BandKeepingEveryModeEqualsTheDenseSum) {
    // Odd and even sides: the even ones carry the Nyquist mode cos(pi i).
    for (const std::vector<int>& shape : {std::vector<int>{4, 4, 4}, std::vector<int>{6, 8, 5},
                                          std::vector<int>{7, 12}, std::vector<int>{10}}) {
        expectEqualsDense<double>(shape, 64, 1e-12);
        expectEqualsDense<float>(shape, 64, 2e-6);
        EXPECT_EQ(SeparableConvolver<double>::bandErrorBound(randomFactors(shape, 11), 64), 0.0);
    }
}

TEST(SeparableConvolver, TruncatedBandStaysWithinItsErrorBound) {
    // Gaussian factors cut to few modes: a visible error that the bound must cover at every point.
    const std::vector<int> shape{12, 10, 9};
    const auto f = latticeKernelFactors(shape, 0.6, 4.0);
    const auto in = uniform(points(shape), 9, 0.0, 1.0);
    std::vector<double> dense(in.size());
    const auto kernel = outerProduct(f);
    denseCircularConvolve<double>(shape, kernel, in.data(), dense.data());
    double kernelSum = 0, meanAbsIn = 0;
    for (double v : kernel) kernelSum += v;
    for (double v : in) meanAbsIn += std::abs(v) / double(in.size());
    double previous = INFINITY;
    for (int M = 0; M <= 5; ++M) {
        SeparableConvolver<double> conv(shape, f, M);
        const auto out = run(conv, in);
        double err = 0;
        for (std::size_t i = 0; i < in.size(); ++i)
            err = std::max(err, std::abs(out[i] - dense[i]));
        const double bound = SeparableConvolver<double>::bandErrorBound(f, M);
        EXPECT_LE(err, bound * kernelSum * meanAbsIn * (1 + 1e-9) + 1e-12) << "M = " << M;
        EXPECT_GT(err, 0.0);
        EXPECT_LT(bound, previous);  // more modes, smaller bound
        previous = bound;
    }
}

TEST(SeparableConvolver, BandLimitForTheDefaultKernel) {
    // a = 0.5: |k^(m)| / k^(0) ~ exp(-m^2 / 8); the 3D bound drops below 1e-6 at M = 12 whatever n.
    for (int n : {32, 48, 64}) {
        const auto f = latticeKernelFactors({n, n, n}, 0.5, 4.0);
        const int M = SeparableConvolver<float>::bandLimitFor(f, kBandTolerance);
        EXPECT_EQ(M, 12) << "n = " << n;
        EXPECT_LE(SeparableConvolver<float>::bandErrorBound(f, M), kBandTolerance);
        EXPECT_GT(SeparableConvolver<float>::bandErrorBound(f, M - 1), kBandTolerance);
    }
}

TEST(SeparableConvolver, PrunedAndSeparableMatchTheFftOnA32CubedRandomField) {
    // The exact scheme in double is the oracle here (the dense sum would take 1e9 products; the
    // small-lattice tests above tie it to the dense sum).
    const std::vector<int> shape{32, 32, 32};
    const auto f = latticeKernelFactors(shape, 0.5, 4.0);
    const auto in = uniform(points(shape), 21, 0.0, 1.0);  // q = [u]_+^2 >= 0
    SeparableConvolver<double> exact(shape, f, -1);
    const auto ref = run(exact, in);
    const double scale = maxAbs(ref);

    const auto k = latticeKernel(shape, 0.5, 4.0);
    FftConvolver<float> fft(shape, std::vector<float>(k.begin(), k.end()), /*quickPlan=*/true);
    std::vector<float> a(in.begin(), in.end()), b(in.size());
    fft.apply(a.data(), b.data());
    SeparableConvolver<float> sep(shape, f, -1);
    const int M = SeparableConvolver<float>::bandLimitFor(f, kBandTolerance);
    SeparableConvolver<float> pruned(shape, f, M);
    const auto outSep = run(sep, in), outPruned = run(pruned, in);
    double errFft = 0, errSep = 0, errPruned = 0;
    for (std::size_t i = 0; i < in.size(); ++i) {
        errFft = std::max(errFft, std::abs(double(b[i]) - ref[i]));
        errSep = std::max(errSep, std::abs(outSep[i] - ref[i]));
        errPruned = std::max(errPruned, std::abs(outPruned[i] - ref[i]));
    }
    // All three within float32 rounding of the exact sum (measured: fft 4.4e-7, separable 6.3e-7,
    // pruned 8.8e-7 of max |out|; the band's truncation, < 2.9e-7 x mean, is not what dominates).
    EXPECT_LT(errFft, 1.5e-6 * scale);
    EXPECT_LT(errSep, 1.5e-6 * scale);
    EXPECT_LT(errPruned, 1.5e-6 * scale);
    EXPECT_LT(errPruned, 3 * errFft);
    std::printf(
        "max error / max |out|: fft %.3g, separable %.3g, pruned M=%d %.3g (bound %.3g x mean)\n",
        errFft / scale, errSep / scale, M, errPruned / scale,
        SeparableConvolver<float>::bandErrorBound(f, M));
}

TEST(ConvolutionChoice, PicksByCostAndFallsBackToTheFft) {
    auto choose = [](std::vector<int> shape, double a,
                     ConvolutionMethod m = ConvolutionMethod::Auto) {
        return convolutionChoice(shape, latticeKernelFactors(shape, a, 4.0), m);
    };
    EXPECT_EQ(choose({512}, 0.5).method, ConvolutionMethod::Fft);  // the ring never changes
    EXPECT_EQ(choose({4096}, 0.5).method, ConvolutionMethod::Fft);
    EXPECT_EQ(choose({32, 32, 32}, 0.5).method, ConvolutionMethod::Separable);
    const ConvolutionChoice c64 = choose({64, 64, 64}, 0.5);
    EXPECT_EQ(c64.method, ConvolutionMethod::Pruned);
    EXPECT_EQ(c64.bandLimit, 12);
    EXPECT_EQ(c64.name(), "pruned M=12");
    EXPECT_LE(c64.errorBound, kBandTolerance);
    // A narrow kernel has a wide spectrum: no band pays, and at 64^3 the FFT beats 64 x 64
    // circulants.
    const ConvolutionChoice narrow = choose({64, 64, 64}, 2 * (2 * 3.14159265358979 / 64));
    EXPECT_EQ(narrow.method, ConvolutionMethod::Fft);
    EXPECT_EQ(narrow.name(), "fft");
    // Forcing works whatever the cost.
    EXPECT_EQ(choose({32, 32, 32}, 0.5, ConvolutionMethod::Fft).method, ConvolutionMethod::Fft);
    EXPECT_EQ(choose({32, 32, 32}, 0.5, ConvolutionMethod::Pruned).method,
              ConvolutionMethod::Pruned);
    EXPECT_EQ(choose({16}, 0.5, ConvolutionMethod::Separable).method, ConvolutionMethod::Separable);
}

TEST(SeparableConvolver, RejectsBadInput) {
    EXPECT_THROW(SeparableConvolver<float>({}, {}, -1), std::invalid_argument);
    EXPECT_THROW(SeparableConvolver<float>({4, 4}, {std::vector<double>(4)}, -1),
                 std::invalid_argument);
    EXPECT_THROW(
        SeparableConvolver<float>({4, 4}, {std::vector<double>(4), std::vector<double>(5)}, -1),
        std::invalid_argument);
}
