#pragma once
// Circular convolution on a periodic lattice of D = 1, 2 or 3 dimensions by real FFTs (FFTW
// r2c/c2r). The kernel spectrum is computed once; plans are made once per convolver and reused
// every step.
#include <complex>
#include <memory>
#include <vector>

namespace as {

/// out[x] = sum_y kernel[(x - y) mod shape] * in[y], row-major layout, last axis fastest.
/// T is float or double. Not thread-safe per instance (it owns scratch buffers); distinct
/// instances may run concurrently.
template <class T>
class FftConvolver {
  public:
    /// `kernel` is indexed by lattice offset (offset 0 at index 0, periodic). Plans use
    /// FFTW_MEASURE unless `quickPlan` is set (FFTW_ESTIMATE: instant, slightly slower steps).
    FftConvolver(std::vector<int> shape, const std::vector<T>& kernel, bool quickPlan = false);
    ~FftConvolver();
    FftConvolver(const FftConvolver&) = delete;
    FftConvolver& operator=(const FftConvolver&) = delete;

    void apply(const T* in, T* out);
    /// Zero-copy use: write the input into buffer(), call execute(), read the result from buffer().
    T* buffer();
    void execute();
    std::size_t size() const { return size_; }
    const std::vector<int>& shape() const { return shape_; }

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::vector<int> shape_;
    std::size_t size_ = 0;
};

/// The same sum computed directly in O(size^2): the test oracle.
template <class T>
void denseCircularConvolve(const std::vector<int>& shape, const std::vector<T>& kernel, const T* in,
                           T* out);

extern template class FftConvolver<float>;
extern template class FftConvolver<double>;

}  // namespace as
