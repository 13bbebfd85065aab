#include "sde/LyapunovSolver.h"

#include <Eigen/Eigenvalues>
#include <Eigen/LU>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "core/ParamAccess.h"

namespace as::sde {
namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

/// Start index of each diagonal block of the quasi-triangular T (a 2x2 block has T(i+1, i) != 0).
std::vector<Eigen::Index> blockStarts(const Eigen::MatrixXd& T) {
    std::vector<Eigen::Index> starts;
    const Eigen::Index n = T.rows();
    for (Eigen::Index i = 0; i < n;) {
        starts.push_back(i);
        i += (i + 1 < n && T(i + 1, i) != 0.0) ? 2 : 1;
    }
    starts.push_back(n);
    return starts;
}

using Small = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, 4, 4>;
using SmallVec = Eigen::Matrix<double, Eigen::Dynamic, 1, 0, 4, 1>;

/// Solves T Y + Y S^T = R in place (R becomes Y) for upper quasi-triangular T (N x N, block starts
/// given) and a 1x1 or 2x2 block S, by back substitution over T's diagonal blocks.
void solveColumnBlock(const Eigen::MatrixXd& T, const std::vector<Eigen::Index>& starts,
                      const Eigen::MatrixXd& S, Eigen::Ref<Eigen::MatrixXd> R) {
    const Eigen::Index s = S.rows();
    for (std::size_t b = starts.size() - 1; b-- > 0;) {
        const Eigen::Index i0 = starts[b], p = starts[b + 1] - i0;
        if (p == 1 && s == 1) {
            const double y = R(i0, 0) / (T(i0, i0) + S(0, 0));
            R(i0, 0) = y;
            if (i0 > 0) R.col(0).head(i0).noalias() -= y * T.col(i0).head(i0);
            continue;
        }
        // (I_s (x) T_ii + S (x) I_p) vec(Y_i) = vec(R_i), at most 4 x 4.
        Small M = Small::Zero(p * s, p * s);
        for (Eigen::Index a = 0; a < s; ++a) {
            M.block(a * p, a * p, p, p) += T.block(i0, i0, p, p);
            for (Eigen::Index c = 0; c < s; ++c)
                M.block(a * p, c * p, p, p).diagonal().array() += S(a, c);
        }
        SmallVec rhs(p * s);
        for (Eigen::Index c = 0; c < s; ++c) rhs.segment(c * p, p) = R.block(i0, c, p, 1);
        const SmallVec y = M.fullPivLu().solve(rhs);
        for (Eigen::Index c = 0; c < s; ++c) R.block(i0, c, p, 1) = y.segment(c * p, p);
        if (i0 > 0) R.topRows(i0).noalias() -= T.block(0, i0, i0, p) * R.middleRows(i0, p);
    }
}

}  // namespace

LyapunovSolver::LyapunovSolver(const Eigen::MatrixXd& J) : J_(J) {
    if (J.rows() != J.cols() || J.rows() == 0)
        throw std::invalid_argument("LyapunovSolver: J must be a non-empty square matrix");
    const auto t0 = Clock::now();
    Eigen::RealSchur<Eigen::MatrixXd> schur(J, /*computeU=*/true);
    if (schur.info() != Eigen::Success)
        throw std::runtime_error("LyapunovSolver: the real Schur form did not converge");
    U_ = schur.matrixU();
    T_ = schur.matrixT();
    // Exact zeros below the quasi-triangle (Eigen leaves tiny values under deflated blocks).
    const Eigen::Index n = T_.rows();
    for (Eigen::Index j = 0; j < n; ++j)
        for (Eigen::Index i = j + 2; i < n; ++i) T_(i, j) = 0.0;
    maxRe_ = -std::numeric_limits<double>::infinity();
    const auto starts = blockStarts(T_);
    for (std::size_t b = 0; b + 1 < starts.size(); ++b) {
        const Eigen::Index i = starts[b];
        const double re = (starts[b + 1] - i == 1) ? T_(i, i) : 0.5 * (T_(i, i) + T_(i + 1, i + 1));
        maxRe_ = std::max(maxRe_, re);
    }
    schurSeconds_ = since(t0);
}

Eigen::MatrixXd LyapunovSolver::solveQuasiTriangular(const Eigen::MatrixXd& T,
                                                     const Eigen::MatrixXd& C) {
    const Eigen::Index n = T.rows();
    if (T.cols() != n || C.rows() != n || C.cols() != n)
        throw std::invalid_argument("solveQuasiTriangular: T and C must be N x N");
    const auto starts = blockStarts(T);
    Eigen::MatrixXd Y = C;
    // Column blocks from the last: (Y T^T)_{:,b} = Y_b T_bb^T + Y_{:,after} T_{b,after}^T.
    for (std::size_t b = starts.size() - 1; b-- > 0;) {
        const Eigen::Index j0 = starts[b], s = starts[b + 1] - j0, after = n - j0 - s;
        if (after > 0)
            Y.middleCols(j0, s).noalias() -=
                Y.rightCols(after) * T.block(j0, j0 + s, s, after).transpose();
        const Eigen::MatrixXd S = T.block(j0, j0, s, s);
        solveColumnBlock(T, starts, S, Y.middleCols(j0, s));
    }
    return Y;
}

LyapunovResult LyapunovSolver::solve(const Eigen::MatrixXd& Q) const {
    const Eigen::Index n = J_.rows();
    if (Q.rows() != n || Q.cols() != n)
        throw std::invalid_argument("LyapunovSolver: Q must be " + std::to_string(n) + " x " +
                                    std::to_string(n));
    const double qmax = Q.cwiseAbs().maxCoeff();
    if (!((Q - Q.transpose()).cwiseAbs().maxCoeff() <= 1e-12 * qmax))
        throw std::invalid_argument(
            "LyapunovSolver: Q must be symmetric and finite (the solution is symmetrised)");
    LyapunovResult r;
    r.maxRealPart = maxRe_;
    if (!(maxRe_ < 0.0)) {
        r.message = "J is not stable (largest real part of its eigenvalues " +
                    formatNumber(maxRe_) + " >= 0): no stationary covariance";
        return r;
    }
    const auto t0 = Clock::now();
    const Eigen::MatrixXd C = -(U_.transpose() * Q * U_);
    const Eigen::MatrixXd Y = solveQuasiTriangular(T_, C);
    Eigen::MatrixXd S = U_ * Y * U_.transpose();
    r.S = 0.5 * (S + S.transpose());
    Eigen::MatrixXd res = J_ * r.S;
    res += res.transpose().eval();
    res += Q;
    const double qn = Q.norm();
    r.residual = qn > 0.0 ? res.norm() / qn : res.norm();
    r.solved = std::isfinite(r.residual);
    if (!r.solved) r.message = "the Lyapunov solution is not finite (J is too close to singular)";
    r.seconds = schurSeconds_ + since(t0);
    return r;
}

LyapunovResult LyapunovSolver::solve(const Eigen::MatrixXd& J, const Eigen::MatrixXd& Q) {
    return LyapunovSolver(J).solve(Q);
}

}  // namespace as::sde
