#include "sde/FixedPointFinder.h"

#include <omp.h>

#include <Eigen/Core>
#include <Eigen/LU>
#include <Eigen/QR>
#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

namespace as::sde {
namespace {

/// Eigen single-threaded for the lifetime of the guard: the Newton solves are many small (N <= a
/// few hundred) LU factorisations, where OpenMP's fork/join costs more than it saves — on a busy
/// machine 100x more (N = 120: 13 s instead of 0.6 s). Restores the previous setting. It sets the
/// calling thread's OpenMP count (Eigen follows it), not Eigen's process-wide one, so other threads
/// are unaffected and Eigen keeps following each thread's own setting afterwards.
class SerialEigen {
  public:
    SerialEigen() : previous_(omp_get_max_threads()) { omp_set_num_threads(1); }
    ~SerialEigen() { omp_set_num_threads(previous_); }
    SerialEigen(const SerialEigen&) = delete;
    SerialEigen& operator=(const SerialEigen&) = delete;

  private:
    int previous_;
};

double maxAbs(const Eigen::VectorXd& v) {
    return v.size() ? v.cwiseAbs().maxCoeff() : 0.0;
}

/// Index of the point in `points` within `tol` (max norm) of x, or -1.
int findNear(const std::vector<Eigen::VectorXd>& points, const Eigen::VectorXd& x, double tol) {
    for (std::size_t k = 0; k < points.size(); ++k)
        if (maxAbs(points[k] - x) < tol) return int(k);
    return -1;
}

}  // namespace

FixedPointFinder::FixedPointFinder(Eigen::MatrixXd A, std::shared_ptr<const AttractorSet> set)
    : A_(std::move(A)), set_(std::move(set)) {
    if (!set_) throw std::invalid_argument("FixedPointFinder needs the planted attractors");
    if (A_.rows() != set_->n() || A_.cols() != set_->n())
        throw std::invalid_argument("FixedPointFinder: A must be " + std::to_string(set_->n()) +
                                    " x " + std::to_string(set_->n()));
}

bool FixedPointFinder::newton(Eigen::VectorXd& x, int maxIterations, double tolerance) const {
    const NodeFunctions& fn = set_->functions();
    Eigen::VectorXd F = Jacobian::drift(A_, x, fn);
    double norm = F.norm();
    for (int it = 0; it < maxIterations; ++it) {
        if (maxAbs(F) < tolerance) return true;
        const Eigen::MatrixXd J = Jacobian::at(A_, x, fn);
        // Partial pivoting (blocked, ~10x faster than full pivoting at N = 200); a singular J
        // shows up as a non-finite step and ends this start.
        const Eigen::PartialPivLU<Eigen::MatrixXd> lu(J);
        Eigen::VectorXd dx = lu.solve(-F);
        if (!dx.allFinite()) return false;
        // Backtracking: halve the step until |F| decreases (Armijo with a small slope).
        double t = 1.0;
        Eigen::VectorXd xn, Fn;
        for (;;) {
            xn = x + t * dx;
            Fn = Jacobian::drift(A_, xn, fn);
            if (Fn.norm() <= (1.0 - 1e-4 * t) * norm) break;
            t *= 0.5;
            if (t < 1e-8) return maxAbs(F) < tolerance;
        }
        x = xn;
        F = Fn;
        norm = F.norm();
    }
    return maxAbs(F) < tolerance;
}

int FixedPointFinder::plantedIndex(const Eigen::VectorXd& x, double tol) const {
    for (int l = 0; l < set_->classes(); ++l)
        if (maxAbs(set_->points().col(l) - x) < tol) return l;
    return -1;
}

FixedPointReport FixedPointFinder::find(const FixedPointOptions& o) const {
    if (o.latticeStarts < 0 || o.randomStarts < 0 || o.maxIterations < 1 || !(o.tolerance > 0.0) ||
        !(o.mergeDistance > 0.0) || !(o.hi > o.lo))
        throw std::invalid_argument(
            "fixed points: starts >= 0, max_iterations >= 1, tolerance > 0, "
            "merge distance > 0 and hi > lo are required");
    const int n = set_->n(), C = set_->classes();
    const Eigen::MatrixXd& P = set_->points();
    const double coeffs[3] = {0.0, 1.0, set_->aMinus() / set_->aPlus()};
    std::mt19937_64 rng(o.seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_real_distribution<double> uniform(o.lo, o.hi);
    std::uniform_int_distribution<int> pick(0, 2);

    // 3^C lattice points in order first when they fit, then random lattice draws.
    long full = 1;
    for (int l = 0; l < C && full <= o.latticeStarts; ++l) full *= 3;
    std::vector<Eigen::VectorXd> starts;
    for (int k = 0; k < o.latticeStarts; ++k) {
        Eigen::VectorXd c(C);
        long code = k;
        for (int l = 0; l < C; ++l) {
            if (k < full) {
                c[l] = coeffs[code % 3];
                code /= 3;
            } else {
                c[l] = coeffs[pick(rng)];
            }
        }
        Eigen::VectorXd x = P * c;
        for (int i = 0; i < n; ++i) x[i] += o.perturbation * set_->aPlus() * normal(rng);
        starts.push_back(std::move(x));
    }
    for (int k = 0; k < o.randomStarts; ++k) {
        Eigen::VectorXd x(n);
        for (int i = 0; i < n; ++i) x[i] = uniform(rng);
        starts.push_back(std::move(x));
    }

    const SerialEigen serial;
    FixedPointReport rep;
    rep.starts = int(starts.size());
    std::vector<Eigen::VectorXd> found;
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(P);
    for (Eigen::VectorXd& x : starts) {
        if (!newton(x, o.maxIterations, o.tolerance)) continue;
        ++rep.converged;
        const int k = findNear(found, x, o.mergeDistance);
        if (k >= 0) {
            ++rep.points[std::size_t(k)].hits;
            continue;
        }
        FixedPoint fp;
        fp.x = x;
        fp.residual = maxAbs(Jacobian::drift(A_, x, set_->functions()));
        fp.spectrum = Jacobian::spectrum(Jacobian::at(A_, x, set_->functions()));
        fp.stable = fp.spectrum.stable;
        fp.hits = 1;
        fp.planted = plantedIndex(x, o.mergeDistance);
        fp.lattice = qr.solve(x);
        found.push_back(x);
        rep.points.push_back(std::move(fp));
    }
    std::stable_sort(rep.points.begin(), rep.points.end(),
                     [](const FixedPoint& a, const FixedPoint& b) {
                         if (a.stable != b.stable) return a.stable;
                         return a.x.norm() < b.x.norm();
                     });
    for (const FixedPoint& p : rep.points) rep.stableCount += p.stable;
    return rep;
}

BasinReport FixedPointFinder::sampleBasins(const BasinOptions& o) const {
    if (o.starts < 1 || !(o.dt > 0.0) || o.maxSteps < 1 || !(o.tolerance > 0.0) ||
        !(o.mergeDistance > 0.0) || !(o.hi > o.lo))
        throw std::invalid_argument(
            "basins: starts >= 1, dt > 0, max_steps >= 1, tolerance > 0, "
            "merge distance > 0 and hi > lo are required");
    const NodeFunctions& fn = set_->functions();
    const Eigen::Index n = set_->n(), b = o.starts;
    const SerialEigen serial;  // N x N times N x starts products, N small
    std::mt19937_64 rng(o.seed);
    std::uniform_real_distribution<double> uniform(o.lo, o.hi);
    Eigen::MatrixXd X(n, b), F(n, b), G(n, b);
    for (Eigen::Index j = 0; j < b; ++j)
        for (Eigen::Index i = 0; i < n; ++i) X(i, j) = uniform(rng);
    auto drift = [&] {
        for (Eigen::Index j = 0; j < b; ++j)
            for (Eigen::Index i = 0; i < n; ++i) {
                F(i, j) = fn.f(X(i, j));
                G(i, j) = fn.g(X(i, j));
            }
        F.noalias() += A_ * G;
    };
    for (int s = 0; s < o.maxSteps; ++s) {
        drift();
        if (s % 50 == 0 && F.cwiseAbs().maxCoeff() < o.tolerance) break;
        X += o.dt * F;
    }
    drift();
    BasinReport rep;
    for (Eigen::Index j = 0; j < b; ++j) {
        if (!X.col(j).allFinite() || F.col(j).cwiseAbs().maxCoeff() >= o.tolerance) {
            ++rep.unconverged;
            continue;
        }
        const Eigen::VectorXd x = X.col(j);
        const int k = findNear(rep.endPoints, x, o.mergeDistance);
        if (k >= 0) {
            ++rep.counts[std::size_t(k)];
        } else {
            rep.endPoints.push_back(x);
            rep.counts.push_back(1);
            rep.planted.push_back(plantedIndex(x, o.mergeDistance));
        }
    }
    // Most visited first.
    std::vector<std::size_t> order(rep.counts.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t c) { return rep.counts[a] > rep.counts[c]; });
    BasinReport sorted;
    sorted.unconverged = rep.unconverged;
    for (std::size_t k : order) {
        sorted.endPoints.push_back(rep.endPoints[k]);
        sorted.counts.push_back(rep.counts[k]);
        sorted.planted.push_back(rep.planted[k]);
    }
    return sorted;
}

}  // namespace as::sde
