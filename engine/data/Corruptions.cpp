#include "data/Corruptions.h"

#include <algorithm>
#include <stdexcept>

#include "data/CannyEdges.h"
#include "data/CorruptionKernels.h"
#include "spiking/SpikeRng.h"

namespace as::data {
namespace {

struct Info {
    Corruption c;
    const char* key;
    const char* label;
};

const Info kInfo[] = {
    {Corruption::Clean, "clean", "Clean"},
    {Corruption::Gauss05, "gauss05", "Gaussian noise σ=0.5"},
    {Corruption::Gauss08, "gauss08", "Gaussian noise σ=0.8"},
    {Corruption::Shot, "shot", "Shot noise"},
    {Corruption::Impulse, "impulse", "Impulse noise"},
    {Corruption::GlassBlur, "glass_blur", "Glass blur"},
    {Corruption::MotionBlur, "motion_blur", "Motion blur"},
    {Corruption::Fog, "fog", "Fog"},
    {Corruption::Canny, "canny", "Canny edges"},
};

const Info& info(Corruption c) {
    for (const Info& i : kInfo)
        if (i.c == c) return i;
    throw std::invalid_argument("unknown Corruption value " + std::to_string(int(c)));
}

}  // namespace

const char* corruptionKey(Corruption c) {
    return info(c).key;
}
const char* corruptionLabel(Corruption c) {
    return info(c).label;
}

Corruption corruptionFromKey(const std::string& key) {
    std::string keys;
    for (const Info& i : kInfo) {
        if (key == i.key) return i.c;
        keys += std::string(keys.empty() ? "" : ", ") + i.key;
    }
    throw std::invalid_argument("unknown corruption '" + key + "'; the keys are " + keys);
}

std::vector<Corruption> allCorruptions() {
    std::vector<Corruption> v;
    for (const Info& i : kInfo) v.push_back(i.c);
    return v;
}

std::vector<Corruption> tableCorruptions() {
    return {Corruption::Gauss05,   Corruption::Gauss08,    Corruption::Shot, Corruption::Impulse,
            Corruption::GlassBlur, Corruption::MotionBlur, Corruption::Fog,  Corruption::Canny};
}

bool corruptionIsRandom(Corruption c) {
    return c != Corruption::Clean && c != Corruption::Canny;
}

void corrupt(Corruption c, const float* in, float* out, int rows, int cols, std::uint64_t seed) {
    namespace s = severity;
    const int n = rows * cols;
    SpikeRng rng(seed);
    switch (c) {
        case Corruption::Clean:
            for (int k = 0; k < n; ++k) out[k] = std::clamp(in[k], 0.0f, 1.0f);
            return;
        case Corruption::Gauss05:
            return gaussianNoise(in, out, n, s::kGaussSigmaLow, rng);
        case Corruption::Gauss08:
            return gaussianNoise(in, out, n, s::kGaussSigmaHigh, rng);
        case Corruption::Shot:
            return shotNoise(in, out, n, s::kShotLambda, rng);
        case Corruption::Impulse:
            return impulseNoise(in, out, n, s::kImpulseAmount, rng);
        case Corruption::GlassBlur:
            return glassBlur(in, out, rows, cols, s::kGlassSigma, s::kGlassMaxDelta,
                             s::kGlassIterations, rng);
        case Corruption::MotionBlur: {
            const double angle = s::kMotionMaxAngleDeg * (2.0 * rng.uniform() - 1.0);
            std::vector<float> tmp(in, in + n);  // motionBlur needs distinct buffers
            return motionBlur(tmp.data(), out, rows, cols, s::kMotionRadius, s::kMotionSigma,
                              angle);
        }
        case Corruption::Fog: {
            int size = s::kFogMapSize;
            while (size < std::max(rows, cols)) size *= 2;
            return fog(in, out, rows, cols, s::kFogStrength, s::kFogDecay, size, rng);
        }
        case Corruption::Canny: {
            std::vector<float> tmp(in, in + n);
            return cannyEdges(tmp.data(), out, rows, cols,
                              {s::kCannySigma, s::kCannyLow, s::kCannyHigh});
        }
    }
    throw std::invalid_argument("corrupt: unknown Corruption value " + std::to_string(int(c)));
}

std::uint64_t columnSeed(std::uint64_t seed, std::int64_t b) {
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * (std::uint64_t(b) + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

Eigen::MatrixXf corruptBatch(Corruption c, const Eigen::MatrixXf& images, std::uint64_t seed,
                             int rows, int cols) {
    if (images.rows() != Eigen::Index(rows) * cols)
        throw std::invalid_argument("corruptBatch: images have " + std::to_string(images.rows()) +
                                    " rows, expected rows * cols = " + std::to_string(rows * cols));
    Eigen::MatrixXf out(images.rows(), images.cols());
    const std::int64_t count = images.cols();
#pragma omp parallel for schedule(dynamic, 4)
    for (std::int64_t b = 0; b < count; ++b)
        corrupt(c, images.col(b).data(), out.col(b).data(), rows, cols, columnSeed(seed, b));
    return out;
}

}  // namespace as::data
