#pragma once
// Canny edge detection of one grey-scale image in [0, 1] (the MNIST-C "canny_edges" corruption,
// which calls skimage.feature.canny with its defaults): Gaussian smoothing (zero outside the image,
// normalised by the weight inside), Sobel gradients, non-maximum suppression with interpolation
// along the gradient, and hysteresis thresholds linking weak edges to strong ones (8-connected).
// The one-pixel image border never holds an edge. Deterministic: no random numbers.

namespace as::data {

struct CannyParams {
    double sigma = 1.0;  ///< Gaussian smoothing (pixels). skimage default 1.0; > 0
    double low = 0.1;    ///< hysteresis low threshold on |Sobel gradient| (unnormalised Sobel,
                         ///< [1 2 1] x [-1 0 1]). skimage default 0.1 (10% of a float image's max)
    double high = 0.2;   ///< hysteresis high threshold. skimage default 0.2; >= low
};

/// out (rows x cols, row-major) = 1 on edge pixels, 0 elsewhere. in and out must not alias.
void cannyEdges(const float* in, float* out, int rows, int cols, const CannyParams& p = {});

}  // namespace as::data
