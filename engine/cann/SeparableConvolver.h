#pragma once
// Circular convolution with a separable kernel K(i_0, .., i_{D-1}) = prod_d k_d(i_d) on a periodic
// lattice of D = 1, 2 or 3 axes, by one dense matrix product (Eigen GEMM, one thread) per axis
// pass; no FFT. Two schemes:
//  - Exact ("separable"): axis d multiplies by the full n_d x n_d circulant of k_d; D passes, the
//    same sum as the FFT up to rounding. Costs 2 n_d flops per point and axis.
//  - Band ("pruned"): axis d projects onto the real Fourier basis {1, cos m x, sin m x : m <= M_d}
//    (the factor's spectrum folded into the projection) and expands back; 2D passes. Modes with
//    |m| > M_d on any axis are dropped; M_d >= n_d / 2 keeps every mode (exact). The band is cheap
//    when the kernel is smooth: a Gaussian of std a has |k^(m)| / k^(0) ~ exp(-a^2 m^2 / 2), so
//    M ~ 12 for a = 0.5 whatever n is.
// Dropping modes changes out by at most  bandErrorBound(..) * (sum of K) * mean |in|  at every
// point (the spectrum of the input is bounded by sum |in|); for in >= 0 that is the bound times the
// mean of the exact output.
// Each pass contracts the last axis of a row-major array and writes the new axis first
// ([A][B][C] -> [C'][A][B]), so every pass is one GEMM and after D or 2D passes the layout is the
// input's again. Not thread-safe per instance (scratch buffers); distinct instances may run at
// once.
#include <memory>
#include <vector>

namespace as {

template <class T>
class SeparableConvolver {
  public:
    /// `factors[d]` is k_d by lattice offset (offset 0 at index 0, periodic; any real values),
    /// one per axis of `shape` (row-major, last axis fastest). `bandLimit` < 0: the exact scheme;
    /// >= 0: the band scheme with M_d = min(bandLimit, n_d / 2). std::invalid_argument on bad
    /// input.
    SeparableConvolver(std::vector<int> shape, const std::vector<std::vector<double>>& factors,
                       int bandLimit);
    ~SeparableConvolver();
    SeparableConvolver(const SeparableConvolver&) = delete;
    SeparableConvolver& operator=(const SeparableConvolver&) = delete;

    void apply(const T* in, T* out);
    /// Zero-copy use, as FftConvolver: write into buffer(), execute(), read the result from
    /// buffer().
    T* buffer();
    void execute();
    std::size_t size() const { return size_; }
    const std::vector<int>& shape() const { return shape_; }
    /// The band limit in use (-1 for the exact scheme).
    int bandLimit() const { return band_; }

    /// Multiply-adds x 2 of one execute(): sum over passes of 2 x rows x depth x columns.
    static double flops(const std::vector<int>& shape, int bandLimit);
    /// The worst-case relative error of keeping |m_d| <= bandLimit on every axis:
    ///   (prod_d A_d - prod_d B_d) / |prod_d k^_d(0)|,  A_d = sum_m |k^_d(m)|, B_d = the same over
    /// the kept modes; 0 when every mode is kept.
    static double bandErrorBound(const std::vector<std::vector<double>>& factors, int bandLimit);
    /// The smallest band limit whose bandErrorBound is <= tolerance (n_max / 2 if none is smaller).
    static int bandLimitFor(const std::vector<std::vector<double>>& factors, double tolerance);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::vector<int> shape_;
    std::size_t size_ = 0;
    int band_ = -1;
};

extern template class SeparableConvolver<float>;
extern template class SeparableConvolver<double>;

}  // namespace as
