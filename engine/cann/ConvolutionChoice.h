#pragma once
// Which method computes a lattice CANN's recurrent input J * r (LatticeCann): the full FFT, or, J
// being separable, one matrix product per axis, exact or pruned to the kernel's Fourier band.
#include <string>
#include <vector>

namespace as {

/// How J * r is computed. Auto picks the cheapest by a flop estimate (convolutionChoice()); the
/// others force a method (for comparisons and tests).
enum class ConvolutionMethod {
    Auto = 0,
    Fft = 1,        ///< full r2c/c2r FFT of the lattice (exact up to rounding)
    Separable = 2,  ///< one n_d x n_d circulant product per axis (exact up to rounding)
    Pruned = 3,     ///< per-axis real Fourier band |m| <= M, M from kBandTolerance (error bounded)
};

/// The method in use and what it costs: never Auto.
struct ConvolutionChoice {
    ConvolutionMethod method = ConvolutionMethod::Fft;
    int bandLimit = -1;        ///< M (Pruned only; -1 otherwise)
    double errorBound = 0.0;   ///< SeparableConvolver::bandErrorBound of the band (0 unless Pruned)
    double flops = 0.0;        ///< estimated cost of one convolution, in GEMM-flop equivalents
    std::string name() const;  ///< "fft", "separable" or "pruned M=12"
};

/// The pruned band keeps every mode whose omission could move J * r by more than this relative
/// worst-case bound (SeparableConvolver::bandErrorBound, about the float32 rounding of the FFT).
inline constexpr double kBandTolerance = 1e-6;

/// An FFT pair is costed at this many GEMM flops per point and log2(points): FFTW's r2c+c2r pair
/// took about as long as 20-28 N log2 N flops of Eigen GEMM on this project's machine (32^2 to
/// 64^3, docs/performance.md); the lower end favours the FFT when in doubt.
inline constexpr double kFftCostPerPointLog2 = 20.0;

/// Resolves `requested` for J with these per-axis factors. Auto: the FFT for D = 1; otherwise the
/// cheapest of the three by estimated cost (SeparableConvolver::flops, and
/// kFftCostPerPointLog2 N log2 N for the FFT). Forced Pruned still takes M from kBandTolerance.
ConvolutionChoice convolutionChoice(const std::vector<int>& shape,
                                    const std::vector<std::vector<double>>& factors,
                                    ConvolutionMethod requested);

}  // namespace as
