#pragma once
// The reduced firing-rate model of the coupled network (seed 001 eq 10-11): the ring CANN of
// models.md §1 with the E-INN's effect as a uniform offset beta added to every connection,
//   tau dU_i/dt = -U_i + sum_j (J(x_i - x_j) + beta) r_j + I_i,
//   r_i = [U_i]+^2 / (1 + k sum_j [U_j]+^2),   J(d) = J0 / (sqrt(2 pi) a) exp(-d^2 / 2a^2),
// on N neurons (density rho = N / 2 pi, so sums stand for rho times integrals). It measures the
// height-mode eigenvalue lambda_0 by perturbing the steady bump's height and fitting the decay
// exp(-(1 - lambda_0) t / tau), to compare with eq 17; and evaluates the tracking relations eq
// 22-26.
#include <vector>

namespace as {

struct ReducedParams {
    int N = 256;        ///< neurons on the ring. Default 256.
    double a = 0.5;     ///< kernel width (rad). Default 0.5.
    double J0 = 4.0;    ///< kernel strength. Default 4 (models.md §1).
    double k = 8.1;     ///< global inhibition; k < k_c (of beta = 0). Default 8.1.
    double beta = 0.0;  ///< E-INN offset beta = g_EE - g_IE g_EI / g_II (< 0 when balanced).
    double tau = 1.0;   ///< time constant (the slow synapse, in units of tau). Default 1.
    double dt = 0.01;   ///< Euler step (tau units). Default 0.01.
    double rho() const;
    double g() const;          ///< g = rho J0: U0 = g r0 / sqrt(2) (eq 13-14)
    double kCritical() const;  ///< k_c = rho J0^2 / (8 sqrt(2 pi) a) at beta = 0
    double b() const;          ///< b = 2 sqrt(2 pi) a rho beta / g (the beta factor of eq 17)
    void check() const;        ///< throws ParamError
};

class ReducedRateModel {
  public:
    explicit ReducedRateModel(const ReducedParams& p);
    const ReducedParams& params() const { return p_; }
    /// Relaxes from a Gaussian bump (no input) for `time` (tau units); returns false if it died
    /// out.
    bool settle(double time = 60.0);
    void step(const std::vector<double>& input);
    const std::vector<double>& U() const { return u_; }
    /// Height of U (its maximum).
    double height() const;
    /// lambda_0 measured: perturbs the settled bump's height by a factor (1 + eps), fits the decay
    /// rate of the height deviation over [0.2, 2] tau. NaN if no bump exists.
    double measureLambda0(double eps = 0.01);

    /// eq 17: lambda_0 = (1 + b)(1 - sqrt(1 - k/k_c)) (first order in beta, bump held at beta = 0).
    static double lambda0Eq17(const ReducedParams& p);
    /// The same projection on the height mode at the bump that actually exists with beta:
    /// lambda_0 = 1 - sqrt(1 - (k/k_c) / (1 + b)^2) (docs/models/ei-spiking.md).
    static double lambda0Projected(const ReducedParams& p);

    /// eq 25 right-hand side: g(s) = alpha s / tau exp(-s^2/8a^2) / R, R = 1 + alpha/(1 - lambda0)
    /// exp(-s^2/8a^2).
    static double trackingSpeed(double s, double alpha, double lambda0, double a, double tau);
    /// v_max = max_s g(s) (eq 25-26), by a fine scan and golden-section refinement.
    static double maxTrackableSpeed(double alpha, double lambda0, double a, double tau,
                                    double* sAtMax = nullptr);
    /// The stable lag s(v): the smaller root of g(s) = v; NaN if v >= v_max.
    static double trackingLag(double v, double alpha, double lambda0, double a, double tau);

  private:
    ReducedParams p_;
    std::vector<double> x_, J_, u_, r_, in0_;
};

}  // namespace as
