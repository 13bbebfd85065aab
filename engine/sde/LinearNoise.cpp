#include "sde/LinearNoise.h"

#include <Eigen/Cholesky>
#include <Eigen/LU>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

#include "core/ParamAccess.h"

namespace as::sde {

LinearNoise::LinearNoise(Eigen::MatrixXd A, std::shared_ptr<const AttractorSet> set,
                         Eigen::MatrixXd G, double eps)
    : A_(std::move(A)), G_(std::move(G)), set_(std::move(set)), eps_(eps) {
    if (!set_) throw std::invalid_argument("LinearNoise needs the planted attractors");
    const Eigen::Index n = set_->n();
    if (A_.rows() != n || A_.cols() != n)
        throw std::invalid_argument("LinearNoise: A must be " + std::to_string(n) + " x " +
                                    std::to_string(n));
    if (G_.size() != 0 && (G_.rows() != n || G_.cols() != n))
        throw std::invalid_argument("LinearNoise: G must be " + std::to_string(n) + " x " +
                                    std::to_string(n) + " (or empty for the identity)");
    if (!std::isfinite(eps_) || eps_ < 0.0)
        throw std::invalid_argument("eps must be finite and >= 0 (got " + formatNumber(eps_) + ")");
    D_ = G_.size() == 0 ? Eigen::MatrixXd::Identity(n, n) : Eigen::MatrixXd(G_ * G_.transpose());
}

AttractorNoise LinearNoise::analyse(int l) const {
    if (l < 0 || l >= classes())
        throw std::out_of_range("attractor " + std::to_string(l) + " is not in [0, " +
                                std::to_string(classes()) + ")");
    AttractorNoise out;
    out.attractor = l;
    const Eigen::MatrixXd J = Jacobian::at(A_, set_->points().col(l), set_->functions());
    out.spectrum = Jacobian::spectrum(J);
    out.shape = LyapunovSolver(J).solve(D_);
    if (out.shape.solved) out.covariance = (eps_ * eps_) * out.shape.S;
    return out;
}

LyapunovResult LinearNoise::eulerCovariance(int l, double dt) const {
    if (l < 0 || l >= classes())
        throw std::out_of_range("attractor " + std::to_string(l) + " is not in [0, " +
                                std::to_string(classes()) + ")");
    if (!(dt > 0.0) || !std::isfinite(dt))
        throw std::invalid_argument("eulerCovariance needs dt > 0");
    const Eigen::Index n = this->n();
    const Eigen::MatrixXd J = Jacobian::at(A_, set_->points().col(l), set_->functions());
    const Eigen::MatrixXd B = 2.0 * Eigen::MatrixXd::Identity(n, n) + dt * J;
    const Eigen::PartialPivLU<Eigen::MatrixXd> lu(B);
    // Jc = (dt J) B^{-1} = B^{-1} (dt J) (they commute); Qc = 2 B^{-1} (dt eps^2 D) B^{-T}.
    const Eigen::MatrixXd Jc = lu.solve(dt * J);
    const Eigen::MatrixXd BinvD = lu.solve((2.0 * dt * eps_ * eps_) * D_);
    Eigen::MatrixXd Qc =
        lu.solve(BinvD.transpose());  // B^{-1} (B^{-1} D')^T = B^{-1} D' B^{-T} (D' symmetric)
    Qc = 0.5 * (Qc + Qc.transpose()).eval();
    LyapunovResult r = LyapunovSolver(Jc).solve(Qc);
    if (!r.solved) {
        r.message =
            "the Euler map is not contracting at dt = " + formatNumber(dt) + " (" + r.message + ")";
        return r;
    }
    // Report the residual of the Stein equation itself: |M S M^T + dt eps^2 D - S|_F / |dt eps^2
    // D|_F.
    const Eigen::MatrixXd M = Eigen::MatrixXd::Identity(n, n) + dt * J;
    const Eigen::MatrixXd Q = (dt * eps_ * eps_) * D_;
    const double qn = Q.norm();
    if (qn > 0.0) r.residual = (M * r.S * M.transpose() + Q - r.S).norm() / qn;
    return r;
}

EmpiricalCovariance LinearNoise::empirical(int l, const EmpiricalOptions& o) const {
    if (l < 0 || l >= classes())
        throw std::out_of_range("attractor " + std::to_string(l) + " is not in [0, " +
                                std::to_string(classes()) + ")");
    if (!(eps_ > 0.0)) throw std::invalid_argument("the empirical covariance needs eps > 0");
    if (!(o.dt > 0.0) || !(o.burnTime >= 0.0) || o.sampleEvery < 1 || o.samples < 1 ||
        o.trajectories < 1)
        throw std::invalid_argument(
            "empirical covariance: dt > 0, burn time >= 0, sample_every, samples and "
            "trajectories >= 1 are required");
    const Eigen::Index n = this->n(), b = o.trajectories;
    const NodeFunctions& fn = set_->functions();
    Eigen::MatrixXd X = set_->points().col(l).replicate(1, b);
    Eigen::MatrixXd F(n, b), Gx(n, b), Z(n, b);
    std::mt19937_64 rng(o.seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    const double kick = std::sqrt(o.dt) * eps_;
    auto step = [&] {
        for (Eigen::Index j = 0; j < b; ++j)
            for (Eigen::Index i = 0; i < n; ++i) {
                F(i, j) = fn.f(X(i, j));
                Gx(i, j) = fn.g(X(i, j));
                Z(i, j) = normal(rng);
            }
        F.noalias() += A_ * Gx;
        X += o.dt * F;
        if (G_.size() == 0)
            X += kick * Z;
        else
            X.noalias() += kick * (G_ * Z);
    };
    EmpiricalCovariance out;
    const long burn = long(std::ceil(o.burnTime / o.dt));
    for (long s = 0; s < burn; ++s) step();
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(n);
    Eigen::MatrixXd outer = Eigen::MatrixXd::Zero(n, n);
    const Eigen::VectorXd centre = set_->points().col(l);  // accumulate about x_l for accuracy
    for (int k = 0; k < o.samples; ++k) {
        for (int s = 0; s < o.sampleEvery; ++s) step();
        if (!X.allFinite()) {
            out.diverged = true;
            return out;
        }
        const Eigen::MatrixXd d = X.colwise() - centre;
        sum += d.rowwise().sum();
        outer.noalias() += d * d.transpose();
    }
    out.samples = long(o.samples) * long(b);
    const double m = double(out.samples);
    const Eigen::VectorXd meanD = sum / m;
    out.mean = centre + meanD;
    out.covariance = (outer - m * meanD * meanD.transpose()) / std::max(1.0, m - 1.0);
    return out;
}

namespace {

std::string joinIndices(const std::vector<int>& v) {
    std::string s;
    for (int i : v) s += (s.empty() ? "" : ", ") + std::to_string(i);
    return s;
}

/// eq 19 rows for the attractors that have a covariance; lists those without one and the singular
/// ones.
Eigen::MatrixXd deltaRows(const Eigen::MatrixXd& points, const std::vector<Eigen::MatrixXd>& cov,
                          std::vector<int>& missing, std::vector<int>& singular) {
    const Eigen::Index c = points.cols();
    if (Eigen::Index(cov.size()) != c)
        throw std::invalid_argument("mahalanobis: one covariance per attractor is needed");
    Eigen::MatrixXd delta =
        Eigen::MatrixXd::Constant(c, c, std::numeric_limits<double>::quiet_NaN());
    for (Eigen::Index l = 0; l < c; ++l) {
        const Eigen::MatrixXd& S = cov[std::size_t(l)];
        if (S.size() == 0) {
            missing.push_back(int(l));
            continue;
        }
        if (S.rows() != points.rows() || S.cols() != points.rows())
            throw std::invalid_argument("mahalanobis: covariance " + std::to_string(l) +
                                        " has the wrong size");
        const Eigen::LDLT<Eigen::MatrixXd> ldlt(S);
        const Eigen::VectorXd d = ldlt.vectorD();
        const double dmax = d.cwiseAbs().maxCoeff();
        if (ldlt.info() != Eigen::Success || !(d.minCoeff() > 1e-13 * dmax)) {
            singular.push_back(int(l));
            continue;
        }
        const Eigen::MatrixXd diff = (-points).colwise() + points.col(l);  // column m: x_l - x_m
        const Eigen::MatrixXd solved = ldlt.solve(diff);
        delta.row(l) = diff.cwiseProduct(solved).colwise().sum();
        delta(l, l) = 0.0;
    }
    return delta;
}

std::string singularNote(const std::vector<int>& singular) {
    return singular.empty()
               ? std::string()
               : "covariance of attractor(s) " + joinIndices(singular) +
                     " is singular (noise does not reach every direction): Delta undefined";
}

std::string joinNotes(const std::string& a, const std::string& b) {
    return a.empty() ? b : (b.empty() ? a : a + "; " + b);
}

}  // namespace

MahalanobisResult LinearNoise::mahalanobis(const std::vector<AttractorNoise>& analyses) const {
    std::vector<Eigen::MatrixXd> cov(static_cast<std::size_t>(classes()));
    std::vector<int> unstable;
    for (const AttractorNoise& a : analyses) {
        if (a.attractor < 0 || a.attractor >= classes()) continue;
        if (!a.shape.solved) {
            unstable.push_back(a.attractor);
            continue;
        }
        cov[std::size_t(a.attractor)] = eps_ > 0.0 ? a.covariance : a.shape.S;
    }
    std::vector<int> missing, singular;
    MahalanobisResult r;
    r.delta = deltaRows(set_->points(), cov, missing, singular);
    if (!unstable.empty())
        r.note =
            "no covariance for attractor(s) " + joinIndices(unstable) + " (Jacobian not stable)";
    r.note = joinNotes(r.note, singularNote(singular));
    if (!(eps_ > 0.0)) {
        r.unitEps = true;
        r.note = joinNotes(
            "eps = 0: the state covariance vanishes; Delta uses the noise shape (eps = 1), "
            "divide by eps^2 for another eps",
            r.note);
    }
    return r;
}

MahalanobisResult LinearNoise::mahalanobis(const Eigen::MatrixXd& points,
                                           const std::vector<Eigen::MatrixXd>& cov) {
    std::vector<int> missing, singular;
    MahalanobisResult r;
    r.delta = deltaRows(points, cov, missing, singular);
    if (!missing.empty()) r.note = "no covariance for attractor(s) " + joinIndices(missing);
    r.note = joinNotes(r.note, singularNote(singular));
    return r;
}

double LinearNoise::effectiveEps(const Eigen::MatrixXd& G) {
    if (G.rows() == 0) return 0.0;
    return std::sqrt(G.squaredNorm() / double(G.rows()));
}

double LinearNoise::relativeDifference(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
    const double nb = b.norm();
    return nb > 0.0 ? (a - b).norm() / nb : (a - b).norm();
}

}  // namespace as::sde
