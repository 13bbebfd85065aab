// Langevin sampling (seed 002 §VI.1, Fig. 14): the noise matrix G_T derived from the stationary
// Lyapunov equation reproduces the covariance it was derived from (residual ~ 1e-12 when Q is
// positive definite), an indefinite Q is clipped and says so, and a long chain of the latent CVFR
// with G_T, started at the attractor, has the target covariance (small noise: the linear regime).
#include <gtest/gtest.h>

#include <cstdlib>
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
    const Eigen::VectorXd xbar = lat.attractors().points().col(1);
    EXPECT_LT((chain.cast<double>().rowwise().mean() - xbar).norm(), 0.01);
    const Eigen::MatrixXd cov = chainCovariance(chain, 8, 200, xbar);
    const double rel = (cov - parts[1].aboutAttractor).norm() / parts[1].aboutAttractor.norm();
    std::printf("[ info ] chain covariance vs Sigma: %.3f relative (Frobenius)\n", rel);
    EXPECT_LT(rel, 0.10);
    EXPECT_EQ(chain.col(0), xbar.cast<float>());
}

// A trained-like target: d = 20 and three planted attractors as in gen_012.h5, Sigma_T the spread
// about the attractor of the x(T) of a wide cloud of x(0) (as encoded training images are; tr
// Sigma_T = 0.27, gen_012.h5 has 0.31-0.55), not a stationary covariance. At the full scale the
// chain leaves the linear region around the attractor (measured: 46 x Sigma_T; 53-69 x for
// gen_012.h5, docs/models/generator.md): this checks that the limitation is still there. With a
// small target scale s (Sigma = s^2 Sigma_T, G = s G_T) the chain is in the linear-noise regime and
// matches s^2 Sigma_T within 10 % (measured 4.3 % at s = 0.03; where the regime begins depends on
// the shape of Sigma_T: gen_012.h5 is within 10 % from s = 0.1).
TEST(GeneratorLangevin, SmallTargetScaleMatchesATrainedLikeCovariance) {
    GeneratorParams p;
    p.hidden = 8;
    ASSERT_EQ(p.latentDim, 20);
    GeneratorModel m(p, 16, {0, 1, 2});
    m.setAtilde(randomMatrix(20, 20, 0.1, 5).cast<float>());
    const Eigen::MatrixXd xbar = m.latent().attractors().points();
    const int per = 2000;
    Eigen::MatrixXf x0(20, 3 * per);
    Eigen::VectorXi labels(3 * per);
    std::mt19937_64 rng(7);
    std::normal_distribution<float> normal(0.0f, 0.2f);
    for (int i = 0; i < 3 * per; ++i) {
        labels[i] = i / per;
        for (int k = 0; k < 20; ++k) x0(k, i) = float(xbar(k, labels[i])) + normal(rng);
    }
    m.setStats(LatentStats::estimate(m.evolve(x0, 3), labels, xbar));
    const int l = 1, steps = 40000, every = 10, chains = 8;
    auto relativeError = [&](double s, double* ratio) {
        const LangevinNoise n = langevinNoise(m, l, LatentCentre::Attractor, s);
        EXPECT_TRUE(n.positiveDefinite);
        EXPECT_LT(n.residual, 1e-10);
        const Eigen::MatrixXf chain = langevinChain(m, l, n, steps, every, 13, chains);
        const int skip = (langevinBurnIn(n, m.latent().params().dt) + every - 1) / every;
        const Eigen::MatrixXd sigma = s * s * m.stats().at(l).aboutAttractor;
        const Eigen::MatrixXd cov = chainCovariance(chain, chains, skip, xbar.col(l));
        *ratio = cov.norm() / sigma.norm();
        const double rel = (cov - sigma).norm() / sigma.norm();
        std::printf(
            "[ info ] s = %.2f: tr s^2 Sigma_T %.4f, chain covariance vs s^2 Sigma_T %.3f "
            "(Frobenius, relative), norm ratio %.2f\n",
            s, sigma.trace(), rel, *ratio);
        return rel;
    };
    double ratio = 0.0;
    relativeError(1.0, &ratio);
    EXPECT_GT(ratio, 5.0);
    EXPECT_LT(relativeError(0.03, &ratio), 0.10);
}

TEST(GeneratorLangevin, BurnInAndChainCovarianceChecks) {
    LangevinNoise n;
    n.maxRealPart = -0.5;
    EXPECT_EQ(langevinBurnIn(n, 0.1), 100);  // 5 / (0.5 * 0.1)
    n.maxRealPart = 0.1;
    EXPECT_THROW(langevinBurnIn(n, 0.1), std::invalid_argument);
    // Two chains of three states each; the first state of each skipped.
    Eigen::MatrixXf st(1, 6);
    st << 9, 1, 3, 9, -1, -3;
    const Eigen::MatrixXd c = chainCovariance(st, 2, 1, Eigen::VectorXd::Zero(1));
    EXPECT_DOUBLE_EQ(c(0, 0), (1 + 9 + 1 + 9) / 3.0);
    EXPECT_THROW(chainCovariance(st, 4, 0, Eigen::VectorXd::Zero(1)), std::invalid_argument);
    EXPECT_THROW(chainCovariance(st, 2, 3, Eigen::VectorXd::Zero(1)), std::invalid_argument);
}
