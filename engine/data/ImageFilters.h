#pragma once
// Small filters on one grey-scale image (rows x cols floats, row-major) used by the corruptions:
// a separable Gaussian blur with the two border rules the MNIST-C reference code relies on.
#include <vector>

namespace as::data {

/// How a filter sees pixels outside the image.
enum class Border {
    Nearest,         ///< the nearest edge pixel (skimage.filters.gaussian's default mode)
    NormalisedZero,  ///< zero outside, each output divided by the kernel weight that fell inside
                     ///< (skimage's Canny pre-smoothing: blur(image) / blur(mask of ones))
};

/// Normalised 1D Gaussian weights exp(-k^2 / (2 sigma^2)), k = -R..R with R = int(truncate sigma
/// + 0.5) (scipy.ndimage.gaussian_filter1d's radius). sigma > 0.
std::vector<float> gaussianKernel(double sigma, double truncate = 4.0);

/// out = the image blurred with a Gaussian of standard deviation sigma (pixels) along both axes.
/// in and out may be the same buffer.
void gaussianBlur(const float* in, float* out, int rows, int cols, double sigma, Border border);

}  // namespace as::data
