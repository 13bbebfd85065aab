// Planting (seed 002 §III): the alphabet of eq 9, the patterns of eq 10 / eq 23, the stationarity
// of every planted point for any Atilde (eq 2–4), the eigenvector property (eq 5) and parameter
// checks.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <random>
#include <stdexcept>

#include "sde/AttractorSet.h"
#include "sde/SdeParams.h"

using namespace as::sde;

namespace {
SdeParams small(int n, int c, Pattern p) {
    SdeParams s;
    s.n = n;
    s.classes = c;
    s.pattern = p;
    return s;
}
}  // namespace

TEST(SdePlanting, AlphabetIsEq9) {
    const AttractorSet set(small(20, 4, Pattern::Blocks));
    // c = 1/8, beta = lambda = r = 1: a+- = (1 +- sqrt(1/2)) / 2.
    EXPECT_NEAR(set.aPlus(), (1.0 + std::sqrt(0.5)) / 2.0, 1e-15);
    EXPECT_NEAR(set.aMinus(), (1.0 - std::sqrt(0.5)) / 2.0, 1e-15);
    const auto& fn = set.functions();
    for (double a : {set.aPlus(), set.aMinus()}) EXPECT_NEAR(fn.f(a) + 1.0 * fn.g(a), 0.0, 1e-15);
}

TEST(SdePlanting, PatternsHaveTheDocumentedEntries) {
    const AttractorSet blocks(small(10, 3, Pattern::Blocks));  // L = 3, node 9 unused
    EXPECT_DOUBLE_EQ(blocks.points()(3, 1), blocks.aPlus());
    EXPECT_DOUBLE_EQ(blocks.points()(5, 1), blocks.aPlus());
    EXPECT_DOUBLE_EQ(blocks.points()(6, 1), 0.0);
    EXPECT_DOUBLE_EQ(blocks.points()(9, 2), 0.0);
    const AttractorSet minus(small(10, 3, Pattern::BlocksMinus));
    EXPECT_DOUBLE_EQ(minus.points()(3, 1), minus.aMinus());
    EXPECT_DOUBLE_EQ(minus.points()(4, 1), minus.aPlus());
    const AttractorSet canon(small(10, 3, Pattern::Canonical));
    EXPECT_DOUBLE_EQ(canon.points()(2, 2), canon.aPlus());
    EXPECT_DOUBLE_EQ(canon.points().col(2).sum(), canon.aPlus());
}

TEST(SdePlanting, EveryPointIsStationaryForAnyAtilde) {
    std::mt19937_64 rng(7);
    std::normal_distribution<double> normal(0.0, 1.0);
    for (Pattern p : {Pattern::Blocks, Pattern::BlocksMinus, Pattern::Canonical}) {
        const AttractorSet set(small(60, 5, p));
        Eigen::MatrixXd at(60, 60);
        for (int i = 0; i < at.size(); ++i) at.data()[i] = normal(rng);
        const Eigen::MatrixXd A = set.assemble(at);
        for (int l = 0; l < 5; ++l)
            EXPECT_LT(set.residual(A, l), 1e-12) << patternName(p) << " l=" << l;
        // The low-rank assembly equals the dense formula of eq 2.
        const Eigen::MatrixXd dense =
            at * (Eigen::MatrixXd::Identity(60, 60) - set.projector()) + set.ptilde();
        EXPECT_LT((A - dense).cwiseAbs().maxCoeff(), 1e-12);
        // eq 5: g(x_l) is an eigenvector of A with eigenvalue lambda = 1.
        const Eigen::VectorXd q = set.basis().col(2);
        EXPECT_LT((A * q - q).norm(), 1e-12);
    }
}

TEST(SdePlanting, PullBackIsTheAdjointOfAssembly) {
    // <dA, assemble(X) - assemble(0)> = <pullBack(dA), X> for any X: the chain rule through eq 2.
    const AttractorSet set(small(24, 3, Pattern::Blocks));
    std::mt19937_64 rng(3);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    Eigen::MatrixXf x(24, 24), dA(24, 24);
    for (int i = 0; i < x.size(); ++i) {
        x.data()[i] = normal(rng);
        dA.data()[i] = normal(rng);
    }
    const Eigen::MatrixXf lin =
        set.assemble(x) - set.assemble(Eigen::MatrixXf::Zero(24, 24).eval());
    EXPECT_NEAR((dA.array() * lin.array()).sum(), (set.pullBack(dA).array() * x.array()).sum(),
                1e-3);
}

TEST(SdePlanting, NearestAttractorAndDistances) {
    const AttractorSet set(small(12, 3, Pattern::Blocks));
    Eigen::MatrixXf s = set.points().cast<float>();
    s(0, 1) += 0.1f;
    const Eigen::VectorXi near = set.nearest(s);
    EXPECT_EQ(near[0], 0);
    EXPECT_EQ(near[1], 1);
    EXPECT_EQ(near[2], 2);
    const Eigen::MatrixXf d2 = set.distances2(s);
    EXPECT_NEAR(d2(1, 1), 0.01f, 1e-5f);
    const double a = set.aPlus();  // node 0 of x_0 is a+, s_1 has 0.1 there
    EXPECT_NEAR(d2(0, 1), float(7 * a * a + (a - 0.1) * (a - 0.1)), 1e-4f);
}

TEST(SdePlanting, ChecksNameTheRule) {
    SdeParams p = small(10, 20, Pattern::Blocks);
    try {
        p.check();
        FAIL() << "expected a rule";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("floor(n / classes)"), std::string::npos) << e.what();
    }
    p = small(10, 2, Pattern::Blocks);
    p.c = 0.3;  // beta^2 lambda^2 = 1 < 4 c = 1.2: no real a+-
    EXPECT_THROW(AttractorSet{p}, std::invalid_argument);
    p = small(10, 2, Pattern::Blocks);
    p.set("pattern", SdeParams::parse("pattern", "blocks-minus"));
    EXPECT_EQ(p.pattern, Pattern::BlocksMinus);
    EXPECT_THROW(p.set("nope", 1.0), std::invalid_argument);
}

TEST(SdePlanting, HopfieldPlantsToo) {
    SdeParams p = small(12, 3, Pattern::Blocks);
    p.node = NodeModel::Hopfield;
    p.lambda = 2.0;
    const AttractorSet set(p);
    EXPECT_NEAR(set.aMinus(), -set.aPlus(), 1e-12);
    EXPECT_NEAR(-set.aPlus() + 2.0 * std::tanh(set.aPlus()), 0.0, 1e-12);
    const Eigen::MatrixXd A = set.assemble(Eigen::MatrixXd::Zero(12, 12).eval());
    for (int l = 0; l < 3; ++l) EXPECT_LT(set.residual(A, l), 1e-12);
}
