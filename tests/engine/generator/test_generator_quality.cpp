// The quality metric of the generator lab: the Frechet distance (FD(X, X) = 0, FD grows with the
// noise added to one set, the closed form for two Gaussians with commuting covariances and in
// one dimension, a singular covariance) and the feature classifier (learns a separable toy task,
// features are its penultimate layer, file round trip and a damaged file refused); the shipped
// generator's samples are classified as intended by the shipped classifier.
#include <gtest/gtest.h>
#include <unistd.h>

#include <Eigen/QR>
#include <filesystem>
#include <random>

#include "core/BuildPaths.h"
#include "generator/FeatureClassifier.h"
#include "generator/FrechetDistance.h"
#include "generator/GeneratorModelFile.h"
#include "generator/LatentSampling.h"
#include "io/Hdf5Handle.h"
#include "tests/engine/io/FlipVariants.h"

using namespace as::generator;

namespace {

Eigen::MatrixXf gaussianSet(int dim, int n, std::uint64_t seed, double scale = 1.0) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> g(0.0f, float(scale));
    Eigen::MatrixXf x(dim, n);
    for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = g(rng);
    return x;
}

}  // namespace

TEST(FrechetDistance, ZeroForTheSameSetAndGrowsWithNoise) {
    Eigen::MatrixXf x = gaussianSet(16, 2000, 1);
    x.row(3) = x.row(2) * 0.5f;  // a correlated pair
    const GaussianMoments mx = moments(x);
    // Row 3 = 0.5 row 2 makes the covariance singular: its zero eigenvalue comes out as +-1e-16
    // after rounding, and its square root, ~1e-8, bounds the agreement (the sign and size depend
    // on the vector width the build chose: -2e-8 with AVX-512, under 1e-9 with AVX2).
    EXPECT_NEAR(frechetDistance(mx, mx), 0.0, 1e-7);
    double previous = 0.0;
    for (double s : {0.1, 0.3, 0.6, 1.0}) {
        const double fd = frechetDistance(mx, moments(x + gaussianSet(16, 2000, 7, s)));
        EXPECT_GT(fd, previous) << "noise " << s;
        previous = fd;
    }
}

TEST(FrechetDistance, ClosedFormForTwoGaussians) {
    // Commuting covariances S1 = Q D1 Q^T, S2 = Q D2 Q^T: FD = |dmu|^2 + sum (sqrt d1 - sqrt d2)^2.
    const int d = 6;
    const Eigen::MatrixXd Q =
        Eigen::HouseholderQR<Eigen::MatrixXd>(gaussianSet(d, d, 3).cast<double>()).householderQ();
    Eigen::VectorXd d1(d), d2(d);
    d1 << 1, 2, 0.5, 3, 0.1, 0;  // one zero variance: a singular covariance
    d2 << 2, 1, 0.5, 1, 0.4, 0.25;
    GaussianMoments a, b;
    a.mean = Eigen::VectorXd::LinSpaced(d, 0, 1);
    b.mean = Eigen::VectorXd::Constant(d, 0.3);
    a.covariance = Q * d1.asDiagonal() * Q.transpose();
    b.covariance = Q * d2.asDiagonal() * Q.transpose();
    const double expected =
        (a.mean - b.mean).squaredNorm() + (d1.cwiseSqrt() - d2.cwiseSqrt()).squaredNorm();
    // The zero variance is ~1e-16 after rounding; its square root ~1e-8 bounds the agreement.
    EXPECT_NEAR(frechetDistance(a, b), expected, 1e-7);
    EXPECT_NEAR(frechetDistance(b, a), expected, 1e-7);
    // One dimension: (mu1 - mu2)^2 + (s1 - s2)^2.
    GaussianMoments u, v;
    u.mean = Eigen::VectorXd::Constant(1, 1.0);
    v.mean = Eigen::VectorXd::Constant(1, -0.5);
    u.covariance = Eigen::MatrixXd::Constant(1, 1, 4.0);
    v.covariance = Eigen::MatrixXd::Constant(1, 1, 0.25);
    EXPECT_NEAR(frechetDistance(u, v), 2.25 + 2.25, 1e-12);
}

TEST(FeatureClassifier, LearnsAToyTaskAndRoundTrips) {
    // Ten classes: a bright 4-pixel bar at a class-specific place in a 64-pixel image, plus noise.
    const int pixels = 64, n = 2000;
    std::mt19937_64 rng(2);
    std::uniform_real_distribution<float> u(0.0f, 0.3f);
    Eigen::MatrixXf x(pixels, n);
    Eigen::VectorXi y(n);
    for (int j = 0; j < n; ++j) {
        y[j] = j % 10;
        for (int i = 0; i < pixels; ++i) x(i, j) = u(rng);
        for (int k = 0; k < 4; ++k) x(6 * y[j] + k, j) = 1.0f;
    }
    ClassifierParams p;
    p.hidden1 = 32;
    p.hidden2 = 16;
    p.epochs = 3;
    p.batch = 50;
    FeatureClassifier c(p, pixels);
    c.train(x, y);
    const Eigen::VectorXi pred = c.predict(x);
    EXPECT_GT((pred.array() == y.array()).cast<double>().mean(), 0.99);
    EXPECT_EQ(c.features(x).rows(), 16);
    EXPECT_GE(c.features(x).minCoeff(), 0.0f);  // ReLU features

    namespace fs = std::filesystem;
    const std::string path =
        (fs::temp_directory_path() / ("as_test_cls_" + std::to_string(::getpid()) + ".h5"))
            .string();
    c.setTestAccuracy(0.5);
    c.save(path, "test");
    const FeatureClassifier back = FeatureClassifier::load(path);
    EXPECT_EQ(back.network().w[1], c.network().w[1]);
    EXPECT_EQ(back.testAccuracy(), 0.5);
    ASSERT_TRUE(as::test::damageDataset(path, "/feature_classifier/w0"));
    try {
        FeatureClassifier::load(path);
        ADD_FAILURE() << "a damaged classifier was loaded";
    } catch (const as::h5::Error& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("w0"), std::string::npos) << e.what();
    }
    fs::remove(path);
}

TEST(GeneratorShipped, SamplesOfTheShippedModelAreClassifiedAsIntended) {
    const std::string dir = as::buildResourcesDir() + "/models/";
    const LoadedGenerator g = loadGeneratorModel(dir + "gen_012.h5");
    const FeatureClassifier c = FeatureClassifier::load(dir + "gen_classifier.h5");
    EXPECT_GE(c.testAccuracy(), 0.98);
    ASSERT_TRUE(g.model.hasStats());
    EXPECT_EQ(g.model.digits(), (std::vector<int>{0, 1, 2}));
    long hits = 0, total = 0;
    for (int l = 0; l < 3; ++l) {
        const Eigen::MatrixXf images = g.model.decode(
            sampleGaussian(g.model.stats().at(l), LatentCentre::Attractor, 200, 1, l));
        const Eigen::VectorXi pred = c.predict(images);
        hits += (pred.array() == l).count();
        total += pred.size();
    }
    const double agreement = double(hits) / double(total);
    std::printf("[ info ] shipped gen_012.h5: class agreement %.4f on %ld samples\n", agreement,
                total);
    EXPECT_GE(agreement, 0.95);
}
