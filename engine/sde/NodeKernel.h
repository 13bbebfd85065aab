#pragma once
// The elementwise part of an Euler step, fused into single passes over a column (the integrator's
// and the trainer's hot loops). Formulas are those of NodeFunctions (CVFR, Hopfield); test_sde_*
// compares them. Internal to engine/sde.
#include <cmath>

#include "sde/SdeParams.h"

namespace as::sde {

template <class S>
struct NodeKernel {
    NodeModel model;
    S c, beta;
    S keep;  ///< 1 - dt r: the Euler factor of the linear decay f(x) = -r x
    S dt;

    explicit NodeKernel(const SdeParams& p)
        : model(p.node), c(S(p.c)), beta(S(p.beta)), keep(S(1.0 - p.dt * p.r)), dt(S(p.dt)) {}

    /// g(x) for n values.
    void g(const S* x, S* out, int n) const {
        if (model == NodeModel::Cvfr) {
            for (int i = 0; i < n; ++i) {
                const S x2 = x[i] * x[i];
                out[i] = beta * x2 / (c + x2);
            }
        } else {
            for (int i = 0; i < n; ++i) out[i] = beta * std::tanh(x[i]);
        }
    }

    /// g(x) and g'(x) for n values in one pass.
    void gAndSlope(const S* x, S* gOut, S* dgOut, int n) const {
        if (model == NodeModel::Cvfr) {
            const S twoBc = S(2) * beta * c;
            for (int i = 0; i < n; ++i) {
                const S x2 = x[i] * x[i];
                const S inv = S(1) / (c + x2);
                gOut[i] = beta * x2 * inv;
                dgOut[i] = twoBc * x[i] * inv * inv;
            }
        } else {
            for (int i = 0; i < n; ++i) {
                const S t = std::tanh(x[i]);
                gOut[i] = beta * t;
                dgOut[i] = beta * (S(1) - t * t);
            }
        }
    }
};

}  // namespace as::sde
