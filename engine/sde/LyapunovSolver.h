#pragma once
// The continuous Lyapunov equation of the linear noise approximation (seed 002, eq 16 at
// equilibrium)
//   J S + S J^T + Q = 0,   Q symmetric, J stable (every eigenvalue with Re < 0),
// solved by Bartels–Stewart on the real Schur form: J = U T U^T with T upper quasi-triangular
// (1x1 and 2x2 diagonal blocks, the latter for complex pairs), T Y + Y T^T = -U^T Q U is solved
// block column by block column from the last, and S = U Y U^T (symmetrised). The update of the
// right-hand side by the columns already solved is one matrix product per block column, so the
// cost is O(N^3) in dense kernels: N = 784 takes about a second.
//
// An unstable (or marginal) J has no stationary covariance: solve() then returns solved = false
// with a message naming the largest real part, and no S.
#include <Eigen/Core>
#include <string>

namespace as::sde {

struct LyapunovResult {
    bool solved = false;
    std::string message;       ///< why not solved (empty when solved)
    Eigen::MatrixXd S;         ///< the symmetric solution (empty when not solved)
    double residual = 0.0;     ///< |J S + S J^T + Q|_F / |Q|_F
    double maxRealPart = 0.0;  ///< max Re of J's eigenvalues (from the Schur form)
    double seconds = 0.0;      ///< wall time of the solve (Schur + substitution + residual)
};

class LyapunovSolver {
  public:
    /// Factorises J (real Schur). Throws std::invalid_argument if J is not square.
    explicit LyapunovSolver(const Eigen::MatrixXd& J);

    /// Largest real part of J's eigenvalues (read off the Schur form's diagonal blocks).
    double maxRealPart() const { return maxRe_; }
    bool stable() const { return maxRe_ < 0.0; }

    /// Solves J S + S J^T + Q = 0 for symmetric Q (N x N; throws std::invalid_argument on a size
    /// mismatch or a Q that is not symmetric to 1e-12 relative, or not finite). Reuses the
    /// factorisation, so several Q cost one Schur form.
    LyapunovResult solve(const Eigen::MatrixXd& Q) const;

    /// One-shot convenience.
    static LyapunovResult solve(const Eigen::MatrixXd& J, const Eigen::MatrixXd& Q);

    /// Solves T Y + Y T^T = C for upper quasi-triangular T (the kernel, exposed for tests).
    static Eigen::MatrixXd solveQuasiTriangular(const Eigen::MatrixXd& T, const Eigen::MatrixXd& C);

  private:
    Eigen::MatrixXd J_, U_, T_;
    double maxRe_ = 0.0;
    double schurSeconds_ = 0.0;
};

}  // namespace as::sde
