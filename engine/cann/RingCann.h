#pragma once
// The rate CANN of models.md §1 on a ring: the D = 1 case of LatticeCann, plus what only a ring
// has (CannParams with N and its analytic k_c / U0, periodic resampling when N changes).
//   tau du/dt = -u + J * r + I,   r = [u]_+^2 / (1 + k sum [u]_+^2)
// with J a periodic Gaussian of std a, applied as an FFT circular convolution (float32 by default).
#include <vector>

#include "cann/CannParams.h"
#include "cann/LatticeCann.h"

namespace as {

class RingCann {
  public:
    /// Throws ParamError if p.check() fails. State starts at u = 0.
    explicit RingCann(const CannParams& p,
                      ConvolutionPrecision precision = ConvolutionPrecision::Float32);

    const CannParams& params() const { return p_; }
    ConvolutionPrecision precision() const { return lattice_.precision(); }
    /// Applies new parameters between steps (checked first; on error nothing changes). The kernel
    /// is rebuilt if N, a or J0 changed; if N changed the state is resampled (periodic linear).
    void setParams(const CannParams& p);

    int size() const { return p_.N; }
    /// Preferred positions x_i = -pi + 2 pi i / N.
    const std::vector<double>& positions() const { return x_; }
    const std::vector<double>& u() const { return lattice_.u(); }
    /// Firing rates for the current u (computed on demand, cached).
    const std::vector<double>& r() const { return lattice_.r(); }
    /// The divisive factor 1 / (1 + k sum [u]_+^2) of the current u: r_i = [u_i]_+^2 * this.
    double normalisation() const { return lattice_.normalisation(); }

    /// Replaces the state u (size must be N, else std::invalid_argument).
    void setState(const std::vector<double>& u) { lattice_.setState(u); }
    void clearState() { lattice_.clearState(); }

    /// Advances one dt with the external input I (length N), held constant over the step.
    void step(const double* input) { lattice_.step(input); }

    /// Recurrent input J * r by FFT (out has length N), in the model's precision.
    void recurrentInput(const double* r, double* out) { lattice_.recurrentInput(r, out); }
    /// The same by the dense O(N^2) product: the test oracle.
    void denseRecurrentInput(const double* r, double* out) const {
        lattice_.denseRecurrentInput(r, out);
    }
    /// r = [u]_+^2 / (1 + k sum [u]_+^2).
    static void rates(const double* u, int n, double k, double* r) {
        LatticeCann::rates(u, std::size_t(n), k, r);
    }
    /// The kernel by lattice offset: kernel[i] = J0 / (sqrt(2 pi) a) exp(-d_i^2 / 2a^2).
    const std::vector<double>& kernel() const { return lattice_.kernel(); }
    /// The underlying lattice model.
    const LatticeCann& lattice() const { return lattice_; }

  private:
    CannParams p_;
    LatticeCann lattice_;
    std::vector<double> x_;
};

/// The recurrent kernel by lattice offset i: J0 / (sqrt(2 pi) a) exp(-d_i^2 / 2a^2), with
/// d_i = i dx for i <= N/2 and (i - N) dx above (the shortest periodic difference).
std::vector<double> ringKernel(const CannParams& p);

}  // namespace as
