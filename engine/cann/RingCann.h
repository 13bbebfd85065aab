#pragma once
// The rate CANN of models.md §1 on a ring (D = 1):
//   tau du/dt = -u + J * r + I,   r = [u]_+^2 / (1 + k sum [u]_+^2)
// with J a periodic Gaussian of std a, applied as an FFT circular convolution. The lattice pieces
// (FftConvolver, periodic kernel, per-axis decoding) are D-generic so the torus lab reuses them.
#include <memory>
#include <vector>

#include "cann/CannParams.h"
#include "cann/FftConvolver.h"

namespace as {

class RingCann {
public:
    /// Throws ParamError if p.check() fails. State starts at u = 0.
    explicit RingCann(const CannParams& p);

    const CannParams& params() const { return p_; }
    /// Applies new parameters between steps (checked first; on error nothing changes). The kernel
    /// is rebuilt if N, a or J0 changed; if N changed the state is resampled (periodic linear).
    void setParams(const CannParams& p);

    int size() const { return p_.N; }
    /// Preferred positions x_i = -pi + 2 pi i / N.
    const std::vector<double>& positions() const { return x_; }
    const std::vector<double>& u() const { return u_; }
    /// Firing rates for the current u.
    const std::vector<double>& r() const { return r_; }

    /// Replaces the state u (size must be N, else std::invalid_argument).
    void setState(const std::vector<double>& u);
    void clearState();

    /// Advances one dt with the external input I (length N), held constant over the step.
    void step(const double* input);

    /// Recurrent input J * r by FFT (out has length N).
    void recurrentInput(const double* r, double* out);
    /// The same by the dense O(N^2) product: the test oracle.
    void denseRecurrentInput(const double* r, double* out) const;
    /// r = [u]_+^2 / (1 + k sum [u]_+^2).
    static void rates(const double* u, int n, double k, double* r);
    /// The kernel by lattice offset: kernel[i] = J0 / (sqrt(2 pi) a) exp(-d_i^2 / 2a^2).
    const std::vector<double>& kernel() const { return kernel_; }

private:
    void rebuild();
    void derivative(const double* u, const double* input, double* du);

    CannParams p_;
    std::vector<double> x_, kernel_, u_, r_;
    std::vector<double> rScratch_, jr_, k1_, k2_, k3_, k4_, tmp_;
    std::unique_ptr<FftConvolver<double>> conv_;
};

/// Shortest periodic difference a - b wrapped into [-pi, pi).
double wrapAngle(double d);

}  // namespace as
