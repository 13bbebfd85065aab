#include "cann/FftConvolver.h"

#include <fftw3.h>

#include <cstring>
#include <mutex>
#include <stdexcept>

namespace as {
namespace {

// FFTW's planner is not thread-safe; execution of distinct plans is.
std::mutex& plannerMutex() {
    static std::mutex m;
    return m;
}

template <class T>
struct Fftw;

template <>
struct Fftw<double> {
    using Plan = fftw_plan;
    using Complex = fftw_complex;
    static void* alloc(std::size_t n) { return fftw_malloc(n); }
    static void release(void* p) { fftw_free(p); }
    static Plan r2c(int rank, const int* n, double* in, Complex* out, unsigned f) {
        return fftw_plan_dft_r2c(rank, n, in, out, f);
    }
    static Plan c2r(int rank, const int* n, Complex* in, double* out, unsigned f) {
        return fftw_plan_dft_c2r(rank, n, in, out, f);
    }
    static void execute(Plan p) { fftw_execute(p); }
    static void destroy(Plan p) { fftw_destroy_plan(p); }
};

template <>
struct Fftw<float> {
    using Plan = fftwf_plan;
    using Complex = fftwf_complex;
    static void* alloc(std::size_t n) { return fftwf_malloc(n); }
    static void release(void* p) { fftwf_free(p); }
    static Plan r2c(int rank, const int* n, float* in, Complex* out, unsigned f) {
        return fftwf_plan_dft_r2c(rank, n, in, out, f);
    }
    static Plan c2r(int rank, const int* n, Complex* in, float* out, unsigned f) {
        return fftwf_plan_dft_c2r(rank, n, in, out, f);
    }
    static void execute(Plan p) { fftwf_execute(p); }
    static void destroy(Plan p) { fftwf_destroy_plan(p); }
};

}  // namespace

template <class T>
struct FftConvolver<T>::Impl {
    using F = Fftw<T>;
    T* real = nullptr;
    typename F::Complex* spec = nullptr;
    std::vector<std::complex<T>> kernelSpec;  // already divided by the lattice size
    typename F::Plan forward{};
    typename F::Plan inverse{};
    std::size_t nSpec = 0;
    ~Impl() {
        std::lock_guard<std::mutex> lock(plannerMutex());
        if (forward) F::destroy(forward);
        if (inverse) F::destroy(inverse);
        F::release(real);
        F::release(spec);
    }
};

template <class T>
FftConvolver<T>::FftConvolver(std::vector<int> shape, const std::vector<T>& kernel, bool quickPlan)
    : impl_(std::make_unique<Impl>()), shape_(std::move(shape)) {
    using F = Fftw<T>;
    if (shape_.empty() || shape_.size() > 3)
        throw std::invalid_argument("lattice rank must be 1..3");
    size_ = 1;
    for (int n : shape_) {
        if (n < 1) throw std::invalid_argument("lattice sides must be positive");
        size_ *= static_cast<std::size_t>(n);
    }
    if (kernel.size() != size_) throw std::invalid_argument("kernel size does not match lattice");
    impl_->nSpec = size_ / static_cast<std::size_t>(shape_.back()) *
                   static_cast<std::size_t>(shape_.back() / 2 + 1);
    impl_->real = static_cast<T*>(F::alloc(sizeof(T) * size_));
    impl_->spec =
        static_cast<typename F::Complex*>(F::alloc(sizeof(typename F::Complex) * impl_->nSpec));
    if (!impl_->real || !impl_->spec) throw std::bad_alloc();
    const int rank = static_cast<int>(shape_.size());
    {
        std::lock_guard<std::mutex> lock(plannerMutex());
        const unsigned flags = quickPlan ? FFTW_ESTIMATE : FFTW_MEASURE;
        impl_->forward = F::r2c(rank, shape_.data(), impl_->real, impl_->spec, flags);
        impl_->inverse =
            F::c2r(rank, shape_.data(), impl_->spec, impl_->real, flags | FFTW_DESTROY_INPUT);
    }
    if (!impl_->forward || !impl_->inverse) throw std::runtime_error("FFTW could not make a plan");
    // Kernel spectrum, with the 1/size of the unnormalised inverse folded in.
    std::memcpy(impl_->real, kernel.data(), sizeof(T) * size_);
    F::execute(impl_->forward);
    impl_->kernelSpec.resize(impl_->nSpec);
    const T scale = T(1) / static_cast<T>(size_);
    for (std::size_t i = 0; i < impl_->nSpec; ++i)
        impl_->kernelSpec[i] = std::complex<T>(impl_->spec[i][0], impl_->spec[i][1]) * scale;
}

template <class T>
FftConvolver<T>::~FftConvolver() = default;

template <class T>
T* FftConvolver<T>::buffer() {
    return impl_->real;
}

template <class T>
void FftConvolver<T>::execute() {
    using F = Fftw<T>;
    F::execute(impl_->forward);
    // Plain complex product written out: std::complex's operator*= takes a slow NaN-safe path.
    T* s = &impl_->spec[0][0];
    const T* k = reinterpret_cast<const T*>(impl_->kernelSpec.data());
    for (std::size_t i = 0; i < impl_->nSpec; ++i) {
        const T re = s[2 * i] * k[2 * i] - s[2 * i + 1] * k[2 * i + 1];
        const T im = s[2 * i] * k[2 * i + 1] + s[2 * i + 1] * k[2 * i];
        s[2 * i] = re;
        s[2 * i + 1] = im;
    }
    F::execute(impl_->inverse);
}

template <class T>
void FftConvolver<T>::apply(const T* in, T* out) {
    std::memcpy(impl_->real, in, sizeof(T) * size_);
    execute();
    std::memcpy(out, impl_->real, sizeof(T) * size_);
}

template <class T>
void denseCircularConvolve(const std::vector<int>& shape, const std::vector<T>& kernel, const T* in,
                           T* out) {
    // Pad to three axes so one loop nest serves D = 1, 2, 3.
    int n[3] = {1, 1, 1};
    const int off = 3 - static_cast<int>(shape.size());
    for (std::size_t d = 0; d < shape.size(); ++d) n[off + d] = shape[d];
    auto idx = [&](int a, int b, int c) {
        return (static_cast<std::size_t>(a) * n[1] + b) * n[2] + c;
    };
    for (int x0 = 0; x0 < n[0]; ++x0)
        for (int x1 = 0; x1 < n[1]; ++x1)
            for (int x2 = 0; x2 < n[2]; ++x2) {
                double acc = 0.0;
                for (int y0 = 0; y0 < n[0]; ++y0)
                    for (int y1 = 0; y1 < n[1]; ++y1)
                        for (int y2 = 0; y2 < n[2]; ++y2) {
                            const int d0 = ((x0 - y0) % n[0] + n[0]) % n[0];
                            const int d1 = ((x1 - y1) % n[1] + n[1]) % n[1];
                            const int d2 = ((x2 - y2) % n[2] + n[2]) % n[2];
                            acc +=
                                static_cast<double>(kernel[idx(d0, d1, d2)]) * in[idx(y0, y1, y2)];
                        }
                out[idx(x0, x1, x2)] = static_cast<T>(acc);
            }
}

template class FftConvolver<float>;
template class FftConvolver<double>;
template void denseCircularConvolve<float>(const std::vector<int>&, const std::vector<float>&,
                                           const float*, float*);
template void denseCircularConvolve<double>(const std::vector<int>&, const std::vector<double>&,
                                            const double*, double*);

}  // namespace as
