#include "spiking/ReducedRateModel.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/ParamAccess.h"

namespace as {
namespace {
constexpr double kPi = 3.14159265358979323846;
}

double ReducedParams::rho() const {
    return N / (2 * kPi);
}
double ReducedParams::g() const {
    return rho() * J0;
}
double ReducedParams::kCritical() const {
    return rho() * J0 * J0 / (8 * std::sqrt(2 * kPi) * a);
}
double ReducedParams::b() const {
    return 2 * std::sqrt(2 * kPi) * a * rho() * beta / g();
}

void ReducedParams::check() const {
    if (N < 32 || N > 8192) throw ParamError("N must be in [32, 8192]");
    if (!(a > 0 && a < kPi / 2)) throw ParamError("a must be in (0, pi/2)");
    if (!(J0 > 0)) throw ParamError("J0 must be > 0");
    if (!(k > 0 && k < kCritical()))
        throw ParamError("k must be in (0, k_c) = (0, " + std::to_string(kCritical()) + ")");
    if (!std::isfinite(beta) || b() <= -1)
        throw ParamError("beta must keep 1 + b > 0 (b = 2 sqrt(2 pi) a rho beta / g)");
    if (!(tau > 0) || !(dt > 0) || dt > 0.1 * tau) throw ParamError("dt must be in (0, tau / 10]");
}

ReducedRateModel::ReducedRateModel(const ReducedParams& p) : p_(p) {
    p_.check();
    const int N = p_.N;
    x_.resize(std::size_t(N));
    J_.resize(std::size_t(N));
    for (int i = 0; i < N; ++i) {
        x_[std::size_t(i)] = -kPi + 2 * kPi * i / N;
        const double d = std::remainder(2 * kPi * i / N, 2 * kPi);
        J_[std::size_t(i)] =
            p_.J0 / (std::sqrt(2 * kPi) * p_.a) * std::exp(-d * d / (2 * p_.a * p_.a));
    }
    u_.assign(std::size_t(N), 0.0);
    r_.assign(std::size_t(N), 0.0);
    in0_.assign(std::size_t(N), 0.0);
    // start near the analytic bump of beta = 0 (eq 13), centred at 0
    const double kc = p_.kCritical();
    const double U0 = p_.J0 * (1 + std::sqrt(1 - p_.k / kc)) / (4 * std::sqrt(kPi) * p_.a * p_.k);
    for (int i = 0; i < N; ++i)
        u_[std::size_t(i)] =
            U0 * std::exp(-x_[std::size_t(i)] * x_[std::size_t(i)] / (4 * p_.a * p_.a));
}

void ReducedRateModel::step(const std::vector<double>& input) {
    const int N = p_.N;
    double s2 = 0;
    for (double u : u_) s2 += u > 0 ? u * u : 0.0;
    const double denom = 1 + p_.k * s2;
    double sumR = 0;
    for (int i = 0; i < N; ++i) {
        const double u = u_[std::size_t(i)];
        r_[std::size_t(i)] = (u > 0 ? u * u : 0.0) / denom;
        sumR += r_[std::size_t(i)];
    }
    std::vector<double> next(static_cast<std::size_t>(N));
    for (int i = 0; i < N; ++i) {
        double rec = 0;
        for (int j = 0; j < N; ++j) rec += J_[std::size_t((i - j + N) % N)] * r_[std::size_t(j)];
        rec += p_.beta * sumR;
        const double du = (-u_[std::size_t(i)] + rec + input[std::size_t(i)]) / p_.tau;
        next[std::size_t(i)] = u_[std::size_t(i)] + p_.dt * du;
    }
    u_.swap(next);
}

bool ReducedRateModel::settle(double time) {
    const long n = std::lround(time / p_.dt);
    for (long s = 0; s < n; ++s) step(in0_);
    return height() > 1e-6;
}

double ReducedRateModel::height() const {
    return *std::max_element(u_.begin(), u_.end());
}

double ReducedRateModel::measureLambda0(double eps) {
    if (!settle()) return NAN;
    const std::vector<double> ref = u_;
    const double h0 = height();
    for (auto& u : u_) u *= 1 + eps;
    // deviation of the height along time; fit log|dev| linearly over [0.2, 2] tau
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    int n = 0;
    const long steps = std::lround(2.0 * p_.tau / p_.dt);
    for (long s = 1; s <= steps; ++s) {
        step(in0_);
        const double t = s * p_.dt;
        if (t < 0.2 * p_.tau) continue;
        const double dev = std::abs(height() - h0);
        if (dev <= 0) continue;
        const double y = std::log(dev);
        sx += t;
        sy += y;
        sxx += t * t;
        sxy += t * y;
        ++n;
    }
    u_ = ref;
    if (n < 3) return NAN;
    const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    // Euler multiplies the deviation by 1 - (dt/tau)(1 - lambda0) per step: invert that exactly,
    // so the measurement carries no O(dt) bias.
    return 1.0 - (1.0 - std::exp(slope * p_.dt)) * p_.tau / p_.dt;
}

double ReducedRateModel::lambda0Eq17(const ReducedParams& p) {
    return (1 + p.b()) * (1 - std::sqrt(1 - p.k / p.kCritical()));
}

double ReducedRateModel::lambda0Projected(const ReducedParams& p) {
    const double q = p.k / p.kCritical() / ((1 + p.b()) * (1 + p.b()));
    return q < 1 ? 1 - std::sqrt(1 - q) : NAN;
}

double ReducedRateModel::trackingSpeed(double s, double alpha, double lambda0, double a,
                                       double tau) {
    const double e = std::exp(-s * s / (8 * a * a));
    return alpha * s / tau * e / (1 + alpha / (1 - lambda0) * e);
}

double ReducedRateModel::maxTrackableSpeed(double alpha, double lambda0, double a, double tau,
                                           double* sAtMax) {
    double best = 0, sBest = 0;
    const double sHi = 12 * a;
    for (int i = 1; i <= 4000; ++i) {
        const double s = sHi * i / 4000;
        const double v = trackingSpeed(s, alpha, lambda0, a, tau);
        if (v > best) {
            best = v;
            sBest = s;
        }
    }
    double lo = std::max(0.0, sBest - sHi / 4000), hi = sBest + sHi / 4000;
    for (int it = 0; it < 60; ++it) {
        const double m1 = lo + (hi - lo) * 0.382, m2 = lo + (hi - lo) * 0.618;
        if (trackingSpeed(m1, alpha, lambda0, a, tau) < trackingSpeed(m2, alpha, lambda0, a, tau))
            lo = m1;
        else
            hi = m2;
    }
    sBest = 0.5 * (lo + hi);
    if (sAtMax) *sAtMax = sBest;
    return trackingSpeed(sBest, alpha, lambda0, a, tau);
}

double ReducedRateModel::trackingLag(double v, double alpha, double lambda0, double a, double tau) {
    double sMax = 0;
    const double vmax = maxTrackableSpeed(alpha, lambda0, a, tau, &sMax);
    if (!(v >= 0) || v >= vmax) return NAN;
    double lo = 0, hi = sMax;  // g is increasing on [0, sMax]
    for (int it = 0; it < 100; ++it) {
        const double m = 0.5 * (lo + hi);
        if (trackingSpeed(m, alpha, lambda0, a, tau) < v)
            lo = m;
        else
            hi = m;
    }
    return 0.5 * (lo + hi);
}

}  // namespace as
