#include "cann/SeparableConvolver.h"

#include <omp.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string>

#include "core/Angles.h"

namespace as {
namespace {

using Index = Eigen::Index;
template <class T>
using RowMatrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Eigen splits a large GEMM over omp_get_max_threads() threads; a lattice step stays on the
// calling thread (as FFTW's plans do), so the count is lowered around the passes and restored.
class SerialGemm {
  public:
    SerialGemm() : saved_(omp_get_max_threads()) {
        if (saved_ > 1) omp_set_num_threads(1);
    }
    ~SerialGemm() {
        if (saved_ > 1) omp_set_num_threads(saved_);
    }
    SerialGemm(const SerialGemm&) = delete;
    SerialGemm& operator=(const SerialGemm&) = delete;

  private:
    int saved_;
};

// The DFT of one real factor: k^(m) = C_m - i S_m for m = 0 .. n-1.
struct Spectrum {
    std::vector<double> c, s;
    double magnitude(int m) const { return std::hypot(c[std::size_t(m)], s[std::size_t(m)]); }
};

Spectrum spectrumOf(const std::vector<double>& k) {
    const int n = int(k.size());
    Spectrum sp;
    sp.c.assign(k.size(), 0.0);
    sp.s.assign(k.size(), 0.0);
    for (int m = 0; m < n; ++m)
        for (int i = 0; i < n; ++i) {
            const double th = 2 * kPi * double((long(m) * i) % n) / n;
            sp.c[std::size_t(m)] += k[std::size_t(i)] * std::cos(th);
            sp.s[std::size_t(m)] += k[std::size_t(i)] * std::sin(th);
        }
    return sp;
}

int axisBand(int n, int bandLimit) {
    return std::min(bandLimit, n / 2);
}

// Basis functions kept on an axis of n points with band limit M (<= n/2): 1, (cos, sin) for
// m = 1 .. min(M, (n-1)/2), and cos(pi i) (the Nyquist mode) when n is even and M = n/2.
int basisSize(int n, int M) {
    return 1 + 2 * std::min(M, (n - 1) / 2) + (n % 2 == 0 && M == n / 2 ? 1 : 0);
}

// The passes' matrix shapes: {rows out, depth}, and the row count of the other axes ("rest").
struct PassShape {
    int out, depth;
    Index rest;
};

std::vector<PassShape> planShapes(const std::vector<int>& shape, int bandLimit) {
    std::vector<Index> dims(shape.begin(), shape.end());  // current layout, first to last
    std::vector<PassShape> passes;
    auto contract = [&](int out) {
        Index rest = 1;
        for (std::size_t i = 0; i + 1 < dims.size(); ++i) rest *= dims[i];
        passes.push_back({out, int(dims.back()), rest});
        dims.pop_back();
        dims.insert(dims.begin(), out);
    };
    const int D = int(shape.size());
    if (bandLimit < 0) {
        for (int d = D - 1; d >= 0; --d) contract(shape[std::size_t(d)]);
    } else {
        for (int d = D - 1; d >= 0; --d)
            contract(basisSize(shape[std::size_t(d)], axisBand(shape[std::size_t(d)], bandLimit)));
        for (int d = D - 1; d >= 0; --d) contract(shape[std::size_t(d)]);
    }
    return passes;
}

}  // namespace

template <class T>
struct SeparableConvolver<T>::Impl {
    std::vector<RowMatrix<T>> matrices;  // one per pass, out x depth
    std::vector<PassShape> passes;
    std::vector<T> data, scratchA, scratchB;
};

template <class T>
SeparableConvolver<T>::SeparableConvolver(std::vector<int> shape,
                                          const std::vector<std::vector<double>>& factors,
                                          int bandLimit)
    : impl_(std::make_unique<Impl>()),
      shape_(std::move(shape)),
      band_(bandLimit < 0 ? -1 : bandLimit) {
    if (shape_.empty() || shape_.size() > 3)
        throw std::invalid_argument("lattice rank must be 1..3");
    if (factors.size() != shape_.size())
        throw std::invalid_argument("a separable kernel needs one factor per axis (got " +
                                    std::to_string(factors.size()) + " for " +
                                    std::to_string(shape_.size()) + " axes)");
    size_ = 1;
    for (std::size_t d = 0; d < shape_.size(); ++d) {
        if (shape_[d] < 1) throw std::invalid_argument("lattice sides must be positive");
        if (factors[d].size() != std::size_t(shape_[d]))
            throw std::invalid_argument("kernel factor " + std::to_string(d) + " has " +
                                        std::to_string(factors[d].size()) + " entries, the axis " +
                                        std::to_string(shape_[d]));
        size_ *= std::size_t(shape_[d]);
    }
    const int D = int(shape_.size());
    impl_->passes = planShapes(shape_, band_);
    if (band_ < 0) {
        // Circulant W(i, j) = k((i - j) mod n): out_i = sum_j k(i - j) in_j.
        for (int d = D - 1; d >= 0; --d) {
            const int n = shape_[std::size_t(d)];
            RowMatrix<T> W(n, n);
            for (int i = 0; i < n; ++i)
                for (int j = 0; j < n; ++j)
                    W(i, j) = T(factors[std::size_t(d)][std::size_t(((i - j) % n + n) % n)]);
            impl_->matrices.push_back(std::move(W));
        }
    } else {
        // out = G F in per axis. F projects onto the kept real modes with the factor's spectrum
        // k^(m) = C - i S folded in: the m-th pair of coefficients is (2/n)(C Qc - S Qs, S Qc + C
        // Qs) with Qc = sum in cos, Qs = sum in sin; G expands them back (cos, sin columns).
        std::vector<RowMatrix<T>> expand;
        for (int d = D - 1; d >= 0; --d) {
            const int n = shape_[std::size_t(d)];
            const int M = axisBand(n, band_), b = basisSize(n, M), pairs = std::min(M, (n - 1) / 2);
            const Spectrum sp = spectrumOf(factors[std::size_t(d)]);
            RowMatrix<T> F(b, n), G(n, b);
            for (int j = 0; j < n; ++j) {
                F(0, j) = T(sp.c[0] / n);
                G(j, 0) = T(1);
                for (int m = 1; m <= pairs; ++m) {
                    const double th = 2 * kPi * double((long(m) * j) % n) / n, co = std::cos(th),
                                 si = std::sin(th);
                    const double C = sp.c[std::size_t(m)], S = sp.s[std::size_t(m)];
                    F(2 * m - 1, j) = T(2.0 / n * (C * co - S * si));
                    F(2 * m, j) = T(2.0 / n * (S * co + C * si));
                    G(j, 2 * m - 1) = T(co);
                    G(j, 2 * m) = T(si);
                }
                if (b > 1 + 2 * pairs) {  // Nyquist: k^(n/2) is real
                    const double sign = j % 2 == 0 ? 1.0 : -1.0;
                    F(b - 1, j) = T(sp.c[std::size_t(n / 2)] / n * sign);
                    G(j, b - 1) = T(sign);
                }
            }
            impl_->matrices.push_back(std::move(F));
            expand.push_back(std::move(G));
        }
        for (auto& G : expand) impl_->matrices.push_back(std::move(G));
    }
    std::size_t scratch = size_;
    for (const PassShape& p : impl_->passes)
        scratch = std::max(scratch, std::size_t(p.out) * std::size_t(p.rest));
    impl_->data.assign(size_, T(0));
    impl_->scratchA.assign(scratch, T(0));
    impl_->scratchB.assign(scratch, T(0));
}

template <class T>
SeparableConvolver<T>::~SeparableConvolver() = default;

template <class T>
T* SeparableConvolver<T>::buffer() {
    return impl_->data.data();
}

template <class T>
void SeparableConvolver<T>::execute() {
    SerialGemm serial;
    const std::size_t count = impl_->passes.size();
    const T* src = impl_->data.data();
    for (std::size_t p = 0; p < count; ++p) {
        const PassShape& s = impl_->passes[p];
        const bool last = p + 1 == count;
        T* dst = last && count > 1 ? impl_->data.data()
                                   : (p % 2 == 0 ? impl_->scratchA.data() : impl_->scratchB.data());
        Eigen::Map<const RowMatrix<T>> X(src, s.rest, s.depth);
        Eigen::Map<RowMatrix<T>> Y(dst, s.out, s.rest);
        Y.noalias() = impl_->matrices[p] * X.transpose();
        src = dst;
    }
    if (count == 1) std::memcpy(impl_->data.data(), src, sizeof(T) * size_);
}

template <class T>
void SeparableConvolver<T>::apply(const T* in, T* out) {
    std::memcpy(impl_->data.data(), in, sizeof(T) * size_);
    execute();
    std::memcpy(out, impl_->data.data(), sizeof(T) * size_);
}

template <class T>
double SeparableConvolver<T>::flops(const std::vector<int>& shape, int bandLimit) {
    double f = 0;
    for (const PassShape& p : planShapes(shape, bandLimit < 0 ? -1 : bandLimit))
        f += 2.0 * p.out * p.depth * double(p.rest);
    return f;
}

namespace {

// |k^_d(m)| per axis, and the bound of bandErrorBound() from them.
std::vector<std::vector<double>> magnitudes(const std::vector<std::vector<double>>& factors) {
    std::vector<std::vector<double>> mags;
    for (const auto& k : factors) {
        const Spectrum sp = spectrumOf(k);
        std::vector<double> m(k.size());
        for (std::size_t i = 0; i < k.size(); ++i) m[i] = sp.magnitude(int(i));
        mags.push_back(std::move(m));
    }
    return mags;
}

double boundFrom(const std::vector<std::vector<double>>& mags, int bandLimit) {
    double all = 1, kept = 1, zero = 1;
    for (const auto& mag : mags) {
        const int n = int(mag.size());
        double a = 0, b = 0;
        for (int m = 0; m < n; ++m) {
            a += mag[std::size_t(m)];
            if (std::min(m, n - m) <= bandLimit) b += mag[std::size_t(m)];
        }
        all *= a;
        kept *= b;
        zero *= mag[0];
    }
    if (kept >= all) return 0.0;
    return zero > 0 ? (all - kept) / zero : INFINITY;
}

}  // namespace

template <class T>
double SeparableConvolver<T>::bandErrorBound(const std::vector<std::vector<double>>& factors,
                                             int bandLimit) {
    return boundFrom(magnitudes(factors), bandLimit);
}

template <class T>
int SeparableConvolver<T>::bandLimitFor(const std::vector<std::vector<double>>& factors,
                                        double tolerance) {
    const auto mags = magnitudes(factors);
    int half = 0;
    for (const auto& k : factors) half = std::max(half, int(k.size()) / 2);
    for (int M = 0; M < half; ++M)
        if (boundFrom(mags, M) <= tolerance) return M;
    return half;
}

template class SeparableConvolver<float>;
template class SeparableConvolver<double>;

}  // namespace as
