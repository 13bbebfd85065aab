#include "cann/RingCann.h"

#include "core/FlushDenormals.h"

#include <algorithm>
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

// The convolver in the chosen precision; exactly one of the two is set.
struct RingCann::Conv {
    std::unique_ptr<FftConvolver<float>> f32;
    std::unique_ptr<FftConvolver<double>> f64;

    /// out = scale * (J * q), q given in double.
    void convolve(const double* q, double scale, double* out) {
        if (f32) {
            float* b = f32->buffer();
            const std::size_t n = f32->size();
            for (std::size_t i = 0; i < n; ++i) b[i] = float(q[i]);
            f32->execute();
            for (std::size_t i = 0; i < n; ++i) out[i] = scale * double(b[i]);
        } else {
            double* b = f64->buffer();
            const std::size_t n = f64->size();
            for (std::size_t i = 0; i < n; ++i) b[i] = q[i];
            f64->execute();
            for (std::size_t i = 0; i < n; ++i) out[i] = scale * b[i];
        }
    }
};

RingCann::RingCann(const CannParams& p, ConvolutionPrecision precision)
    : p_(p), precision_(precision) {
    p_.check();
    rebuild();
    clearState();
}

RingCann::~RingCann() = default;
RingCann::RingCann(RingCann&&) noexcept = default;
RingCann& RingCann::operator=(RingCann&&) noexcept = default;

void RingCann::setParams(const CannParams& p) {
    p.check();
    const bool kernelChanged = p.N != p_.N || p.a != p_.a || p.J0 != p_.J0;
    const int oldN = p_.N;
    std::vector<double> oldU = u_;
    p_ = p;
    if (kernelChanged) {
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
    }
    refreshSquares();
}

std::vector<double> ringKernel(const CannParams& p) {
    const int n = p.N;
    const double dx = 2 * kPi / n;
    const double amp = p.J0 / (std::sqrt(2 * kPi) * p.a);
    std::vector<double> kernel(n);
    for (int i = 0; i < n; ++i) {
        const double d = (i <= n / 2 ? i : i - n) * dx;
        kernel[i] = amp * std::exp(-d * d / (2 * p.a * p.a));
    }
    return kernel;
}

void RingCann::rebuild() {
    const int n = p_.N;
    x_.resize(n);
    for (int i = 0; i < n; ++i) x_[i] = -kPi + i * (2 * kPi / n);
    kernel_ = ringKernel(p_);
    conv_ = std::make_unique<Conv>();
    if (precision_ == ConvolutionPrecision::Float32)
        conv_->f32 = std::make_unique<FftConvolver<float>>(std::vector<int>{n},
                                                           std::vector<float>(kernel_.begin(), kernel_.end()));
    else
        conv_->f64 = std::make_unique<FftConvolver<double>>(std::vector<int>{n}, kernel_);
    for (auto* v : {&u_, &r_, &jr_, &k1_, &k2_, &k3_, &k4_, &tmp_, &stage_}) v->assign(n, 0.0);
    qSum_ = 0.0;
    rDirty_ = true;
}

void RingCann::refreshSquares() {
    bufferHoldsQ_ = false;
    double sum = 0.0;
    for (int i = 0; i < p_.N; ++i) {
        const double up = std::max(u_[i], 0.0);
        sum += up * up;
    }
    qSum_ = sum;
    rDirty_ = true;
}

const std::vector<double>& RingCann::r() const {
    if (rDirty_) {
        const double inv = 1.0 / (1.0 + p_.k * qSum_);
        for (int i = 0; i < p_.N; ++i) {
            const double up = std::max(u_[i], 0.0);
            r_[i] = up * up * inv;
        }
        rDirty_ = false;
    }
    return r_;
}

void RingCann::setState(const std::vector<double>& u) {
    if (int(u.size()) != p_.N)
        throw std::invalid_argument("state has " + std::to_string(u.size()) + " entries, expected N = " +
                                    std::to_string(p_.N));
    u_ = u;
    refreshSquares();
}

void RingCann::clearState() {
    u_.assign(p_.N, 0.0);
    refreshSquares();
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

void RingCann::recurrentInput(const double* r, double* out) {
    bufferHoldsQ_ = false;
    conv_->convolve(r, 1.0, out);
}

void RingCann::denseRecurrentInput(const double* r, double* out) const {
    denseCircularConvolve<double>({p_.N}, kernel_, r, out);
}

void RingCann::derivative(const double* u, const double* input, double* du) {
    const int n = p_.N;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        const double up = u[i] > 0 ? u[i] : 0.0;
        tmp_[i] = up * up;
        sum += tmp_[i];
    }
    bufferHoldsQ_ = false;
    conv_->convolve(tmp_.data(), 1.0 / (1.0 + p_.k * sum), jr_.data());
    const double invTau = 1.0 / p_.tau;
    for (int i = 0; i < n; ++i) du[i] = (-u[i] + jr_[i] + input[i]) * invTau;
}

// Fused Euler step. The convolver's buffer enters holding q = [u]_+^2 of the current u (left there
// by the previous step); after the FFT pair it holds J * q, and the same pass that reads it writes
// u_new and q(u_new) back into it for the next step, so a step touches each array once.
template <class T>
double RingCann::eulerPass(FftConvolver<T>& conv, const double* input) {
    const int n = p_.N;
    const double a = p_.dt / p_.tau;
    const double scale = 1.0 / (1.0 + p_.k * qSum_);
    double* u = u_.data();
    T* b = conv.buffer();
    if (!bufferHoldsQ_) {
        for (int i = 0; i < n; ++i) {
            const double up = std::max(u[i], 0.0);
            b[i] = T(up * up);
        }
    }
    conv.execute();
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        const double un = u[i] + a * (scale * double(b[i]) + input[i] - u[i]);
        u[i] = un;
        const double up = std::max(un, 0.0);
        const double q = up * up;
        b[i] = T(q);
        sum += q;
    }
    return sum;
}

void RingCann::stepEuler(const double* input) {
    qSum_ = conv_->f32 ? eulerPass(*conv_->f32, input) : eulerPass(*conv_->f64, input);
    bufferHoldsQ_ = true;
    rDirty_ = true;
}

void RingCann::step(const double* input) {
    FlushDenormals ftz;
    if (p_.integrator == Integrator::Euler) {
        stepEuler(input);
        return;
    }
    const int n = p_.N;
    const double dt = p_.dt;
    double* u = u_.data();
    double* t = stage_.data();
    derivative(u, input, k1_.data());
    for (int i = 0; i < n; ++i) t[i] = u[i] + 0.5 * dt * k1_[i];
    derivative(t, input, k2_.data());
    for (int i = 0; i < n; ++i) t[i] = u[i] + 0.5 * dt * k2_[i];
    derivative(t, input, k3_.data());
    for (int i = 0; i < n; ++i) t[i] = u[i] + dt * k3_[i];
    derivative(t, input, k4_.data());
    for (int i = 0; i < n; ++i) u[i] += dt / 6.0 * (k1_[i] + 2 * k2_[i] + 2 * k3_[i] + k4_[i]);
    refreshSquares();
}

}  // namespace as
