// LyapunovSolver: J S + S J^T + Q = 0 by Bartels–Stewart on the real Schur form, checked against
// its defining identity (the residual) and against the Kronecker-product solve for small N, with
// complex-pair eigenvalues present (2x2 Schur blocks).
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <Eigen/Eigenvalues>
#include <random>

#include "sde/LyapunovSolver.h"

using namespace as::sde;

namespace {

Eigen::MatrixXd randomMatrix(int n, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> nd(0.0, 1.0);
    Eigen::MatrixXd m(n, n);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) m(i, j) = nd(rng);
    return m;
}

/// A stable J with complex pairs: a random matrix (eigenvalues spread over a disc of radius
/// ~sqrt(N)) shifted left of its spectral abscissa.
Eigen::MatrixXd stableJ(int n, std::uint32_t seed, double margin = 0.5) {
    Eigen::MatrixXd J = randomMatrix(n, seed) / std::sqrt(double(n));
    const Eigen::VectorXcd ev = J.eigenvalues();
    const double maxRe = ev.real().maxCoeff();
    J.diagonal().array() -= maxRe + margin;
    return J;
}

Eigen::MatrixXd spd(int n, std::uint32_t seed) {
    const Eigen::MatrixXd b = randomMatrix(n, seed);
    return b * b.transpose() / double(n) + 0.1 * Eigen::MatrixXd::Identity(n, n);
}

/// (I (x) J + J (x) I) vec S = -vec Q, dense.
Eigen::MatrixXd kroneckerSolve(const Eigen::MatrixXd& J, const Eigen::MatrixXd& Q) {
    const int n = int(J.rows());
    Eigen::MatrixXd K = Eigen::MatrixXd::Zero(n * n, n * n);
    const Eigen::MatrixXd I = Eigen::MatrixXd::Identity(n, n);
    for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b) {
            K.block(a * n, b * n, n, n) += I(a, b) * J;  // I (x) J
            K.block(a * n, b * n, n, n) += J(a, b) * I;  // J (x) I
        }
    const Eigen::VectorXd q = Eigen::Map<const Eigen::VectorXd>(Q.data(), n * n);
    const Eigen::VectorXd s = K.partialPivLu().solve(-q);
    return Eigen::Map<const Eigen::MatrixXd>(s.data(), n, n);
}

int complexPairs(const Eigen::MatrixXd& J) {
    const Eigen::VectorXcd ev = J.eigenvalues();
    int k = 0;
    for (int i = 0; i < ev.size(); ++i) k += ev[i].imag() > 1e-9;
    return k;
}

}  // namespace

TEST(Lyapunov, MatchesKroneckerSolveWithComplexPairs) {
    for (int n : {6, 10}) {
        const Eigen::MatrixXd J = stableJ(n, 11u + std::uint32_t(n));
        ASSERT_GT(complexPairs(J), 0) << "the test matrix should have 2x2 Schur blocks";
        const Eigen::MatrixXd Q = spd(n, 5u + std::uint32_t(n));
        const LyapunovResult r = LyapunovSolver::solve(J, Q);
        ASSERT_TRUE(r.solved) << r.message;
        EXPECT_LT(r.residual, 1e-10) << "n = " << n;
        const Eigen::MatrixXd K = kroneckerSolve(J, Q);
        EXPECT_LT((r.S - K).norm() / K.norm(), 1e-10) << "n = " << n;
        EXPECT_LT((r.S - r.S.transpose()).norm(), 1e-14 * r.S.norm());
        // A stable J and a positive definite Q give a positive definite covariance.
        EXPECT_GT(Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(r.S).eigenvalues().minCoeff(),
                  0.0);
        EXPECT_LT(r.maxRealPart, 0.0);
    }
}

TEST(Lyapunov, ScalarAndDiagonalCases) {
    // J = -k I: S = Q / (2k).
    const Eigen::MatrixXd Q = spd(5, 3u);
    const LyapunovResult r = LyapunovSolver::solve(-2.0 * Eigen::MatrixXd::Identity(5, 5), Q);
    ASSERT_TRUE(r.solved);
    EXPECT_LT((r.S - Q / 4.0).norm(), 1e-14);
    // One oscillator block [[-a, w], [-w, -a]] with Q = I: S = I / (2a).
    Eigen::MatrixXd J(2, 2);
    J << -0.3, 2.0, -2.0, -0.3;
    const LyapunovResult o = LyapunovSolver::solve(J, Eigen::MatrixXd::Identity(2, 2));
    ASSERT_TRUE(o.solved);
    EXPECT_NEAR(o.S(0, 0), 1.0 / 0.6, 1e-12);
    EXPECT_NEAR(o.S(1, 1), 1.0 / 0.6, 1e-12);
    EXPECT_NEAR(o.S(0, 1), 0.0, 1e-12);
}

TEST(Lyapunov, QuasiTriangularKernelSolvesGeneralRightHandSides) {
    // T Y + Y T^T = C with a non-symmetric C exercises every block combination.
    const Eigen::MatrixXd J = stableJ(9, 21u);
    Eigen::RealSchur<Eigen::MatrixXd> schur(J);
    Eigen::MatrixXd T = schur.matrixT();
    for (int j = 0; j < 9; ++j)
        for (int i = j + 2; i < 9; ++i) T(i, j) = 0.0;
    const Eigen::MatrixXd C = randomMatrix(9, 22u);
    const Eigen::MatrixXd Y = LyapunovSolver::solveQuasiTriangular(T, C);
    EXPECT_LT((T * Y + Y * T.transpose() - C).norm() / C.norm(), 1e-12);
}

TEST(Lyapunov, RefusesAnUnstableJacobian) {
    Eigen::MatrixXd J = -Eigen::MatrixXd::Identity(4, 4);
    J(2, 2) = 0.25;
    const LyapunovResult r = LyapunovSolver::solve(J, Eigen::MatrixXd::Identity(4, 4));
    EXPECT_FALSE(r.solved);
    EXPECT_NE(r.message.find("not stable"), std::string::npos) << r.message;
    EXPECT_NEAR(r.maxRealPart, 0.25, 1e-12);
    EXPECT_EQ(r.S.size(), 0);
    EXPECT_THROW(LyapunovSolver(Eigen::MatrixXd::Zero(3, 2)), std::invalid_argument);
    EXPECT_THROW(LyapunovSolver(J).solve(Eigen::MatrixXd::Identity(3, 3)), std::invalid_argument);
    Eigen::MatrixXd asym = Eigen::MatrixXd::Identity(4, 4);
    asym(0, 1) = 0.5;
    EXPECT_THROW(LyapunovSolver(-Eigen::MatrixXd::Identity(4, 4)).solve(asym),
                 std::invalid_argument);
}

TEST(Lyapunov, LargeRandomStableJacobian) {
    // N = 300 here (the 784 timing is measured by `attractor-cli sde lyapunov` and the docs).
    const int n = 300;
    const Eigen::MatrixXd J = stableJ(n, 7u, 0.2);
    const Eigen::MatrixXd Q = Eigen::MatrixXd::Identity(n, n);
    const LyapunovResult r = LyapunovSolver::solve(J, Q);
    ASSERT_TRUE(r.solved) << r.message;
    EXPECT_LT(r.residual, 1e-10);
}
