#pragma once
// Membrane noise of the spiking network (EiParams::noise): standard normals added to a block of
// potentials, v_i += scale z_i. Box-Muller with both outputs, in float: the uniforms come serially
// from the network's own stream (so the noise does not depend on the thread count), the logarithm,
// sine and cosine run as a vector loop (glibc's libmvec, as the stimulus profile's exp). 24-bit
// uniforms bound |z| by sqrt(48 ln 2) = 5.77, a tail of probability 8e-9 left out.
#include "spiking/SpikeRng.h"

namespace as::spike {

void addNormalNoise(SpikeRng& rng, float scale, float* v, int n);

}  // namespace as::spike
