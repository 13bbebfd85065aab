#pragma once
// Adam (core/Adam.h) over a list of parameter tensors, plus clipping of
// the global gradient norm before each update.
#include <vector>

#include "core/Adam.h"
#include "surrogate/Tensor.h"

namespace as::surrogate {

template <class T>
class Adam {
  public:
    /// The surrogate's defaults: a larger step, the global norm clipped to 1.
    struct Settings : AdamSettings {
        Settings() {
            learningRate = 3e-3;
            clipNorm = 1.0;
        }
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
