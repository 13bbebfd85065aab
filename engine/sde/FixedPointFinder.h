#pragma once
// Stationary points of the deterministic model F(x) = f(x) + A g(x) = 0 and which of them are
// stable (seed 002 §III eq 11 and Appendix A): planting C points also plants combinations of them.
// For pattern eq 10 with Atilde = 0 the stationary points are sum_l c_l x_l with c_l in {0, 1,
// a_-/a_+} (3^C); those with a block at a_- are unstable (eigenvalue -1 + 2c/(beta a_-) > 0, eq
// 27), so 2^C are stable. Two independent counts:
//   find():          damped Newton from seeded starts (the eq 11 lattice, perturbed, and uniform
//                    random starts), deduplicated, each classified by its Jacobian spectrum;
//   sampleBasins():  Euler integration from uniform random starts; the distinct end points are the
//                    stable points whose basins the starts reach, with the fraction of starts in
//                    each.
#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <vector>

#include "sde/AttractorSet.h"
#include "sde/Jacobian.h"

namespace as::sde {

struct FixedPointOptions {
    int latticeStarts =
        200;  ///< starts sum_l c_l x_l, c_l drawn from {0, 1, a_-/a_+} (all 3^C first if 3^C fits)
    double perturbation = 0.05;   ///< Gaussian perturbation of the lattice starts (units of a_+)
    int randomStarts = 100;       ///< starts uniform in [lo, hi]^N
    double lo = 0.0, hi = 1.0;    ///< box of the random starts (an image's pixel range by default)
    int maxIterations = 100;      ///< Newton iterations per start
    double tolerance = 1e-10;     ///< converged when max_i |F_i(x)| < tolerance
    double mergeDistance = 1e-6;  ///< two solutions closer than this (max norm) are one point
    std::uint64_t seed = 1;
};

struct FixedPoint {
    Eigen::VectorXd x;
    double residual = 0.0;  ///< max_i |F_i(x)|
    Spectrum spectrum;      ///< of the Jacobian at x
    bool stable = false;
    int hits = 0;      ///< starts that converged here
    int planted = -1;  ///< index of the planted point it equals (within mergeDistance), else -1
    Eigen::VectorXd lattice;  ///< least-squares coefficients c_l of x on the planted points
};

struct FixedPointReport {
    std::vector<FixedPoint> points;  ///< distinct, stable ones first, then by |x|
    int stableCount = 0;
    int starts = 0;
    int converged = 0;  ///< starts whose Newton iteration converged
};

struct BasinOptions {
    int starts = 200;  ///< uniform random starts in [lo, hi]^N
    double lo = 0.0, hi = 1.0;
    double dt = 0.1;              ///< Euler step
    int maxSteps = 20000;         ///< per start
    double tolerance = 1e-9;      ///< a trajectory has arrived when max_i |F_i(x)| < tolerance
    double mergeDistance = 1e-4;  ///< end points closer than this (max norm) are one point
    std::uint64_t seed = 2;
};

struct BasinReport {
    std::vector<Eigen::VectorXd> endPoints;  ///< distinct end points, most visited first
    std::vector<int> counts;                 ///< starts ending at each
    std::vector<int> planted;                ///< planted index of each end point, or -1 (spurious)
    int unconverged = 0;                     ///< starts that had not arrived after maxSteps
};

class FixedPointFinder {
  public:
    /// A: the coupling (N x N); set: the planted points, alphabet and f, g.
    FixedPointFinder(Eigen::MatrixXd A, std::shared_ptr<const AttractorSet> set);

    FixedPointReport find(const FixedPointOptions& options = {}) const;
    BasinReport sampleBasins(const BasinOptions& options = {}) const;

    /// Damped Newton from x (in place); true if it converged to max|F| < tolerance.
    bool newton(Eigen::VectorXd& x, int maxIterations, double tolerance) const;

  private:
    int plantedIndex(const Eigen::VectorXd& x, double mergeDistance) const;

    Eigen::MatrixXd A_;
    std::shared_ptr<const AttractorSet> set_;
};

}  // namespace as::sde
