#include "cann/LatticeCann.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "core/FlushDenormals.h"

namespace as {
namespace {
constexpr double kPi = 3.14159265358979323846;
}

double wrapAngle(double d) {
    d = std::fmod(d + kPi, 2 * kPi);
    if (d < 0) d += 2 * kPi;
    return d - kPi;
}

std::vector<std::vector<double>> latticeKernelFactors(const std::vector<int>& shape, double a,
                                                      double J0) {
    const int dims = int(shape.size());
    std::vector<std::vector<double>> g(shape.size());
    for (int d = 0; d < dims; ++d) {
        const int side = shape[std::size_t(d)];
        const double dx = 2 * kPi / side;
        g[std::size_t(d)].resize(std::size_t(side));
        for (int i = 0; i < side; ++i) {
            const double off = (i <= side / 2 ? i : i - side) * dx;
            g[std::size_t(d)][std::size_t(i)] = std::exp(-off * off / (2 * a * a));
        }
    }
    const double amp = J0 / std::pow(std::sqrt(2 * kPi) * a, dims);
    for (double& v : g[0]) v *= amp;
    return g;
}

std::vector<double> latticeKernel(const std::vector<int>& shape, double a, double J0) {
    const auto f = latticeKernelFactors(shape, a, J0);
    // Padded to three axes (leading factors of 1) so one loop nest serves D = 1, 2, 3.
    std::vector<double> g[3];
    for (int d = 0; d < 3; ++d) {
        const int axis = d - (3 - int(shape.size()));
        g[d] = axis < 0 ? std::vector<double>{1.0} : f[std::size_t(axis)];
    }
    std::vector<double> kernel(g[0].size() * g[1].size() * g[2].size());
    std::size_t idx = 0;
    for (double gi : g[0])
        for (double gj : g[1]) {
            const double gij = gi * gj;
            for (double gk : g[2]) kernel[idx++] = gij * gk;
        }
    return kernel;
}

// The convolver of the chosen method and precision; exactly one is set.
struct LatticeCann::Conv {
    std::unique_ptr<FftConvolver<float>> fft32;
    std::unique_ptr<FftConvolver<double>> fft64;
    std::unique_ptr<SeparableConvolver<float>> sep32;
    std::unique_ptr<SeparableConvolver<double>> sep64;

    /// f(convolver) on the one that is set.
    template <class F>
    auto visit(F&& f) {
        if (fft32) return f(*fft32);
        if (fft64) return f(*fft64);
        if (sep32) return f(*sep32);
        return f(*sep64);
    }

    /// out = scale * (J * q), q given in double.
    void convolve(const double* q, double scale, double* out) {
        visit([&](auto& c) {
            auto* b = c.buffer();
            using T = std::remove_pointer_t<decltype(b)>;
            const std::size_t n = c.size();
            for (std::size_t i = 0; i < n; ++i) b[i] = T(q[i]);
            c.execute();
            for (std::size_t i = 0; i < n; ++i) out[i] = scale * double(b[i]);
        });
    }
};

LatticeCann::LatticeCann(std::vector<int> shape, const CannParams& p,
                         ConvolutionPrecision precision, ConvolutionMethod method)
    : shape_(std::move(shape)), p_(p), precision_(precision), requested_(method) {
    if (shape_.empty() || shape_.size() > 3)
        throw std::invalid_argument("a lattice has 1 to 3 axes (got " +
                                    std::to_string(shape_.size()) + ")");
    for (int n : shape_)
        if (n < 4 || n > 16384)
            throw std::invalid_argument("lattice sides must be in [4, 16384] (got " +
                                        std::to_string(n) + ")");
    rebuild();
    clearState();
}

LatticeCann::~LatticeCann() = default;
LatticeCann::LatticeCann(LatticeCann&&) noexcept = default;
LatticeCann& LatticeCann::operator=(LatticeCann&&) noexcept = default;

void LatticeCann::setDynamics(const CannParams& p) {
    const bool kernelChanged = p.a != p_.a || p.J0 != p_.J0;
    p_ = p;
    if (kernelChanged) {
        std::vector<double> keep = u_;
        rebuild();
        u_ = std::move(keep);
    }
    refreshSquares();
}

void LatticeCann::setMethod(ConvolutionMethod method) {
    if (method == requested_) return;
    requested_ = method;
    std::vector<double> keep = u_;
    rebuild();
    u_ = std::move(keep);
    refreshSquares();
}

std::vector<double> LatticeCann::axisPositions(int d) const {
    const int n = shape_.at(std::size_t(d));
    std::vector<double> x(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) x[std::size_t(i)] = -kPi + i * (2 * kPi / n);
    return x;
}

void LatticeCann::rebuild() {
    kernel_ = latticeKernel(shape_, p_.a, p_.J0);
    const std::size_t n = kernel_.size();
    const auto factors = latticeKernelFactors(shape_, p_.a, p_.J0);
    choice_ = convolutionChoice(shape_, factors, requested_);
    const bool f32 = precision_ == ConvolutionPrecision::Float32;
    conv_ = std::make_unique<Conv>();
    if (choice_.method == ConvolutionMethod::Fft) {
        if (f32)
            conv_->fft32 = std::make_unique<FftConvolver<float>>(
                shape_, std::vector<float>(kernel_.begin(), kernel_.end()));
        else
            conv_->fft64 = std::make_unique<FftConvolver<double>>(shape_, kernel_);
    } else if (f32) {
        conv_->sep32 =
            std::make_unique<SeparableConvolver<float>>(shape_, factors, choice_.bandLimit);
    } else {
        conv_->sep64 =
            std::make_unique<SeparableConvolver<double>>(shape_, factors, choice_.bandLimit);
    }
    u_.assign(n, 0.0);
    r_.assign(n, 0.0);
    for (auto* v : {&jr_, &k1_, &k2_, &k3_, &k4_, &tmp_, &stage_}) v->clear();
    qSum_ = 0.0;
    rDirty_ = true;
    bufferHoldsQ_ = false;
}

void LatticeCann::refreshSquares() {
    bufferHoldsQ_ = false;
    double sum = 0.0;
    for (double v : u_) {
        const double up = std::max(v, 0.0);
        sum += up * up;
    }
    qSum_ = sum;
    rDirty_ = true;
}

const std::vector<double>& LatticeCann::r() const {
    if (rDirty_) {
        const double inv = 1.0 / (1.0 + p_.k * qSum_);
        for (std::size_t i = 0; i < u_.size(); ++i) {
            const double up = std::max(u_[i], 0.0);
            r_[i] = up * up * inv;
        }
        rDirty_ = false;
    }
    return r_;
}

void LatticeCann::setState(const std::vector<double>& u) {
    if (u.size() != u_.size())
        throw std::invalid_argument("state has " + std::to_string(u.size()) +
                                    " entries, expected " + std::to_string(u_.size()));
    u_ = u;
    refreshSquares();
}

void LatticeCann::clearState() {
    std::fill(u_.begin(), u_.end(), 0.0);
    refreshSquares();
}

void LatticeCann::rates(const double* u, std::size_t n, double k, double* r) {
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double up = u[i] > 0 ? u[i] : 0.0;
        r[i] = up * up;
        sum += r[i];
    }
    const double inv = 1.0 / (1.0 + k * sum);
    for (std::size_t i = 0; i < n; ++i) r[i] *= inv;
}

void LatticeCann::recurrentInput(const double* r, double* out) {
    bufferHoldsQ_ = false;
    conv_->convolve(r, 1.0, out);
}

void LatticeCann::denseRecurrentInput(const double* r, double* out) const {
    denseCircularConvolve<double>(shape_, kernel_, r, out);
}

void LatticeCann::derivative(const double* u, const double* input, double* du) {
    const std::size_t n = u_.size();
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double up = u[i] > 0 ? u[i] : 0.0;
        tmp_[i] = up * up;
        sum += tmp_[i];
    }
    bufferHoldsQ_ = false;
    conv_->convolve(tmp_.data(), 1.0 / (1.0 + p_.k * sum), jr_.data());
    const double invTau = 1.0 / p_.tau;
    for (std::size_t i = 0; i < n; ++i) du[i] = (-u[i] + jr_[i] + input[i]) * invTau;
}

// Fused Euler step. The convolver's buffer enters holding q = [u]_+^2 of the current u (left there
// by the previous step); after the FFT pair it holds J * q, and the same pass that reads it writes
// u_new and q(u_new) back into it for the next step, so a step touches each array once.
template <class C>
double LatticeCann::eulerPass(C& conv, const double* input) {
    const std::size_t n = u_.size();
    const double a = p_.dt / p_.tau;
    const double scale = 1.0 / (1.0 + p_.k * qSum_);
    double* u = u_.data();
    auto* b = conv.buffer();
    using T = std::remove_pointer_t<decltype(b)>;
    if (!bufferHoldsQ_) {
        for (std::size_t i = 0; i < n; ++i) {
            const double up = std::max(u[i], 0.0);
            b[i] = T(up * up);
        }
    }
    conv.execute();
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double un = u[i] + a * (scale * double(b[i]) + input[i] - u[i]);
        u[i] = un;
        const double up = std::max(un, 0.0);
        const double q = up * up;
        b[i] = T(q);
        sum += q;
    }
    return sum;
}

void LatticeCann::step(const double* input) {
    FlushDenormals ftz;
    if (p_.integrator == Integrator::Euler) {
        qSum_ = conv_->visit([&](auto& c) { return eulerPass(c, input); });
        bufferHoldsQ_ = true;
        rDirty_ = true;
        return;
    }
    const std::size_t n = u_.size();
    if (k1_.size() != n)
        for (auto* v : {&jr_, &k1_, &k2_, &k3_, &k4_, &tmp_, &stage_}) v->assign(n, 0.0);
    const double dt = p_.dt;
    double* u = u_.data();
    double* t = stage_.data();
    derivative(u, input, k1_.data());
    for (std::size_t i = 0; i < n; ++i) t[i] = u[i] + 0.5 * dt * k1_[i];
    derivative(t, input, k2_.data());
    for (std::size_t i = 0; i < n; ++i) t[i] = u[i] + 0.5 * dt * k2_[i];
    derivative(t, input, k3_.data());
    for (std::size_t i = 0; i < n; ++i) t[i] = u[i] + dt * k3_[i];
    derivative(t, input, k4_.data());
    for (std::size_t i = 0; i < n; ++i)
        u[i] += dt / 6.0 * (k1_[i] + 2 * k2_[i] + 2 * k3_[i] + k4_[i]);
    refreshSquares();
}

}  // namespace as
