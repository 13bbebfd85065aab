#pragma once
// Samples a Gaussian centred at z on a periodic lattice x_i = -pi + 2 pi i / n:
//   out_i = amplitude * exp(-c * d_i^2),  d_i = the periodic difference x_i - z, in [-pi, pi].
// With j0 the lattice point nearest z and delta = z - x_{j0}, the point at offset k from j0 has
// d = k dx - delta, so exp(-c d^2) = exp(-c delta^2) * G_k * p^k with G_k = exp(-c k^2 dx^2)
// tabulated once and p = exp(2 c delta dx) (|ln p^k| <= c pi dx: well conditioned). A fill is then
// one vectorised product and one short multiplicative chain (rounding < 1e-13 relative), instead of
// an exp and an fmod per point. Used for the stimulus, recomputed every step when it moves.
#include <vector>

namespace as {

class PeriodicGaussian {
  public:
    PeriodicGaussian(int n, double c);
    int size() const { return n_; }
    double c() const { return c_; }
    void fill(double z, double amplitude, double* out) const;

  private:
    int n_;
    double c_, dx_;
    std::vector<double> g_;  // G_k for k = -n/2 .. n/2, at index k + n/2
};

/// One-off convenience (tabulates G each call).
void periodicGaussian(double z, double amplitude, double c, int n, double* out);

}  // namespace as
