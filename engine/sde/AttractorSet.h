#pragma once
// Planting C stationary points x_l of the deterministic model (seed 002 §III, eq 2–4):
//   A = Atilde (1 - P) + Ptilde,  P = sum_l g_l g_l^T / |g_l|^2,  Ptilde = -sum_l f(x_l) g_l^T /
//   |g_l|^2
// with g_l = g(x_l) mutually orthogonal. Whatever Atilde is, A g_l = -f(x_l), so every x_l is
// stationary; training changes only Atilde. The points are built from the alphabet {0, a_-, a_+}
// of eq 6/9, so g(x_l) is also an eigenvector of A with eigenvalue lambda (eq 5).
//
// The N x N projector is never formed on the training path: with the orthonormal columns
// Q = [g_l / |g_l|], A = Atilde - (Atilde Q) Q^T + Ptilde is a rank-C correction (O(N^2 C)).
#include <Eigen/Core>
#include <memory>

#include "sde/NodeFunctions.h"
#include "sde/SdeParams.h"

namespace as::sde {

class AttractorSet {
  public:
    /// Builds the C points of p.pattern (throws std::invalid_argument if p is invalid).
    explicit AttractorSet(const SdeParams& p);

    int n() const { return int(points_.rows()); }
    int classes() const { return int(points_.cols()); }
    double aPlus() const { return aPlus_; }
    double aMinus() const { return aMinus_; }
    const NodeFunctions& functions() const { return *fn_; }
    std::shared_ptr<const NodeFunctions> functionsPtr() const { return fn_; }

    /// N x C: column l is the planted point x_l.
    const Eigen::MatrixXd& points() const { return points_; }
    /// N x C: column l is g(x_l) / |g(x_l)| (orthonormal).
    const Eigen::MatrixXd& basis() const { return q_; }
    /// N x C: column l is -f(x_l) / |g(x_l)|, so Ptilde = F Q^T.
    const Eigen::MatrixXd& drive() const { return fq_; }

    /// Dense P and Ptilde (N x N), for analysis and tests.
    Eigen::MatrixXd projector() const;
    Eigen::MatrixXd ptilde() const;

    /// A = Atilde (1 - P) + Ptilde (float, the training path; double for analysis).
    Eigen::MatrixXf assemble(const Eigen::MatrixXf& atilde) const;
    Eigen::MatrixXd assemble(const Eigen::MatrixXd& atilde) const;
    /// The chain rule through eq 2: dL/dAtilde = dL/dA (1 - P) (P is symmetric).
    Eigen::MatrixXf pullBack(const Eigen::MatrixXf& dA) const;

    /// max_i |f(x_i) + (A g(x))_i| at the planted point l: zero up to rounding for any Atilde.
    double residual(const Eigen::MatrixXd& A, int l) const;
    /// The nearest planted point (Euclidean) to each column of states (N x B).
    Eigen::VectorXi nearest(const Eigen::MatrixXf& states) const;
    /// Squared Euclidean distance of each column of states to each point: C x B.
    Eigen::MatrixXf distances2(const Eigen::MatrixXf& states) const;

  private:
    std::shared_ptr<const NodeFunctions> fn_;
    double aPlus_ = 0.0, aMinus_ = 0.0;
    Eigen::MatrixXd points_, q_, fq_;
    Eigen::MatrixXf pointsF_, qF_, fqF_;
};

}  // namespace as::sde
