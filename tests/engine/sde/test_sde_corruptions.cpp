// MNIST-C-style corruptions (engine/data/Corruptions.h): determinism per seed, range, the noise
// statistics, Canny on a square, batch = single image for any thread count.
#include <gtest/gtest.h>
#include <omp.h>

#include <cmath>

#include "data/CannyEdges.h"
#include "data/CorruptionKernels.h"
#include "data/Corruptions.h"
#include "data/ImageFilters.h"
#include "data/MnistLocator.h"
#include "data/PlasmaFractal.h"

using namespace as::data;

namespace {

/// Ten shipped example digits (one per class) as floats, 784 x 10.
Eigen::MatrixXf digits() {
    const ImageSet e = loadExampleDigits();
    std::vector<int> idx;
    for (int d = 0; d < 10; ++d) idx.push_back(10 * d);
    return e.floats(idx);
}

Eigen::VectorXf corrupted(Corruption c, const Eigen::VectorXf& x, std::uint64_t seed) {
    Eigen::VectorXf out(x.size());
    corrupt(c, x.data(), out.data(), 28, 28, seed);
    return out;
}

}  // namespace

TEST(Corruptions, KeysLabelsAndTableOrder) {
    for (Corruption c : allCorruptions()) EXPECT_EQ(corruptionFromKey(corruptionKey(c)), c);
    EXPECT_STREQ(corruptionKey(Corruption::GlassBlur), "glass_blur");
    EXPECT_STREQ(corruptionLabel(Corruption::Gauss05), "Gaussian noise σ=0.5");
    try {
        corruptionFromKey("snow");
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("motion_blur"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("'snow'"), std::string::npos) << e.what();
    }
    const auto t = tableCorruptions();
    ASSERT_EQ(t.size(), 8u);
    EXPECT_EQ(t.front(), Corruption::Gauss05);
    EXPECT_EQ(t[3], Corruption::Impulse);
    EXPECT_EQ(t.back(), Corruption::Canny);
}

// Every corruption: same seed -> same image; another seed -> another image, except Clean and
// Canny (no random numbers); motion blur's seed picks the angle, so it does depend on the seed.
TEST(Corruptions, DeterministicPerSeedAndInRange) {
    const Eigen::MatrixXf x = digits();
    for (Corruption c : allCorruptions()) {
        for (int b = 0; b < x.cols(); ++b) {
            const Eigen::VectorXf in = x.col(b);
            const Eigen::VectorXf a = corrupted(c, in, 11), a2 = corrupted(c, in, 11);
            const Eigen::VectorXf other = corrupted(c, in, 12);
            EXPECT_TRUE(a == a2) << corruptionKey(c) << " column " << b;
            EXPECT_GE(a.minCoeff(), 0.0f) << corruptionKey(c);
            EXPECT_LE(a.maxCoeff(), 1.0f) << corruptionKey(c);
            EXPECT_TRUE(a.allFinite()) << corruptionKey(c);
            if (corruptionIsRandom(c))
                EXPECT_FALSE(a == other) << corruptionKey(c) << " column " << b;
            else
                EXPECT_TRUE(a == other) << corruptionKey(c);
        }
    }
    const Eigen::VectorXf in = x.col(3);
    EXPECT_TRUE(corrupted(Corruption::Clean, in, 5) == in);
    // The corruptions change the image (Canny makes it binary).
    for (Corruption c : tableCorruptions())
        EXPECT_GT((corrupted(c, in, 5) - in).norm(), 1.0f) << corruptionKey(c);
    const Eigen::VectorXf edges = corrupted(Corruption::Canny, in, 5);
    for (float v : edges) EXPECT_TRUE(v == 0.0f || v == 1.0f);
}

TEST(Corruptions, GaussianNoiseStatisticsBeforeAndAfterClipping) {
    const int n = 256 * 256;
    std::vector<float> grey(static_cast<std::size_t>(n), 0.5f), out(grey.size());
    as::SpikeRng rng(7);
    gaussianNoise(grey.data(), out.data(), n, 0.5, rng, /*clip=*/false);
    double mean = 0, var = 0;
    for (float v : out) mean += v;
    mean /= n;
    for (float v : out) var += (v - mean) * (v - mean);
    const double sd = std::sqrt(var / (n - 1));
    EXPECT_NEAR(mean, 0.5, 0.01);  // standard error 0.5 / 256 ~ 0.002
    EXPECT_NEAR(sd, 0.5, 0.01);
    // Clipped (the corruption itself): P(x + N(0, 0.25) <= 0) = Phi(-1) = 0.1587 on each side.
    std::vector<float> img(std::size_t(n), 0.5f);
    corrupt(Corruption::Gauss05, img.data(), img.data(), 256, 256, 3);
    double zeros = 0, ones = 0;
    for (float v : img) zeros += (v == 0.0f), ones += (v == 1.0f);
    EXPECT_NEAR(zeros / n, 0.158655, 0.01);
    EXPECT_NEAR(ones / n, 0.158655, 0.01);
}

TEST(Corruptions, ShotAndImpulseStatistics) {
    const int n = 256 * 256;
    std::vector<float> grey(static_cast<std::size_t>(n), 0.4f), out(grey.size());
    as::SpikeRng rng(9);
    shotNoise(grey.data(), out.data(), n, 10.0, rng);  // Poisson(4) / 10: mean 0.4, var 0.04
    double mean = 0, var = 0;
    for (float v : out) mean += v;
    mean /= n;
    for (float v : out) var += (v - mean) * (v - mean);
    var /= n - 1;
    EXPECT_NEAR(mean, 0.4, 0.005);  // clipping at 1 (count >= 10) moves the mean by < 1e-3
    EXPECT_NEAR(var, 0.04, 0.003);
    impulseNoise(grey.data(), out.data(), n, 0.17, rng);
    double zeros = 0, ones = 0;
    for (float v : out) zeros += (v == 0.0f), ones += (v == 1.0f);
    EXPECT_NEAR(zeros / n, 0.085, 0.005);
    EXPECT_NEAR(ones / n, 0.085, 0.005);
}

TEST(Corruptions, CannyOfAFilledSquareMarksItsBorderOnly) {
    const int rows = 28, cols = 28, lo = 8, hi = 19;  // square rows/cols 8..19 inclusive
    std::vector<float> img(std::size_t(rows * cols), 0.0f), edges(img.size());
    for (int r = lo; r <= hi; ++r)
        for (int c = lo; c <= hi; ++c) img[std::size_t(r * cols + c)] = 1.0f;
    cannyEdges(img.data(), edges.data(), rows, cols);
    int onBorder = 0;
    std::vector<int> perSide(4, 0);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            if (edges[std::size_t(r * cols + c)] == 0.0f) continue;
            // Distance (Chebyshev) to the square's boundary ring.
            const int inside = std::min(std::min(r - lo, hi - r), std::min(c - lo, hi - c));
            EXPECT_LE(std::abs(inside), 1) << "edge at " << r << "," << c;
            EXPECT_GE(inside, -1) << "edge at " << r << "," << c;
            ++onBorder;
            if (std::abs(r - lo) <= 1) ++perSide[0];
            if (std::abs(r - hi) <= 1) ++perSide[1];
            if (std::abs(c - lo) <= 1) ++perSide[2];
            if (std::abs(c - hi) <= 1) ++perSide[3];
        }
    EXPECT_GE(onBorder, 40);
    for (int s = 0; s < 4; ++s) EXPECT_GE(perSide[s], 10) << "side " << s;
    // A blank image has no edges.
    std::vector<float> blank(img.size(), 0.3f);
    cannyEdges(blank.data(), edges.data(), rows, cols);
    for (float v : edges) EXPECT_EQ(v, 0.0f);
}

TEST(Corruptions, FiltersAndPlasma) {
    const auto k = gaussianKernel(1.0);
    ASSERT_EQ(k.size(), 9u);  // radius int(4 + 0.5) = 4
    double sum = 0;
    for (float w : k) sum += w;
    EXPECT_NEAR(sum, 1.0, 1e-6);
    // A constant image stays constant under both borders.
    std::vector<float> c(100, 0.7f), out(100);
    gaussianBlur(c.data(), out.data(), 10, 10, 1.5, Border::Nearest);
    for (float v : out) EXPECT_NEAR(v, 0.7f, 1e-6);
    gaussianBlur(c.data(), out.data(), 10, 10, 1.5, Border::NormalisedZero);
    for (float v : out) EXPECT_NEAR(v, 0.7f, 1e-6);
    as::SpikeRng rng(1);
    const auto p = plasmaFractal(rng, 64, 1.4);
    ASSERT_EQ(p.size(), 64u * 64u);
    EXPECT_FLOAT_EQ(*std::min_element(p.begin(), p.end()), 0.0f);
    EXPECT_FLOAT_EQ(*std::max_element(p.begin(), p.end()), 1.0f);
    // Motion blur at angle 0 of a single bright pixel smears it towards -column (the kernel looks
    // ahead along +column), with the Gaussian weights.
    std::vector<float> dot(28 * 28, 0.0f), smear(dot.size());
    dot[14 * 28 + 20] = 1.0f;
    motionBlur(dot.data(), smear.data(), 28, 28, 10, 3.0, 0.0);
    EXPECT_GT(smear[14 * 28 + 20], smear[14 * 28 + 17]);
    EXPECT_GT(smear[14 * 28 + 17], 0.0f);
    EXPECT_EQ(smear[14 * 28 + 21], 0.0f);
    EXPECT_EQ(smear[13 * 28 + 18], 0.0f);
}

TEST(Corruptions, BatchMatchesSingleImagesForAnyThreadCount) {
    const Eigen::MatrixXf x = digits();
    for (Corruption c : {Corruption::Gauss08, Corruption::GlassBlur, Corruption::Fog}) {
        omp_set_num_threads(1);
        const Eigen::MatrixXf one = corruptBatch(c, x, 42);
        omp_set_num_threads(2);
        const Eigen::MatrixXf two = corruptBatch(c, x, 42);
        EXPECT_TRUE(one == two) << corruptionKey(c);
        for (int b = 0; b < x.cols(); ++b) {
            const Eigen::VectorXf single = corrupted(c, x.col(b), columnSeed(42, b));
            EXPECT_TRUE(one.col(b) == single) << corruptionKey(c) << " column " << b;
        }
        EXPECT_FALSE(one.col(0) == corrupted(c, x.col(0), columnSeed(42, 1)));
    }
    EXPECT_THROW(corruptBatch(Corruption::Shot, Eigen::MatrixXf(10, 2), 1), std::invalid_argument);
}

// Regression: at -30 degrees tap 1's row offset is exactly -0.5 pixel; ImageMagick rounds it to 0
// (its offsets come from a point 2r+1 long scaled back, -0.49999999999999989), our first version
// rounded it to -1. The impulse response's first taps, as ImageMagick 6.9 gives them:
// (0, 0), (0, -1), (1, -2), (1, -3), (2, -3), (2, -4) relative to the dot.
TEST(Corruptions, MotionBlurHalfPixelOffsetsRoundAsImageMagick) {
    std::vector<float> dot(28 * 28, 0.0f), smear(dot.size());
    dot[14 * 28 + 20] = 1.0f;
    motionBlur(dot.data(), smear.data(), 28, 28, 10, 3.0, -30.0);
    auto at = [&](int dr, int dc) { return smear[std::size_t((14 + dr) * 28 + 20 + dc)]; };
    for (auto [dr, dc] : {std::pair{0, 0}, {0, -1}, {1, -2}, {1, -3}, {2, -3}, {2, -4}})
        EXPECT_GT(at(dr, dc), 0.02f) << dr << "," << dc;
    EXPECT_EQ(at(1, -1), 0.0f);
    EXPECT_EQ(at(-1, -1), 0.0f);
    EXPECT_GT(at(0, -1), at(1, -2));  // weights fall along the line
}
