#include "cann/RingCann.h"

#include <cmath>
#include <stdexcept>

namespace as {
namespace {
constexpr double kPi = 3.14159265358979323846;
}

double wrapAngle(double d) {
    d = std::fmod(d + kPi, 2 * kPi);
    if (d < 0) d += 2 * kPi;
    return d - kPi;
}

RingCann::RingCann(const CannParams& p) : p_(p) {
    p_.check();
    rebuild();
    clearState();
}

void RingCann::setParams(const CannParams& p) {
    p.check();
    const bool kernelChanged = p.N != p_.N || p.a != p_.a || p.J0 != p_.J0;
    const int oldN = p_.N;
    std::vector<double> oldU = u_;
    p_ = p;
    if (!kernelChanged) {
        rates(u_.data(), p_.N, p_.k, r_.data());
        return;
    }
    rebuild();
    if (oldN == p_.N) {
        u_ = std::move(oldU);
    } else {  // periodic linear resampling of the old state onto the new lattice
        u_.assign(p_.N, 0.0);
        for (int i = 0; i < p_.N; ++i) {
            const double pos = double(i) * oldN / p_.N;
            const int i0 = int(pos) % oldN;
            const double w = pos - std::floor(pos);
            u_[i] = (1 - w) * oldU[i0] + w * oldU[(i0 + 1) % oldN];
        }
    }
    rates(u_.data(), p_.N, p_.k, r_.data());
}

void RingCann::rebuild() {
    const int n = p_.N;
    const double dx = 2 * kPi / n;
    x_.resize(n);
    kernel_.resize(n);
    const double amp = p_.J0 / (std::sqrt(2 * kPi) * p_.a);
    for (int i = 0; i < n; ++i) {
        x_[i] = -kPi + i * dx;
        const double d = (i <= n / 2 ? i : i - n) * dx;
        kernel_[i] = amp * std::exp(-d * d / (2 * p_.a * p_.a));
    }
    conv_ = std::make_unique<FftConvolver<double>>(std::vector<int>{n}, kernel_);
    for (auto* v : {&u_, &r_, &rScratch_, &jr_, &k1_, &k2_, &k3_, &k4_, &tmp_}) v->assign(n, 0.0);
}

void RingCann::setState(const std::vector<double>& u) {
    if (int(u.size()) != p_.N)
        throw std::invalid_argument("state has " + std::to_string(u.size()) + " entries, expected N = " +
                                    std::to_string(p_.N));
    u_ = u;
    rates(u_.data(), p_.N, p_.k, r_.data());
}

void RingCann::clearState() {
    u_.assign(p_.N, 0.0);
    r_.assign(p_.N, 0.0);
}

void RingCann::rates(const double* u, int n, double k, double* r) {
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        const double up = u[i] > 0 ? u[i] : 0.0;
        r[i] = up * up;
        sum += r[i];
    }
    const double inv = 1.0 / (1.0 + k * sum);
    for (int i = 0; i < n; ++i) r[i] *= inv;
}

void RingCann::recurrentInput(const double* r, double* out) { conv_->apply(r, out); }

void RingCann::denseRecurrentInput(const double* r, double* out) const {
    denseCircularConvolve<double>({p_.N}, kernel_, r, out);
}

void RingCann::derivative(const double* u, const double* input, double* du) {
    const int n = p_.N;
    rates(u, n, p_.k, rScratch_.data());
    conv_->apply(rScratch_.data(), jr_.data());
    const double invTau = 1.0 / p_.tau;
    for (int i = 0; i < n; ++i) du[i] = (-u[i] + jr_[i] + input[i]) * invTau;
}

void RingCann::step(const double* input) {
    const int n = p_.N;
    const double dt = p_.dt;
    double* u = u_.data();
    if (p_.integrator == Integrator::Euler) {
        derivative(u, input, k1_.data());
        for (int i = 0; i < n; ++i) u[i] += dt * k1_[i];
    } else {
        double* t = tmp_.data();
        derivative(u, input, k1_.data());
        for (int i = 0; i < n; ++i) t[i] = u[i] + 0.5 * dt * k1_[i];
        derivative(t, input, k2_.data());
        for (int i = 0; i < n; ++i) t[i] = u[i] + 0.5 * dt * k2_[i];
        derivative(t, input, k3_.data());
        for (int i = 0; i < n; ++i) t[i] = u[i] + dt * k3_[i];
        derivative(t, input, k4_.data());
        for (int i = 0; i < n; ++i) u[i] += dt / 6.0 * (k1_[i] + 2 * k2_[i] + 2 * k3_[i] + k4_[i]);
    }
    rates(u, n, p_.k, r_.data());
}

}  // namespace as
