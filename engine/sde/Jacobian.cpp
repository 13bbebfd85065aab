#include "sde/Jacobian.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace as::sde {
namespace {

void checkSizes(const Eigen::MatrixXd& A, const Eigen::VectorXd& x) {
    if (A.rows() != A.cols() || A.rows() != x.size())
        throw std::invalid_argument("Jacobian: A must be N x N and x of length N (A is " +
                                    std::to_string(A.rows()) + " x " + std::to_string(A.cols()) +
                                    ", x has " + std::to_string(x.size()) + ")");
}

}  // namespace

Eigen::VectorXd Jacobian::drift(const Eigen::MatrixXd& A, const Eigen::VectorXd& x,
                                const NodeFunctions& fn) {
    checkSizes(A, x);
    const Eigen::Index n = x.size();
    Eigen::VectorXd f(n), g(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        f[i] = fn.f(x[i]);
        g[i] = fn.g(x[i]);
    }
    f.noalias() += A * g;
    return f;
}

Eigen::MatrixXd Jacobian::at(const Eigen::MatrixXd& A, const Eigen::VectorXd& x,
                             const NodeFunctions& fn) {
    checkSizes(A, x);
    const Eigen::Index n = x.size();
    Eigen::MatrixXd J(n, n);
    for (Eigen::Index j = 0; j < n; ++j) J.col(j) = A.col(j) * fn.dg(x[j]);
    for (Eigen::Index i = 0; i < n; ++i) J(i, i) += fn.df(x[i]);
    return J;
}

Spectrum Jacobian::spectrum(const Eigen::MatrixXd& J) {
    if (J.rows() != J.cols() || J.rows() == 0)
        throw std::invalid_argument("Jacobian::spectrum needs a non-empty square matrix");
    Eigen::EigenSolver<Eigen::MatrixXd> es(J, /*computeEigenvectors=*/false);
    if (es.info() != Eigen::Success)
        throw std::runtime_error("the eigenvalue iteration did not converge");
    const Eigen::VectorXcd ev = es.eigenvalues();
    std::vector<Eigen::Index> order(std::size_t(ev.size()));
    std::iota(order.begin(), order.end(), Eigen::Index(0));
    std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
        if (ev[a].real() != ev[b].real()) return ev[a].real() > ev[b].real();
        return ev[a].imag() > ev[b].imag();
    });
    Spectrum s;
    s.eigenvalues.resize(ev.size());
    for (std::size_t k = 0; k < order.size(); ++k) s.eigenvalues[Eigen::Index(k)] = ev[order[k]];
    s.maxRealPart = s.eigenvalues[0].real();
    s.minRealPart = s.eigenvalues[ev.size() - 1].real();
    s.maxImagPart = s.eigenvalues.imag().cwiseAbs().maxCoeff();
    s.stable = s.maxRealPart < 0.0;
    return s;
}

double Jacobian::blockEigenvalue(const NodeFunctions& fn, double lambda, double a) {
    return fn.df(a) + lambda * fn.dg(a);
}

}  // namespace as::sde
