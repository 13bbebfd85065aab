#pragma once
// The rate CANN of models.md §1 on a ring (D = 1):
//   tau du/dt = -u + J * r + I,   r = [u]_+^2 / (1 + k sum [u]_+^2)
// with J a periodic Gaussian of std a, applied as an FFT circular convolution. The lattice pieces
// (FftConvolver, periodic kernel, per-axis decoding) are D-generic so the torus lab reuses them.
//
// Hot path (Euler): one fused pass updates u and computes q = [u]_+^2 and its sum for the next
// step; the divisive factor 1/(1 + k sum q) is applied after the convolution (J * (s q) = s J * q),
// so a step is one elementwise pass plus one r2c/c2r FFT pair. The state u is double; the
// convolution runs in float32 by default (relative error ~1e-7) or in float64 on request.
#include <memory>
#include <vector>

#include "cann/CannParams.h"
#include "cann/FftConvolver.h"

namespace as {

enum class ConvolutionPrecision { Float32, Float64 };

class RingCann {
public:
    /// Throws ParamError if p.check() fails. State starts at u = 0.
    explicit RingCann(const CannParams& p,
                      ConvolutionPrecision precision = ConvolutionPrecision::Float32);
    ~RingCann();
    RingCann(RingCann&&) noexcept;
    RingCann& operator=(RingCann&&) noexcept;

    const CannParams& params() const { return p_; }
    ConvolutionPrecision precision() const { return precision_; }
    /// Applies new parameters between steps (checked first; on error nothing changes). The kernel
    /// is rebuilt if N, a or J0 changed; if N changed the state is resampled (periodic linear).
    void setParams(const CannParams& p);

    int size() const { return p_.N; }
    /// Preferred positions x_i = -pi + 2 pi i / N.
    const std::vector<double>& positions() const { return x_; }
    const std::vector<double>& u() const { return u_; }
    /// Firing rates for the current u (computed on demand, cached).
    const std::vector<double>& r() const;
    /// The divisive factor 1 / (1 + k sum [u]_+^2) of the current u: r_i = [u_i]_+^2 * this.
    double normalisation() const { return 1.0 / (1.0 + p_.k * qSum_); }

    /// Replaces the state u (size must be N, else std::invalid_argument).
    void setState(const std::vector<double>& u);
    void clearState();

    /// Advances one dt with the external input I (length N), held constant over the step.
    void step(const double* input);

    /// Recurrent input J * r by FFT (out has length N), in the model's precision.
    void recurrentInput(const double* r, double* out);
    /// The same by the dense O(N^2) product: the test oracle.
    void denseRecurrentInput(const double* r, double* out) const;
    /// r = [u]_+^2 / (1 + k sum [u]_+^2).
    static void rates(const double* u, int n, double k, double* r);
    /// The kernel by lattice offset: kernel[i] = J0 / (sqrt(2 pi) a) exp(-d_i^2 / 2a^2).
    const std::vector<double>& kernel() const { return kernel_; }

private:
    struct Conv;
    void rebuild();
    void refreshSquares();
    void derivative(const double* u, const double* input, double* du);
    void stepEuler(const double* input);
    template <class T>
    double eulerPass(FftConvolver<T>& conv, const double* input);

    CannParams p_;
    ConvolutionPrecision precision_;
    std::vector<double> x_, kernel_, u_;
    double qSum_ = 0.0;          // sum of [u]_+^2 for the current u
    bool bufferHoldsQ_ = false;  // the convolver's buffer holds q_ (the Euler fast path)
    mutable std::vector<double> r_;
    mutable bool rDirty_ = true;
    std::vector<double> k1_, k2_, k3_, k4_, tmp_, jr_, stage_;
    std::unique_ptr<Conv> conv_;
};

/// Shortest periodic difference a - b wrapped into [-pi, pi).
double wrapAngle(double d);

/// The recurrent kernel by lattice offset i: J0 / (sqrt(2 pi) a) exp(-d_i^2 / 2a^2), with
/// d_i = i dx for i <= N/2 and (i - N) dx above (the shortest periodic difference).
std::vector<double> ringKernel(const CannParams& p);

}  // namespace as
