#pragma once
// The same ring CANN with the recurrent input as a dense N x N matrix-vector product (Eigen GEMV):
// the O(N^2) formulation the CAN2ANN paper compares against. Kept as a measured baseline and an
// oracle; RingCann (FFT) is what the app runs.
#include <Eigen/Dense>

#include "cann/CannParams.h"

namespace as {

class DenseRingCann {
  public:
    explicit DenseRingCann(const CannParams& p);
    const CannParams& params() const { return p_; }
    const Eigen::VectorXd& u() const { return u_; }
    void setState(const Eigen::VectorXd& u);
    /// One Euler step (the integrator setting is ignored): u += dt/tau (-u + W r + I).
    void step(const double* input);

  private:
    CannParams p_;
    Eigen::MatrixXd w_;
    Eigen::VectorXd u_, r_;
};

}  // namespace as
