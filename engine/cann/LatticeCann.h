#pragma once
// The rate CANN of models.md §1 on a periodic lattice of D = 1, 2 or 3 axes (sides may differ):
//   tau du/dt = -u + J * r + I,   r = [u]_+^2 / (1 + k sum [u]_+^2),
//   J(d) = J0 / (sqrt(2 pi) a)^D exp(-|d|^2 / 2a^2)   (d the shortest periodic difference),
// applied as a circular convolution by one of three methods (ConvolutionMethod; chosen
// automatically by estimated cost unless forced): the full r2c/c2r FFT (FftConvolver: kernel
// spectrum and plans made once), or, J being separable, one matrix product per axis
// (SeparableConvolver): exact
// ("separable") or keeping only the kernel's significant Fourier band ("pruned").
// RingCann is its D = 1 case (always the FFT); the torus and 2D head-direction labs use it
// directly.
//
// Hot path (Euler): one fused pass updates u and computes q = [u]_+^2 and its sum for the next
// step; the divisive factor 1/(1 + k sum q) is applied after the convolution (J * (s q) = s J * q),
// so a step is one elementwise pass plus one convolution. The state u is double; the
// convolution runs in float32 by default (relative error ~1e-7) or in float64 on request.
// Layout is row-major, the last axis fastest; preferred positions along axis d are
// x_i = -pi + 2 pi i / shape[d].
#include <memory>
#include <vector>

#include "cann/CannParams.h"
#include "cann/ConvolutionChoice.h"
#include "cann/FftConvolver.h"
#include "cann/SeparableConvolver.h"

namespace as {

enum class ConvolutionPrecision { Float32, Float64 };

class LatticeCann {
  public:
    /// `shape`: 1 to 3 sides, each in [4, 16384] (std::invalid_argument otherwise). The dynamics
    /// come from p's tau, k, a, J0, dt and integrator; p.N is not used (the owner checks p against
    /// its own lattice, e.g. RingCann with p.check(), TorusParams::check()). State starts at u = 0.
    LatticeCann(std::vector<int> shape, const CannParams& p,
                ConvolutionPrecision precision = ConvolutionPrecision::Float32,
                ConvolutionMethod method = ConvolutionMethod::Auto);
    ~LatticeCann();
    LatticeCann(LatticeCann&&) noexcept;
    LatticeCann& operator=(LatticeCann&&) noexcept;

    const std::vector<int>& shape() const { return shape_; }
    int dims() const { return int(shape_.size()); }
    std::size_t size() const { return u_.size(); }
    const CannParams& params() const { return p_; }
    ConvolutionPrecision precision() const { return precision_; }
    /// The method asked for (may be Auto) and the one in use, with its band and error bound.
    ConvolutionMethod requestedMethod() const { return requested_; }
    const ConvolutionChoice& convolution() const { return choice_; }
    /// Switches the method between steps, keeping the state (rebuilds the convolver if it changes).
    void setMethod(ConvolutionMethod method);
    /// New dynamics between steps (same lattice); the kernel is rebuilt if a or J0 changed.
    void setDynamics(const CannParams& p);

    /// Preferred positions along axis d.
    std::vector<double> axisPositions(int d) const;
    const std::vector<double>& u() const { return u_; }
    /// Firing rates for the current u (computed on demand, cached).
    const std::vector<double>& r() const;
    /// The divisive factor 1 / (1 + k sum [u]_+^2) of the current u: r_i = [u_i]_+^2 * this.
    double normalisation() const { return 1.0 / (1.0 + p_.k * qSum_); }

    /// Replaces the state u (size must be size(), else std::invalid_argument).
    void setState(const std::vector<double>& u);
    void clearState();

    /// Advances one dt with the external input I (length size()), held constant over the step.
    void step(const double* input);

    /// Recurrent input J * r by the chosen method, in the model's precision.
    void recurrentInput(const double* r, double* out);
    /// The same by the dense O(size^2) product: the test oracle.
    void denseRecurrentInput(const double* r, double* out) const;
    /// r = [u]_+^2 / (1 + k sum [u]_+^2).
    static void rates(const double* u, std::size_t n, double k, double* r);
    /// The kernel by lattice offset (offset 0 at index 0, periodic).
    const std::vector<double>& kernel() const { return kernel_; }

  private:
    struct Conv;
    void rebuild();
    void refreshSquares();
    void derivative(const double* u, const double* input, double* du);
    template <class C>
    double eulerPass(C& conv, const double* input);

    std::vector<int> shape_;
    CannParams p_;
    ConvolutionPrecision precision_;
    ConvolutionMethod requested_;
    ConvolutionChoice choice_;
    std::vector<double> kernel_, u_;
    double qSum_ = 0.0;          // sum of [u]_+^2 for the current u
    bool bufferHoldsQ_ = false;  // the convolver's buffer holds q (the Euler fast path)
    mutable std::vector<double> r_;
    mutable bool rDirty_ = true;
    std::vector<double> k1_, k2_, k3_, k4_, tmp_, jr_, stage_;  // RK4 scratch, sized on first use
    std::unique_ptr<Conv> conv_;
};

/// The recurrent kernel by lattice offset: J0 / (sqrt(2 pi) a)^D prod_d exp(-d_d^2 / 2a^2), with
/// d_d = i dx_d for i <= n_d/2 and (i - n_d) dx_d above (the shortest periodic difference).
std::vector<double> latticeKernel(const std::vector<int>& shape, double a, double J0);
/// Its per-axis factors (J0 / (sqrt(2 pi) a)^D folded into the first): the kernel at
/// (i_0, .., i_{D-1}) is the product of factors[d][i_d].
std::vector<std::vector<double>> latticeKernelFactors(const std::vector<int>& shape, double a,
                                                      double J0);

/// Shortest periodic difference wrapped into [-pi, pi).
double wrapAngle(double d);

}  // namespace as
