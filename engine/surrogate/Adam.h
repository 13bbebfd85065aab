#pragma once
// Adam (Kingma & Ba 2015) with bias correction, over a list of parameter tensors, plus clipping of
// the global gradient norm before each update.
#include <vector>

#include "surrogate/Tensor.h"

namespace as::surrogate {

template <class T>
class Adam {
  public:
    struct Settings {
        double learningRate = 3e-3;  ///< step size alpha
        double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        double clipNorm = 1.0;  ///< gradients are scaled down to this global L2 norm (0: off)
    };
    Adam(const std::vector<ParamRef<T>>& params, const Settings& s);
    void setLearningRate(double lr) { s_.learningRate = lr; }
    /// One update from the gradients currently held; returns the global gradient norm before
    /// clipping (non-finite means the gradients diverged; nothing is updated then).
    double step();
    long steps() const { return t_; }

  private:
    std::vector<ParamRef<T>> params_;
    std::vector<Mat<T>> m_, v_;
    Settings s_;
    long t_ = 0;
};

}  // namespace as::surrogate
