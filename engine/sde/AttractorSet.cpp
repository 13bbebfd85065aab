#include "sde/AttractorSet.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "core/ParamAccess.h"

namespace as::sde {

AttractorSet::AttractorSet(const SdeParams& p) {
    p.check();
    fn_ = NodeFunctions::make(p.nodeParams());
    const std::vector<double> roots = fn_->alphabet(p.lambda);
    if (roots.size() != 2)
        throw std::invalid_argument(
            "f(a) + lambda g(a) = 0 has no non-zero solution for lambda = " +
            formatNumber(p.lambda));
    aMinus_ = roots[0];
    aPlus_ = roots[1];

    const int N = p.n, C = p.classes, L = p.blockLength();
    points_ = Eigen::MatrixXd::Zero(N, C);
    for (int l = 0; l < C; ++l) {
        switch (p.pattern) {
            case Pattern::Blocks:
                points_.col(l).segment(l * L, L).setConstant(aPlus_);
                break;
            case Pattern::BlocksMinus:
                points_.col(l).segment(l * L, L).setConstant(aPlus_);
                points_(l * L, l) = aMinus_;
                break;
            case Pattern::Canonical:
                points_(l, l) = aPlus_;
                break;
        }
    }
    q_.resize(N, C);
    fq_.resize(N, C);
    for (int l = 0; l < C; ++l) {
        Eigen::VectorXd g(N), f(N);
        for (int i = 0; i < N; ++i) {
            g[i] = fn_->g(points_(i, l));
            f[i] = fn_->f(points_(i, l));
        }
        const double norm = g.norm();
        if (!(norm > 0.0))
            throw std::invalid_argument("g(x_l) vanishes for attractor " + std::to_string(l));
        q_.col(l) = g / norm;
        fq_.col(l) = -f / norm;
    }
    // The construction needs g(x_l) mutually orthogonal (disjoint supports and g(0) = 0 give it).
    const Eigen::MatrixXd gram = q_.transpose() * q_ - Eigen::MatrixXd::Identity(C, C);
    if (gram.cwiseAbs().maxCoeff() > 1e-12)
        throw std::invalid_argument("the planted g(x_l) are not mutually orthogonal");
    pointsF_ = points_.cast<float>();
    qF_ = q_.cast<float>();
    fqF_ = fq_.cast<float>();
}

Eigen::MatrixXd AttractorSet::projector() const {
    return q_ * q_.transpose();
}
Eigen::MatrixXd AttractorSet::ptilde() const {
    return fq_ * q_.transpose();
}

Eigen::MatrixXf AttractorSet::assemble(const Eigen::MatrixXf& atilde) const {
    Eigen::MatrixXf aq = atilde * qF_;  // N x C
    Eigen::MatrixXf a = atilde;
    a.noalias() += (fqF_ - aq) * qF_.transpose();
    return a;
}

Eigen::MatrixXd AttractorSet::assemble(const Eigen::MatrixXd& atilde) const {
    Eigen::MatrixXd aq = atilde * q_;
    Eigen::MatrixXd a = atilde;
    a.noalias() += (fq_ - aq) * q_.transpose();
    return a;
}

Eigen::MatrixXf AttractorSet::pullBack(const Eigen::MatrixXf& dA) const {
    Eigen::MatrixXf out = dA;
    out.noalias() -= (dA * qF_) * qF_.transpose();
    return out;
}

double AttractorSet::residual(const Eigen::MatrixXd& A, int l) const {
    const int N = n();
    Eigen::VectorXd g(N), f(N);
    for (int i = 0; i < N; ++i) {
        g[i] = fn_->g(points_(i, l));
        f[i] = fn_->f(points_(i, l));
    }
    return (f + A * g).cwiseAbs().maxCoeff();
}

Eigen::MatrixXf AttractorSet::distances2(const Eigen::MatrixXf& states) const {
    // |s - x_l|^2 = |s|^2 - 2 x_l.s + |x_l|^2
    Eigen::MatrixXf d = -2.0f * (pointsF_.transpose() * states);
    d.colwise() += pointsF_.colwise().squaredNorm().transpose();
    d.rowwise() += states.colwise().squaredNorm();
    return d;
}

Eigen::VectorXi AttractorSet::nearest(const Eigen::MatrixXf& states) const {
    const Eigen::MatrixXf d = distances2(states);
    Eigen::VectorXi out(d.cols());
    for (Eigen::Index b = 0; b < d.cols(); ++b) d.col(b).minCoeff(&out[b]);
    return out;
}

}  // namespace as::sde
