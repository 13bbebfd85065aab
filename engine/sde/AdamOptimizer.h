#pragma once
// Adam (Kingma & Ba 2015) with bias correction for one matrix, with its state open for checkpoints
// (as::surrogate::Adam keeps its moments private). Optional clipping of the gradient's L2 norm.
#include <Eigen/Core>

namespace as::sde {

class AdamOptimizer {
  public:
    struct Settings {
        double learningRate = 1e-3;
        double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        double clipNorm = 0.0;  ///< 0: no clipping
    };
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
