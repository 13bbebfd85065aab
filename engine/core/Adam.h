#pragma once
// Adam (Kingma & Ba 2015) with bias correction: the settings and the element-wise update every
// optimiser of the project shares (sde::AdamOptimizer for the SDE and generator training, one
// matrix with its state open for checkpoints; surrogate::Adam over a list of tensors).
//   g' = scale g  (scale < 1 clips the gradient's L2 norm to clipNorm)
//   m <- b1 m + (1 - b1) g',   v <- b2 v + (1 - b2) g'^2
//   w <- w - stepSize m / (sqrt(v) + eps'),   stepSize = lr sqrt(1 - b2^t) / (1 - b1^t),
//   eps' = epsilon sqrt(1 - b2^t)
// which is the paper's update with the bias corrections of m and v folded into the step.
#include <cmath>
#include <cstddef>

namespace as {

struct AdamSettings {
    double learningRate = 1e-3;
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
    double clipNorm = 0.0;  ///< the gradient is scaled down to this L2 norm (0: no clipping)
};

/// The constants of iteration t (1-based) for a gradient of L2 norm gradNorm.
template <class T>
struct AdamStep {
    T b1, b2, stepSize, eps, scale;

    static AdamStep at(const AdamSettings& s, long t, double gradNorm) {
        const double c1 = 1.0 - std::pow(s.beta1, double(t));
        const double c2 = 1.0 - std::pow(s.beta2, double(t));
        const double scale =
            (s.clipNorm > 0 && gradNorm > s.clipNorm) ? s.clipNorm / gradNorm : 1.0;
        return {T(s.beta1), T(s.beta2), T(s.learningRate * std::sqrt(c2) / c1),
                T(s.epsilon * std::sqrt(c2)), T(scale)};
    }

    /// Updates n contiguous weights w with their moments m, v from the gradient g.
    void apply(T* w, T* m, T* v, const T* g, std::ptrdiff_t n) const {
        for (std::ptrdiff_t i = 0; i < n; ++i) {
            const T gs = g[i] * scale;
            m[i] = b1 * m[i] + (T(1) - b1) * gs;
            v[i] = b2 * v[i] + (T(1) - b2) * gs * gs;
            w[i] -= stepSize * m[i] / (std::sqrt(v[i]) + eps);
        }
    }
};

}  // namespace as
