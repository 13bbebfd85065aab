#pragma once
// Adam (core/Adam.h) for one matrix, with its state open for checkpoints
// (as::surrogate::Adam keeps its moments private). Optional clipping of the gradient's L2 norm.
#include <Eigen/Core>

#include "core/Adam.h"

namespace as::sde {

class AdamOptimizer {
  public:
    using Settings = AdamSettings;
    AdamOptimizer(Eigen::Index rows, Eigen::Index cols, const Settings& s);

    /// value -= Adam step for grad. Returns the gradient norm (non-finite: nothing was changed).
    double step(Eigen::MatrixXf& value, const Eigen::MatrixXf& grad);

    long steps() const { return t_; }
    const Eigen::MatrixXf& firstMoment() const { return m_; }
    const Eigen::MatrixXf& secondMoment() const { return v_; }
    /// Restores a saved state (shapes must match; throws std::invalid_argument otherwise).
    void restore(long steps, const Eigen::MatrixXf& m, const Eigen::MatrixXf& v);

  private:
    Settings s_;
    Eigen::MatrixXf m_, v_;
    long t_ = 0;
};

}  // namespace as::sde
