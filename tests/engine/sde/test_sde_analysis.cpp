// Jacobian of the drift and the linear noise approximation (seed 002 eq 8, 12–19, 27, Appendix B).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <random>
#include <string>

#include "sde/Jacobian.h"
#include "sde/LinearNoise.h"

using namespace as::sde;

namespace {

std::shared_ptr<const AttractorSet> plant(int n, int c, Pattern pattern,
                                          NodeModel node = NodeModel::Cvfr) {
    SdeParams p;
    p.n = n;
    p.classes = c;
    p.pattern = pattern;
    p.node = node;
    if (node == NodeModel::Hopfield) p.lambda = 2.0;
    return std::make_shared<AttractorSet>(p);
}

/// 400 samples from each of 64 trajectories, one every sampleEvery Euler–Maruyama steps of dt.
EmpiricalOptions sampling(double dt, int sampleEvery) {
    EmpiricalOptions o;
    o.dt = dt;
    o.samples = 400;
    o.sampleEvery = sampleEvery;
    o.trajectories = 64;
    return o;
}

Eigen::MatrixXd randomMatrix(int n, double scale, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> nd(0.0, scale);
    Eigen::MatrixXd m(n, n);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) m(i, j) = nd(rng);
    return m;
}

Eigen::MatrixXd zeros(int n) {
    return Eigen::MatrixXd::Zero(n, n);
}

}  // namespace

TEST(SdeJacobian, MatchesCentralFiniteDifferences) {
    for (NodeModel node : {NodeModel::Cvfr, NodeModel::Hopfield}) {
        const auto set = plant(8, 2, Pattern::Blocks, node);
        const Eigen::MatrixXd A = set->assemble(randomMatrix(8, 0.3, 3u));
        std::mt19937 rng(4u);
        std::uniform_real_distribution<double> u(-0.5, 1.2);
        Eigen::VectorXd x(8);
        for (int i = 0; i < 8; ++i) x[i] = u(rng);
        const Eigen::MatrixXd J = Jacobian::at(A, x, set->functions());
        const double h = 1e-6;
        for (int j = 0; j < 8; ++j) {
            Eigen::VectorXd xp = x, xm = x;
            xp[j] += h;
            xm[j] -= h;
            const Eigen::VectorXd col = (Jacobian::drift(A, xp, set->functions()) -
                                         Jacobian::drift(A, xm, set->functions())) /
                                        (2 * h);
            EXPECT_LT((col - J.col(j)).cwiseAbs().maxCoeff(), 1e-8) << "column " << j;
        }
    }
}

TEST(SdeJacobian, SpectrumSortedAndStabilityFlag) {
    Eigen::MatrixXd J(3, 3);
    J << -1, 0, 0, 0, -0.2, 3, 0, -3, -0.2;
    const Spectrum s = Jacobian::spectrum(J);
    ASSERT_EQ(s.eigenvalues.size(), 3);
    EXPECT_NEAR(s.eigenvalues[0].real(), -0.2, 1e-12);
    EXPECT_NEAR(s.eigenvalues[0].imag(), 3.0, 1e-12);  // ties: larger imaginary part first
    EXPECT_NEAR(s.eigenvalues[2].real(), -1.0, 1e-12);
    EXPECT_NEAR(s.maxImagPart, 3.0, 1e-12);
    EXPECT_TRUE(s.stable);
    J(0, 0) = 0.1;
    EXPECT_FALSE(Jacobian::spectrum(J).stable);
    EXPECT_THROW(
        Jacobian::at(zeros(3), Eigen::VectorXd::Zero(4), plant(6, 2, Pattern::Blocks)->functions()),
        std::invalid_argument);
}

TEST(SdeJacobian, Eq8BlockEigenvalueAtPlantedPointsForAnyAtilde) {
    for (Pattern pattern : {Pattern::Blocks, Pattern::Canonical}) {
        const auto set = plant(9, 3, pattern);
        const Eigen::MatrixXd A = set->assemble(randomMatrix(9, 0.4, 9u));
        const double a = set->aPlus();
        const double ev = Jacobian::blockEigenvalue(set->functions(), 1.0, a);
        // eq 8 with r = 1: -1 + lambda g'(a) < 0  <=>  c < lambda beta a / 2.
        EXPECT_LT(ev, 0.0);
        EXPECT_LT(0.125, a / 2.0);
        EXPECT_NEAR(ev, -1.0 + 2.0 * 0.125 / a, 1e-12);
        for (int l = 0; l < 3; ++l) {
            const Eigen::VectorXd x = set->points().col(l);
            const Eigen::VectorXd support = (x.array() != 0.0).cast<double>();
            const Eigen::MatrixXd J = Jacobian::at(A, x, set->functions());
            EXPECT_LT((J * support - ev * support).norm(), 1e-12) << "attractor " << l;
        }
    }
    // At Atilde = 0 that eigenvalue is the largest: the planted points are stable (max Re < 0).
    const auto set = plant(9, 3, Pattern::Blocks);
    const Spectrum s = Jacobian::spectrum(Jacobian::at(set->assemble(Eigen::MatrixXd(zeros(9))),
                                                       set->points().col(1), set->functions()));
    EXPECT_TRUE(s.stable);
    EXPECT_NEAR(s.maxRealPart, Jacobian::blockEigenvalue(set->functions(), 1.0, set->aPlus()),
                1e-10);
}

TEST(SdeJacobian, Eq27SpuriousAMinusPointIsUnstable) {
    // psi (eq 25): block l at a_-, the rest 0; stationary, with psi an eigenvector of eigenvalue
    // -1 + 2c/(beta a_-) > 0 (c = 1/8, beta = lambda = 1).
    const auto set = plant(6, 2, Pattern::Blocks);
    const Eigen::MatrixXd A = set->assemble(Eigen::MatrixXd(zeros(6)));
    Eigen::VectorXd psi = Eigen::VectorXd::Zero(6);
    psi.head(3).setConstant(set->aMinus());
    EXPECT_LT(Jacobian::drift(A, psi, set->functions()).cwiseAbs().maxCoeff(), 1e-14);
    const double eq27 = -1.0 + 2.0 * 0.125 / set->aMinus();
    EXPECT_GT(eq27, 0.0);
    EXPECT_NEAR(Jacobian::blockEigenvalue(set->functions(), 1.0, set->aMinus()), eq27, 1e-12);
    const Eigen::MatrixXd J = Jacobian::at(A, psi, set->functions());
    EXPECT_LT((J * psi - eq27 * psi).norm(), 1e-12);
    EXPECT_NEAR(Jacobian::spectrum(J).maxRealPart, eq27, 1e-10);
}

TEST(LinearNoiseApprox, CovarianceSolvesTheEps2LyapunovEquation) {
    const auto set = plant(6, 2, Pattern::Blocks);
    const Eigen::MatrixXd A = set->assemble(randomMatrix(6, 0.1, 5u));
    const Eigen::MatrixXd G = Eigen::MatrixXd::Identity(6, 6) + randomMatrix(6, 0.2, 6u);
    const double eps = 0.05;
    const LinearNoise ln(A, set, G, eps);
    for (int l = 0; l < 2; ++l) {
        const AttractorNoise a = ln.analyse(l);
        ASSERT_TRUE(a.shape.solved) << a.shape.message;
        EXPECT_LT(a.shape.residual, 1e-12);
        const Eigen::MatrixXd J = Jacobian::at(A, set->points().col(l), set->functions());
        const Eigen::MatrixXd Q = eps * eps * G * G.transpose();
        const Eigen::MatrixXd res = J * a.covariance + a.covariance * J.transpose() + Q;
        EXPECT_LT(res.norm() / Q.norm(), 1e-12);
    }
}

TEST(LinearNoiseApprox, EmpiricalCovarianceMatchesTheAnalyticOne) {
    const auto set = plant(6, 2, Pattern::Blocks);
    const Eigen::MatrixXd A = set->assemble(Eigen::MatrixXd(zeros(6)));
    // eps = 0.02: at 0.05 some trajectories escape over the a_- barrier of the empty block
    // (0.146 away) to the spurious point x_0 + x_1 within the run, and the samples are no longer
    // one Gaussian cloud.
    const LinearNoise ln(A, set, Eigen::MatrixXd(), 0.02);
    const AttractorNoise a = ln.analyse(0);
    ASSERT_TRUE(a.shape.solved);
    const EmpiricalOptions o = sampling(0.01, 20);
    const EmpiricalCovariance e = ln.empirical(0, o);
    ASSERT_FALSE(e.diverged);
    EXPECT_EQ(e.samples, 400L * 64L);
    // 25,600 correlated samples and the O(dt) bias of Euler–Maruyama: a few per cent.
    const double rel = LinearNoise::relativeDifference(e.covariance, a.covariance);
    EXPECT_LT(rel, 0.06);
    RecordProperty("relative_difference", std::to_string(rel));
    std::printf("empirical vs analytic covariance: relative Frobenius difference %.4f\n", rel);
    EXPECT_LT((e.mean - set->points().col(0)).cwiseAbs().maxCoeff(), 0.01);
    EXPECT_THROW(LinearNoise(A, set, Eigen::MatrixXd(), 0.0).empirical(0, o),
                 std::invalid_argument);
}

TEST(LinearNoiseApprox, EulerCovarianceSolvesTheSteinEquationAndTendsToTheContinuousOne) {
    const auto set = plant(6, 2, Pattern::Blocks);
    const Eigen::MatrixXd A = set->assemble(randomMatrix(6, 0.1, 8u));
    const Eigen::MatrixXd G = Eigen::MatrixXd::Identity(6, 6) + randomMatrix(6, 0.2, 9u);
    const LinearNoise ln(A, set, G, 0.05);
    const Eigen::MatrixXd sigma = ln.analyse(1).covariance;
    double previous = 1.0;
    for (double dt : {0.2, 0.1, 0.05, 0.01}) {
        const LyapunovResult e = ln.eulerCovariance(1, dt);
        ASSERT_TRUE(e.solved) << e.message;
        EXPECT_LT(e.residual, 1e-10) << "dt = " << dt;  // Stein residual
        const double rel = LinearNoise::relativeDifference(e.S, sigma);
        EXPECT_LT(rel, previous) << "dt = " << dt;  // O(dt) bias shrinking with dt
        EXPECT_LT(rel, 0.6 * dt) << "dt = " << dt;  // about dt |lambda| / 2 for lambda near -1
        previous = rel;
    }
    // Too large a step: the Euler map expands and there is no stationary covariance.
    EXPECT_FALSE(ln.eulerCovariance(1, 3.0).solved);
}

TEST(LinearNoiseApprox, EmpiricalAtALargeStepMatchesTheEulerCovariance) {
    const auto set = plant(6, 2, Pattern::Blocks);
    const LinearNoise ln(set->assemble(Eigen::MatrixXd(zeros(6))), set, Eigen::MatrixXd(), 0.02);
    EmpiricalOptions o = sampling(0.2, 5);
    o.burnTime = 10.0;
    const EmpiricalCovariance e = ln.empirical(0, o);
    ASSERT_FALSE(e.diverged);
    const double toEuler =
        LinearNoise::relativeDifference(e.covariance, ln.eulerCovariance(0, 0.2).S);
    const double toContinuous =
        LinearNoise::relativeDifference(e.covariance, ln.analyse(0).covariance);
    std::printf("dt = 0.2: empirical vs Euler covariance %.4f, vs continuous %.4f\n", toEuler,
                toContinuous);
    EXPECT_LT(toEuler, 0.05);
    EXPECT_LT(toEuler, toContinuous);
}

TEST(LinearNoiseApprox, MahalanobisIsotropicCase) {
    // Sigma = s^2 I gives Delta_lm = |x_l - x_m|^2 / s^2.
    const auto set = plant(9, 3, Pattern::Blocks);
    const double s = 0.3;
    const std::vector<Eigen::MatrixXd> cov(3, s * s * Eigen::MatrixXd::Identity(9, 9));
    const MahalanobisResult r = LinearNoise::mahalanobis(set->points(), cov);
    EXPECT_TRUE(r.note.empty());
    for (int l = 0; l < 3; ++l)
        for (int m = 0; m < 3; ++m)
            EXPECT_NEAR(r.delta(l, m),
                        (set->points().col(l) - set->points().col(m)).squaredNorm() / (s * s),
                        1e-10);
}

TEST(LinearNoiseApprox, MahalanobisAtEpsZeroUsesTheShapeAndScalesAsOneOverEps2) {
    const auto set = plant(6, 2, Pattern::Blocks);
    const Eigen::MatrixXd A = set->assemble(Eigen::MatrixXd(zeros(6)));
    const LinearNoise zero(A, set, Eigen::MatrixXd(), 0.0), some(A, set, Eigen::MatrixXd(), 0.1);
    std::vector<AttractorNoise> az{zero.analyse(0), zero.analyse(1)},
        as{some.analyse(0), some.analyse(1)};
    const MahalanobisResult rz = zero.mahalanobis(az), rs = some.mahalanobis(as);
    EXPECT_TRUE(rz.unitEps);
    EXPECT_NE(rz.note.find("eps = 0"), std::string::npos);
    EXPECT_FALSE(rs.unitEps);
    EXPECT_GT(rz.delta(0, 1), 0.0);
    EXPECT_NEAR(rs.delta(0, 1), rz.delta(0, 1) / 0.01, 1e-8 * rs.delta(0, 1));
    EXPECT_NEAR(rs.delta(1, 0), rz.delta(1, 0) / 0.01, 1e-8 * rs.delta(1, 0));
    EXPECT_EQ(rs.delta(0, 0), 0.0);
}

TEST(LinearNoiseApprox, SingularOrMissingCovarianceGivesNaNAndANote) {
    const auto set = plant(6, 2, Pattern::Blocks);
    Eigen::MatrixXd singular = Eigen::MatrixXd::Identity(6, 6);
    singular(5, 5) = 0.0;
    const MahalanobisResult r =
        LinearNoise::mahalanobis(set->points(), {singular, Eigen::MatrixXd()});
    EXPECT_TRUE(std::isnan(r.delta(0, 1)));
    EXPECT_TRUE(std::isnan(r.delta(1, 0)));
    EXPECT_NE(r.note.find("singular"), std::string::npos) << r.note;
    EXPECT_NE(r.note.find("no covariance"), std::string::npos) << r.note;
}

TEST(LinearNoiseApprox, UnstableAttractorHasNoCovariance) {
    // Atilde = 5 I pushes the in-block directions orthogonal to g_l to -1 + 5 g'(a+) > 0.
    const auto set = plant(6, 2, Pattern::Blocks);
    const Eigen::MatrixXd A = set->assemble(Eigen::MatrixXd(5.0 * Eigen::MatrixXd::Identity(6, 6)));
    const LinearNoise ln(A, set, Eigen::MatrixXd(), 0.1);
    const AttractorNoise a = ln.analyse(0);
    EXPECT_FALSE(a.spectrum.stable);
    EXPECT_FALSE(a.shape.solved);
    EXPECT_EQ(a.covariance.size(), 0);
    const MahalanobisResult r = ln.mahalanobis({a, ln.analyse(1)});
    EXPECT_TRUE(std::isnan(r.delta(0, 1)));
    EXPECT_NE(r.note.find("attractor(s) 0, 1 (Jacobian not stable)"), std::string::npos) << r.note;
    // Attractors left out of the analysis are not reported as unstable.
    const LinearNoise stable(set->assemble(Eigen::MatrixXd(zeros(6))), set, Eigen::MatrixXd(), 0.1);
    EXPECT_TRUE(stable.mahalanobis({stable.analyse(1)}).note.empty());
    EXPECT_THROW(ln.analyse(2), std::out_of_range);
}

TEST(LinearNoiseApprox, EffectiveEpsAppendixB) {
    EXPECT_NEAR(LinearNoise::effectiveEps(0.3 * Eigen::MatrixXd::Identity(10, 10)), 0.3, 1e-15);
    Eigen::MatrixXd G = Eigen::MatrixXd::Zero(4, 4);
    G(0, 1) = 2.0;  // Tr(G G^T) = 4, n = 4
    EXPECT_NEAR(LinearNoise::effectiveEps(G), 1.0, 1e-15);
    const auto set = plant(6, 2, Pattern::Blocks);
    EXPECT_THROW(LinearNoise(zeros(6), set, Eigen::MatrixXd::Identity(5, 5), 0.1),
                 std::invalid_argument);
    EXPECT_THROW(LinearNoise(zeros(6), set, Eigen::MatrixXd(), -1.0), std::invalid_argument);
}
