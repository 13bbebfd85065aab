// SDE integration (seed 002 §IV): planted points stay put under Euler for any Atilde, eq 10 points
// are linearly stable with Atilde = 0 (eq 8), the fused kernel matches NodeFunctions, the noise is
// reproducible (seed, thread count, batch split), classification, and the divergence flag.
#include <gtest/gtest.h>
#include <omp.h>

#include <Eigen/Dense>
#include <cmath>
#include <limits>

#include "sde/BpttKernel.h"
#include "sde/GaussianNoise.h"
#include "sde/NodeKernel.h"
#include "sde/SdeIntegrator.h"
#include "sde/SdeModel.h"
#include "tests/engine/RandomMatrix.h"
#include "tests/engine/sde/SmallSde.h"

using namespace as::sde;
using as::test::randomMatrix;

namespace {

SdeParams small(int n, int c) {
    return as::test::smallSde(n, c, 100, 10);
}

}  // namespace

TEST(SdeIntegrator, PlantedPointsAreStationaryForRandomAtilde) {
    SdeModel model(small(30, 3));
    const Eigen::MatrixXd at = randomMatrix(30, 30, 0.5f, 3).cast<double>();
    const Eigen::MatrixXd A = model.attractors().assemble(at);
    for (int l = 0; l < 3; ++l)
        EXPECT_LT(model.attractors().residual(A, l), 1e-10) << "attractor " << l;

    // A float Euler run started at x_l stays there (random Atilde, eps = 0).
    model.setAtilde(at.cast<float>());
    const Eigen::MatrixXf x0 = model.attractors().points().cast<float>();
    const RunResult r = SdeIntegrator(model).run(x0);
    EXPECT_FALSE(r.diverged);
    EXPECT_LT((r.final - x0).cwiseAbs().maxCoeff(), 1e-4f);
    for (int l = 0; l < 3; ++l) EXPECT_EQ(r.predicted[l], l);
}

TEST(SdeIntegrator, Eq10PointsAreLinearlyStableWithZeroAtilde) {
    // Eq 8: J = diag(f'(x_l)) + A diag(g'(x_l)); with Atilde = 0 every eigenvalue has Re < 0.
    SdeModel model(small(24, 4));
    const AttractorSet& set = model.attractors();
    const Eigen::MatrixXd A = set.assemble(Eigen::MatrixXd(Eigen::MatrixXd::Zero(24, 24)));
    for (int l = 0; l < 4; ++l) {
        Eigen::MatrixXd J = A;
        for (int j = 0; j < 24; ++j) J.col(j) *= set.functions().dg(set.points()(j, l));
        for (int i = 0; i < 24; ++i) J(i, i) += set.functions().df(set.points()(i, l));
        const double maxRe = Eigen::EigenSolver<Eigen::MatrixXd>(J).eigenvalues().real().maxCoeff();
        EXPECT_LT(maxRe, -1e-3) << "attractor " << l;
    }
    // ... so a small perturbation decays back.
    Eigen::MatrixXf x0 = set.points().cast<float>() + randomMatrix(24, 4, 0.02f, 5);
    const RunResult r = SdeIntegrator(model).run(x0);
    EXPECT_LT((r.final - set.points().cast<float>()).cwiseAbs().maxCoeff(), 2e-3f);
}

TEST(SdeIntegrator, FusedKernelMatchesNodeFunctions) {
    for (NodeModel nm : {NodeModel::Cvfr, NodeModel::Hopfield}) {
        SdeParams p = small(12, 3);
        p.node = nm;
        p.lambda = 2.0;
        const auto fn = NodeFunctions::make(p.nodeParams());
        const NodeKernel<double> k(p);
        std::vector<double> x{-2.0, -0.3, 0.0, 0.1, 0.5, 0.9, 1.7, 4.0}, g(8), dg(8), g2(8);
        k.gAndSlope(x.data(), g.data(), dg.data(), 8);
        k.g(x.data(), g2.data(), 8);
        for (int i = 0; i < 8; ++i) {
            EXPECT_NEAR(g[i], fn->g(x[i]), 1e-14);
            EXPECT_NEAR(g2[i], fn->g(x[i]), 1e-14);
            EXPECT_NEAR(dg[i], fn->dg(x[i]), 1e-14);
        }
    }
}

TEST(SdeIntegrator, GaussianBlocksAreStandardNormalAndKeyed) {
    std::vector<float> a(100001), b(100001);
    gaussianBlock(7, 3, 11, a.data(), int(a.size()));
    gaussianBlock(7, 3, 11, b.data(), int(b.size()));
    EXPECT_EQ(a, b);
    double mean = 0, var = 0;
    for (float v : a) mean += v;
    mean /= double(a.size());
    for (float v : a) var += (v - mean) * (v - mean);
    var /= double(a.size());
    EXPECT_NEAR(mean, 0.0, 0.01);  // 3 sigma of the mean is 0.0095
    EXPECT_NEAR(var, 1.0, 0.015);
    gaussianBlock(7, 3, 12, b.data(), int(b.size()));
    EXPECT_NE(a, b);
    gaussianBlock(7, 4, 11, b.data(), int(b.size()));
    EXPECT_NE(a, b);
    std::vector<double> d(11);
    gaussianBlock(7, 3, 11, d.data(), 11);
    for (int i = 0; i < 11; ++i) EXPECT_NEAR(d[i], a[i], 1e-5);
}

TEST(SdeIntegrator, NoiseIsReproducibleAcrossThreadsAndBatchSplits) {
    SdeParams p = small(300, 3);
    p.eps = 0.2;
    p.steps = 20;  // short: two-thread runs crawl on a loaded machine
    p.averageSteps = 5;
    SdeModel model(p);
    model.setAtilde(randomMatrix(300, 300, 0.05f, 9));
    const Eigen::MatrixXf x0 = randomMatrix(300, 120, 0.5f, 10).cwiseAbs();
    RunOptions o;
    o.seed = 42;
    o.recordEvery = 5;
    o.recordNodes = {0, 150, 299};
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const RunResult one = SdeIntegrator(model).run(x0, o);
    omp_set_num_threads(2);
    const RunResult two = SdeIntegrator(model).run(x0, o);
    omp_set_num_threads(threads);
    EXPECT_EQ(one.final, two.final);  // bit for bit (two threads: each integrates half the columns)
    EXPECT_EQ(one.lateAverage, two.lateAverage);
    EXPECT_EQ(one.predicted, two.predicted);
    ASSERT_EQ(two.recorded.size(), 5u);
    for (std::size_t k = 0; k < 5; ++k) EXPECT_EQ(one.recorded[k], two.recorded[k]);
    EXPECT_EQ(two.recordTimes, one.recordTimes);
    // Columns 50.. run on their own with columnOffset 50 see the same noise.
    RunOptions tail = o;
    tail.columnOffset = 50;
    const RunResult part = SdeIntegrator(model).run(x0.rightCols(70), tail);
    EXPECT_LT((part.final - two.final.rightCols(70)).cwiseAbs().maxCoeff(), 1e-6f);
    // Another seed gives another path.
    o.seed = 43;
    EXPECT_GT((SdeIntegrator(model).run(x0, o).final - two.final).cwiseAbs().maxCoeff(), 1e-3f);
}

TEST(SdeIntegrator, TrainingForwardPassIsTheIntegratorsRun) {
    SdeParams p = small(40, 4);
    p.eps = 0.3;
    p.steps = 30;
    SdeModel model(p);
    model.setAtilde(randomMatrix(40, 40, 0.2f, 12));
    const Eigen::MatrixXf x0 = randomMatrix(40, 6, 0.5f, 13).cwiseAbs();
    Eigen::VectorXi labels(6);
    labels << 0, 1, 2, 3, 0, 1;
    RunOptions o;
    o.seed = 77;
    const RunResult r = SdeIntegrator(model).run(x0, o);
    double expected = 0;
    for (int j = 0; j < 6; ++j)
        expected += (r.final.col(j) - model.attractors().points().col(labels[j]).cast<float>())
                        .squaredNorm();
    expected /= 6;
    BpttProblem<float> pr;
    pr.params = &model.params();
    pr.attractors = &model.attractors();
    pr.A = &model.A();
    BpttBuffers<float> buf;
    Eigen::VectorXi pred;
    EXPECT_NEAR(bpttLoss(pr, x0, labels, 77, buf, &pred), expected, 1e-5 * expected);
    EXPECT_EQ(pred, r.predicted);
}

TEST(SdeIntegrator, RecordsAndLateAverage) {
    SdeParams p = small(12, 3);
    p.steps = 20;
    p.averageSteps = 20;
    SdeModel model(p);
    const Eigen::MatrixXf x0 = randomMatrix(12, 2, 0.5f, 1).cwiseAbs();
    RunOptions o;
    o.recordEvery = 5;
    o.recordNodes = {0, 7};
    const RunResult r = SdeIntegrator(model).run(x0, o);
    ASSERT_EQ(r.recorded.size(), 5u);  // t = 0, 0.5, 1.0, 1.5, 2.0
    EXPECT_FLOAT_EQ(r.recordTimes[4], 2.0f);
    EXPECT_EQ(r.recorded[0].rows(), 2);
    EXPECT_EQ(r.recorded[0](1, 1), x0(7, 1));
    EXPECT_EQ(r.recorded[4](0, 0), r.final(0, 0));
    // Stepping by hand gives the same states; their mean is the late average.
    Eigen::MatrixXf x = x0, sum = Eigen::MatrixXf::Zero(12, 2);
    SdeIntegrator integ(model);
    for (int t = 0; t < 20; ++t) {
        integ.step(x, 1, std::uint64_t(t));
        sum += x;
    }
    EXPECT_LT((x - r.final).cwiseAbs().maxCoeff(), 1e-6f);
    EXPECT_LT((sum / 20.0f - r.lateAverage).cwiseAbs().maxCoeff(), 1e-6f);
    EXPECT_THROW(SdeIntegrator(model).run(Eigen::MatrixXf::Zero(11, 1)), std::invalid_argument);
    o.recordNodes = {12};
    EXPECT_THROW(SdeIntegrator(model).run(x0, o), std::invalid_argument);
}

TEST(SdeIntegrator, NonFiniteColumnsAreFlaggedNotSpread) {
    SdeModel model(small(12, 3));
    Eigen::MatrixXf x0 = model.attractors().points().cast<float>();
    x0(2, 1) = std::numeric_limits<float>::quiet_NaN();
    const RunResult r = SdeIntegrator(model).run(x0);
    EXPECT_TRUE(r.diverged);
    EXPECT_EQ(r.divergedStep, 1);
    EXPECT_EQ(r.predicted[0], 0);
    EXPECT_EQ(r.predicted[1], -1);
    EXPECT_EQ(r.predicted[2], 2);
    EXPECT_TRUE(r.final.col(0).allFinite());
}

TEST(SdeIntegrator, ClassifyInChunksAndAccuracy) {
    SdeParams p = small(30, 3);
    p.eps = 0.05;
    SdeModel model(p);
    // Items near each attractor: 300 columns (two chunks of 256).
    const Eigen::MatrixXf pts = model.attractors().points().cast<float>();
    Eigen::MatrixXf x0(30, 300);
    Eigen::VectorXi labels(300);
    const Eigen::MatrixXf jitter = randomMatrix(30, 300, 0.05f, 4);
    for (int j = 0; j < 300; ++j) {
        labels[j] = j % 3;
        x0.col(j) = pts.col(j % 3) + jitter.col(j);
    }
    const Eigen::VectorXi pred = classify(model, x0, 5);
    EXPECT_DOUBLE_EQ(accuracy(pred, labels), 1.0);
    RunOptions o;
    o.seed = 5;
    o.columnOffset = 256;
    EXPECT_EQ(SdeIntegrator(model).run(x0.rightCols(44), o).predicted, pred.tail(44));
    EXPECT_THROW(accuracy(pred, labels.head(3)), std::invalid_argument);
}

TEST(SdeModel, SetParamsKeepsWeightsUnlessStructural) {
    SdeParams p = small(12, 3);
    SdeModel model(p);
    model.setAtilde(Eigen::MatrixXf::Constant(12, 12, 0.1f));
    model.setTrainedG(Eigen::MatrixXf::Identity(12, 12) * 2.0f);
    EXPECT_EQ(model.noiseMatrix(), nullptr);  // noise = identity
    p.noise = NoiseKind::Trained;
    p.eps = 0.3;
    model.setParams(p);
    EXPECT_EQ(model.noiseMatrix(), &model.trainedG());
    EXPECT_FLOAT_EQ(model.atilde()(3, 4), 0.1f);
    p.lambda = 1.5;
    model.setParams(p);
    EXPECT_FLOAT_EQ(model.atilde()(3, 4), 0.0f);
    EXPECT_FALSE(model.hasTrainedG());
    EXPECT_THROW(model.setAtilde(Eigen::MatrixXf::Zero(11, 12)), std::invalid_argument);
    p.dt = 2.0;
    EXPECT_THROW(model.setParams(p), std::invalid_argument);
    EXPECT_DOUBLE_EQ(model.params().dt, 0.1);
}
