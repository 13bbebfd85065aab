// Generation in the latent space (seed 002 §VI.1): Gaussian samples reproduce the centre and the
// covariance they are drawn from (also a singular one), interpolation and principal-axis traversal
// hit their end points, the nearest-neighbour search agrees with brute force, and the PNG
// writer's file decodes (zlib) back to the pixels.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "export/PngWriter.h"
#include "generator/LatentSampling.h"
#include "generator/NearestNeighbours.h"

using namespace as::generator;

namespace {

ClassStats knownStats() {
    ClassStats s;
    s.count = 100;
    s.attractor = Eigen::Vector3d(0.8, 0.0, 0.0);
    s.mean = Eigen::Vector3d(0.7, 0.1, 0.0);
    Eigen::Matrix3d L;
    L << 0.2, 0, 0, 0.05, 0.1, 0, 0.02, -0.03, 0.0;  // rank 2: a singular covariance
    s.aboutAttractor = L * L.transpose();
    s.aboutMean = 0.5 * s.aboutAttractor;
    s.meanDistance = (s.mean - s.attractor).norm();
    return s;
}

}  // namespace

TEST(GeneratorSampling, GaussianSamplesHaveTheirMeanAndCovariance) {
    const ClassStats s = knownStats();
    for (LatentCentre c : {LatentCentre::Attractor, LatentCentre::SampleMean}) {
        const int n = 40000;
        const Eigen::MatrixXd x = sampleGaussian(s, c, n, 5, 1).cast<double>();
        const Eigen::VectorXd m = x.rowwise().mean();
        const Eigen::MatrixXd centred = x.colwise() - m;
        const Eigen::MatrixXd cov = centred * centred.transpose() / double(n - 1);
        EXPECT_LT((m - s.centre(c)).norm(), 0.005);
        EXPECT_LT((cov - s.covariance(c)).norm() / s.covariance(c).norm(), 0.03);
    }
    // Sample k of a seed does not depend on how many are drawn; streams differ.
    const Eigen::MatrixXf a = sampleGaussian(s, LatentCentre::Attractor, 10, 7, 0);
    const Eigen::MatrixXf b = sampleGaussian(s, LatentCentre::Attractor, 4, 7, 0, 6);
    EXPECT_EQ(a.rightCols(4), b);
    EXPECT_NE(a, sampleGaussian(s, LatentCentre::Attractor, 10, 7, 1));
}

TEST(GeneratorSampling, InterpolationAndTraversal) {
    const Eigen::VectorXf a = Eigen::Vector3f(1, 2, 3), b = Eigen::Vector3f(-1, 0, 5);
    const Eigen::MatrixXf path = interpolate(a, b, 5);
    EXPECT_EQ(path.col(0), a);
    EXPECT_EQ(path.col(4), b);
    EXPECT_LT((path.col(2) - 0.5f * (a + b)).norm(), 1e-6f);

    const ClassStats s = knownStats();
    const PrincipalAxes pa = principalAxes(s.aboutAttractor);
    EXPECT_GE(pa.variances[0], pa.variances[1]);
    EXPECT_NEAR(pa.variances[2], 0.0, 1e-12);
    const Eigen::MatrixXf t = traverse(s, LatentCentre::Attractor, 0, 3, 2.0);
    const Eigen::Vector3d step = t.col(2).cast<double>() - s.attractor;
    EXPECT_NEAR(step.norm(), 2.0 * std::sqrt(pa.variances[0]), 1e-6);
    EXPECT_NEAR(std::abs(step.normalized().dot(pa.axes.col(0))), 1.0, 1e-6);
    EXPECT_LT((t.col(1).cast<double>() - s.attractor).norm(), 1e-6);
    EXPECT_THROW(traverse(s, LatentCentre::Attractor, 3, 3, 1.0), std::out_of_range);
}

TEST(PngWriter, DecodesBackToThePixels) {
    Eigen::MatrixXf imgs(6, 3);  // three 2 x 3 images
    for (Eigen::Index i = 0; i < imgs.size(); ++i)
        imgs.data()[i] = float(i) / float(imgs.size() - 1);
    const as::GrayImage g = as::tileImages(imgs, 2, 3, 2, 2, 1);
    EXPECT_EQ(g.width, 2 * 6 + 3);
    EXPECT_EQ(g.height, 2 * 4 + 3);
    EXPECT_EQ(g.pixels[std::size_t(1 * g.width + 1)], 0);  // image 0, first pixel = 0
    EXPECT_EQ(g.pixels[std::size_t((1 + 4 + 1 + 3) * g.width + 1 + 5)],
              255);  // image 2 (row 1), last pixel = 1
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("as_test_png_" + std::to_string(::getpid()) + ".png"))
                                 .string();
    as::writeGrayPng(path, g);
    std::ifstream in(path, std::ios::binary);
    const std::vector<unsigned char> b((std::istreambuf_iterator<char>(in)),
                                       std::istreambuf_iterator<char>());
    ASSERT_GT(b.size(), 33u);
    EXPECT_EQ(std::vector<unsigned char>(b.begin(), b.begin() + 8),
              (std::vector<unsigned char>{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}));
    auto be32 = [&](std::size_t o) {
        return (b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3];
    };
    EXPECT_EQ(be32(16), unsigned(g.width));
    EXPECT_EQ(be32(20), unsigned(g.height));
    // IDAT follows IHDR (8 + 25 bytes): inflate it and compare with the filtered rows.
    const std::size_t idat = 33, n = std::size_t(be32(idat));
    ASSERT_EQ(std::string(b.begin() + long(idat + 4), b.begin() + long(idat + 8)), "IDAT");
    EXPECT_EQ(unsigned(crc32(0, b.data() + idat + 4, uInt(n + 4))), unsigned(be32(idat + 8 + n)));
    std::vector<unsigned char> raw(std::size_t(g.height) * std::size_t(g.width + 1));
    uLongf rawSize = raw.size();
    ASSERT_EQ(uncompress(raw.data(), &rawSize, b.data() + idat + 8, uLong(n)), Z_OK);
    ASSERT_EQ(rawSize, raw.size());
    for (int r = 0; r < g.height; ++r) {
        EXPECT_EQ(raw[std::size_t(r) * std::size_t(g.width + 1)], 0);
        for (int c = 0; c < g.width; ++c)
            ASSERT_EQ(raw[std::size_t(r) * std::size_t(g.width + 1) + 1 + std::size_t(c)],
                      g.pixels[std::size_t(r) * std::size_t(g.width) + std::size_t(c)]);
    }
    std::filesystem::remove(path);
}

TEST(GeneratorSampling, NearestTrainingImageByBruteForce) {
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    Eigen::MatrixXf refs(30, 5000), q(30, 7);
    for (Eigen::Index i = 0; i < refs.size(); ++i) refs.data()[i] = u(rng);
    for (Eigen::Index i = 0; i < q.size(); ++i) q.data()[i] = u(rng);
    q.col(3) = refs.col(4321);  // an exact copy: distance 0
    const Nearest n = nearestColumns(q, refs);
    for (int j = 0; j < 7; ++j) {
        Eigen::Index best = 0;
        const double d = (refs.colwise() - q.col(j)).colwise().norm().minCoeff(&best);
        EXPECT_EQ(n.index[j], int(best));
        EXPECT_NEAR(n.distance[j], d, 1e-3);
    }
    EXPECT_EQ(n.index[3], 4321);
    EXPECT_NEAR(n.distance[3], 0.0, 1e-3);
}
