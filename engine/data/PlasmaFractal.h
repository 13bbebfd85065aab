#pragma once
// The plasma fractal of the MNIST-C "fog" corruption: a periodic diamond-square height map.
// Level by level (square step, then diamond step) every new point is the mean of its four
// neighbours plus a uniform random offset w * U(-w, w); w starts at 100 and is divided by
// `decay` after each level (so the offsets' amplitude w^2 falls by decay^2 per level, as in the
// reference code). The map is finally shifted and scaled to [0, 1].
#include <vector>

#include "spiking/SpikeRng.h"

namespace as::data {

/// size x size values in [0, 1], row-major. size is a power of two >= 2; decay > 0.
/// Throws std::invalid_argument otherwise.
std::vector<float> plasmaFractal(SpikeRng& rng, int size, double decay);

}  // namespace as::data
