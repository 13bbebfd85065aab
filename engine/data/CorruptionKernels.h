#pragma once
// The MNIST-C-style corruptions with their parameters spelled out (Corruptions.h picks the
// severities). Every function works on one image of n = rows x cols floats in [0, 1] (row-major)
// and draws its random numbers from the given stream in a fixed order, so a seed gives one result
// on every platform. in and out may alias unless said otherwise.
#include "spiking/SpikeRng.h"

namespace as::data {

/// x + N(0, sigma^2) per pixel, clipped to [0, 1] when clip (the unclipped form is for tests).
void gaussianNoise(const float* in, float* out, int n, double sigma, SpikeRng& rng,
                   bool clip = true);

/// Poisson(x lambda) / lambda per pixel, clipped to [0, 1] (photon counting noise).
void shotNoise(const float* in, float* out, int n, double lambda, SpikeRng& rng);

/// Salt and pepper: each pixel is replaced with probability `amount`, by 1 or 0 with equal odds.
void impulseNoise(const float* in, float* out, int n, double amount, SpikeRng& rng);

/// Glass blur: Gaussian blur (sigma, nearest border), quantised to 8 bits as the reference does,
/// then `iterations` sweeps from the bottom-right that swap pixel (h, w), h in [maxDelta+1,
/// rows-maxDelta], w likewise, with probability 1/2 with pixel (h+dy, w+dx), dx, dy uniform
/// integers in [-maxDelta, maxDelta-1]; then blurred again and clipped. maxDelta >= 1.
void glassBlur(const float* in, float* out, int rows, int cols, double sigma, int maxDelta,
               int iterations, SpikeRng& rng);

/// Motion blur along a line at angleDeg (0 = towards +column, positive angles towards +row): a
/// one-sided kernel of 2 radius + 1 taps at distances i = 0..2 radius, weights exp(-i^2 / (2
/// sigma^2)) normalised, offsets rounded to whole pixels, edge pixels repeated (ImageMagick's
/// MotionBlurImage). in and out must not alias.
void motionBlur(const float* in, float* out, int rows, int cols, int radius, double sigma,
                double angleDeg);

/// Fog: x + strength * plasma, where plasma is the top-left rows x cols corner of a mapSize x
/// mapSize plasma fractal (PlasmaFractal.h, decay), then scaled by max(x) / (max(x) + strength)
/// and clipped to [0, 1]. mapSize a power of two >= max(rows, cols).
void fog(const float* in, float* out, int rows, int cols, double strength, double decay,
         int mapSize, SpikeRng& rng);

}  // namespace as::data
