#pragma once
// The local reaction f(x) and the coupling non-linearity g(x) of the coupled SDE
//   dx_i/dt = f(x_i) + sum_j A_ij g(x_j) + eps sum_j G_ij eta_j      (seed 002, eq 1)
// behind one interface, so planting, integration, training and the linear-noise analysis work for
// any choice. The Continuous-Variable Firing Rate model (CVFR) is the default:
//   f(x) = -r x,   g(x) = beta x^2 / (c + x^2).
// A second model, "Hopfield" (f = -r x, g = beta tanh(x)), shows the interface is general; its odd
// g plants the negation of every attractor as well (the paper's footnote 1).
#include <Eigen/Core>
#include <memory>
#include <vector>

namespace as::sde {

enum class NodeModel { Cvfr = 0, Hopfield = 1 };

/// The constants of f and g (CVFR defaults of the paper, §V: c = 1/8, beta = 1, r = 1).
struct NodeParams {
    NodeModel model = NodeModel::Cvfr;
    double c = 0.125;   ///< CVFR half-saturation constant c (> 0)
    double beta = 1.0;  ///< gain of g (> 0)
    double r = 1.0;     ///< decay rate in f(x) = -r x (>= 0; 0 drops the decay, §VI.3)
};

class NodeFunctions {
  public:
    virtual ~NodeFunctions() = default;
    virtual double f(double x) const = 0;
    virtual double df(double x) const = 0;  ///< f'(x)
    virtual double g(double x) const = 0;
    virtual double dg(double x) const = 0;  ///< g'(x)

    /// Elementwise on a whole batch (N x B), float: the integrator's and trainer's hot path.
    virtual void f(const Eigen::ArrayXXf& x, Eigen::ArrayXXf& out) const = 0;
    virtual void g(const Eigen::ArrayXXf& x, Eigen::ArrayXXf& out) const = 0;
    virtual void dg(const Eigen::ArrayXXf& x, Eigen::ArrayXXf& out) const = 0;
    /// f is linear in every model here (f = -r x); its slope, used by the fused Euler update.
    virtual double decay() const = 0;

    /// The non-zero solutions a of f(a) + lambda g(a) = 0 (eq 6), ascending; for the CVFR these
    /// are a_-, a_+ = (beta lambda -+ sqrt(beta^2 lambda^2 - 4 c)) / 2 (eq 9). Empty if none.
    virtual std::vector<double> alphabet(double lambda) const = 0;

    const NodeParams& params() const { return p_; }

    /// The functions for p (throws std::invalid_argument for out-of-range constants).
    static std::shared_ptr<const NodeFunctions> make(const NodeParams& p);

  protected:
    explicit NodeFunctions(const NodeParams& p) : p_(p) {}
    NodeParams p_;
};

}  // namespace as::sde
