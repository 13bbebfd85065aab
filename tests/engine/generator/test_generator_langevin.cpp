// Langevin sampling (seed 002 §VI.1, Fig. 14): the noise matrix G_T derived from the stationary
// Lyapunov equation reproduces the covariance it was derived from (residual ~ 1e-12 when Q is
// positive definite), an indefinite Q is clipped and says so, and a long chain of the latent CVFR
// with G_T, started at the attractor, has the target covariance (small noise: the linear regime).
#include <gtest/gtest.h>

#include <random>

#include "generator/LangevinSampler.h"
#include "sde/Jacobian.h"
#include "sde/LyapunovSolver.h"
#include "tests/engine/RandomMatrix.h"

using namespace as::generator;

using as::test::randomMatrix;

TEST(GeneratorLangevin, DerivedNoiseReproducesTheCovariance) {
    const int d = 8;
    const Eigen::MatrixXd J = -1.5 * Eigen::MatrixXd::Identity(d, d) + randomMatrix(d, d, 0.3, 1);
    const Eigen::MatrixXd G0 = randomMatrix(d, d, 0.5, 2);
    const as::sde::LyapunovResult r = as::sde::LyapunovSolver::solve(J, G0 * G0.transpose());
    ASSERT_TRUE(r.solved);
    const LangevinNoise n = noiseForCovariance(J, r.S);
    EXPECT_TRUE(n.positiveDefinite);
    EXPECT_EQ(n.clippedCount, 0);
    ASSERT_TRUE(n.solved);
    EXPECT_LT(n.residual, 1e-10);
    EXPECT_LT((n.G * n.G.transpose() - G0 * G0.transpose()).norm() / (G0 * G0.transpose()).norm(),
              1e-10);
}

TEST(GeneratorLangevin, IndefiniteQIsClippedAndReported) {
    Eigen::Matrix2d J, S;
    J << -1, 5, 0, -1;  // non-normal: Q = -(J + J^T) for S = I has eigenvalues 7 and -3
    S.setIdentity();
    const LangevinNoise n = noiseForCovariance(J, S);
    EXPECT_FALSE(n.positiveDefinite);
    EXPECT_EQ(n.clippedCount, 1);
    EXPECT_DOUBLE_EQ(n.clippedFraction, 0.5);
    EXPECT_NEAR(n.clippedWeight, 0.3, 1e-12);
    ASSERT_TRUE(n.solved);
    EXPECT_GT(n.residual, 0.05);  // the clipped G cannot give back Sigma exactly
    EXPECT_NE(n.message.find("clipped"), std::string::npos);
}

TEST(GeneratorLangevin, LongChainHasTheTargetCovariance) {
    GeneratorParams p;
    p.latentDim = 4;
    p.hidden = 8;
    GeneratorModel m(p, 16, {0, 1});
    m.setAtilde(randomMatrix(4, 4, 0.3, 3).cast<float>());
    // Target: the linear-noise covariance of G0 = 0.02 (I + small), tiny, so the chain stays
    // linear.
    const as::sde::SdeModel& lat = m.latent();
    std::vector<ClassStats> parts;
    for (int l = 0; l < 2; ++l) {
        const Eigen::VectorXd xbar = lat.attractors().points().col(l);
        const Eigen::MatrixXd J =
            as::sde::Jacobian::at(lat.A().cast<double>(), xbar, lat.attractors().functions());
        const Eigen::MatrixXd G0 =
            0.02 * (Eigen::MatrixXd::Identity(4, 4) + randomMatrix(4, 4, 0.2, 4 + l));
        const as::sde::LyapunovResult r = as::sde::LyapunovSolver::solve(J, G0 * G0.transpose());
        ASSERT_TRUE(r.solved);
        ClassStats s;
        s.count = 1000;
        s.attractor = s.mean = xbar;
        s.aboutAttractor = s.aboutMean = r.S;
        parts.push_back(s);
    }
    m.setStats(LatentStats::fromParts(parts));
    const LangevinNoise n = langevinNoise(m, 1);
    ASSERT_TRUE(n.positiveDefinite);
    EXPECT_LT(n.residual, 1e-9);
    // 8 chains x 40,000 steps of dt = 0.03 (model time 1,200 each), every 10th state after the
    // first 2,000.
    const Eigen::MatrixXf chain = langevinChain(m, 1, n, 40000, 10, 11, 8);
    const int per = 40000 / 10 + 1, burn = 200;
    Eigen::MatrixXd x(4, 8 * (per - burn));
    for (int c = 0; c < 8; ++c)
        x.middleCols(c * (per - burn), per - burn) =
            chain.middleCols(c * per + burn, per - burn).cast<double>();
    const Eigen::VectorXd xbar = lat.attractors().points().col(1);
    EXPECT_LT((x.rowwise().mean() - xbar).norm(), 0.01);
    const Eigen::MatrixXd c = x.colwise() - xbar;
    const Eigen::MatrixXd cov = c * c.transpose() / double(x.cols() - 1);
    const double rel = (cov - parts[1].aboutAttractor).norm() / parts[1].aboutAttractor.norm();
    std::printf("[ info ] chain covariance vs Sigma: %.3f relative (Frobenius)\n", rel);
    EXPECT_LT(rel, 0.10);
    EXPECT_EQ(chain.col(0), xbar.cast<float>());
}
