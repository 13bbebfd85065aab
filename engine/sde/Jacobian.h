#pragma once
// The linearisation of the deterministic drift of the coupled SDE (seed 002, eq 1 with eps = 0)
//   F(x) = f(x) + A g(x)                       (f, g elementwise)
//   J(x) = dF/dx = diag(f'(x)) + A diag(g'(x))
// The paper's eq 13 writes J_ij = f'(x_i) delta_ij + g'(x_j) and leaves the factor A_ij implicit;
// this is the exact Jacobian. Its spectrum decides linear stability (max Re < 0) and is the paper's
// Fig. 6 diagnostic.
#include <Eigen/Core>

#include "sde/NodeFunctions.h"

namespace as::sde {

/// The eigenvalues of a Jacobian, sorted by real part, largest first (ties: larger imaginary part
/// first), with the stability verdict.
struct Spectrum {
    Eigen::VectorXcd eigenvalues;  ///< all N eigenvalues, Re descending
    double maxRealPart = 0.0;      ///< Re of eigenvalues[0]
    double minRealPart = 0.0;      ///< Re of the last eigenvalue
    double maxImagPart = 0.0;      ///< max |Im|: non-zero means oscillatory convergence
    bool stable = false;           ///< maxRealPart < 0 (linear stability of the point)
};

class Jacobian {
  public:
    /// F(x) = f(x) + A g(x).
    static Eigen::VectorXd drift(const Eigen::MatrixXd& A, const Eigen::VectorXd& x,
                                 const NodeFunctions& fn);
    /// J(x) = diag(f'(x)) + A diag(g'(x)) (N x N). Throws std::invalid_argument on a size mismatch.
    static Eigen::MatrixXd at(const Eigen::MatrixXd& A, const Eigen::VectorXd& x,
                              const NodeFunctions& fn);
    /// Eigenvalues of J (Eigen::EigenSolver, no eigenvectors), sorted; stable = max Re < 0.
    static Spectrum spectrum(const Eigen::MatrixXd& J);
    /// The eigenvalue of J along a block of equal entries a of a planted point (eq 8 for Atilde's
    /// part orthogonal to the block): f'(a) + lambda g'(a). For the CVFR with r = 1 this is
    /// -1 + 2 c / (lambda beta a); at a = a_- it is eq 27's -1 + 2c/(beta a_-) (lambda = 1), > 0.
    static double blockEigenvalue(const NodeFunctions& fn, double lambda, double a);
};

}  // namespace as::sde
