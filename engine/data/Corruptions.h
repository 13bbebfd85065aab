#pragma once
// MNIST-C-style corruptions (Mu & Gilmer 2019) of 28 x 28 digits in [0, 1] (pixel / 255), the
// robustness columns of the paper's Table 1 (seed 002 §V). Output in [0, 1]; a (corruption, seed)
// pair gives one result on every platform and for any thread count. The severities are those of
// google-research/mnist-c corruptions.py (each function's default severity) except the Gaussian
// noise levels, which are the paper's own; docs/models/sde-data.md lists every parameter and
// source.
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

namespace as::data {

enum class Corruption {
    Clean = 0,
    Gauss05,
    Gauss08,
    Shot,
    Impulse,
    GlassBlur,
    MotionBlur,
    Fog,
    Canny
};

/// The parameters used by corrupt() (see CorruptionKernels.h for what each one does).
namespace severity {
inline constexpr double kGaussSigmaLow = 0.5;   ///< seed 002 Table 1 "sigma = 0.5"
inline constexpr double kGaussSigmaHigh = 0.8;  ///< seed 002 Table 1 "sigma = 0.8"
inline constexpr double kShotLambda = 3.0;      ///< mnist-c shot_noise severity 5: c = 3
inline constexpr double kImpulseAmount = 0.17;  ///< mnist-c impulse_noise severity 4: c = 0.17
inline constexpr double kGlassSigma = 0.7;      ///< mnist-c glass_blur severity 1: (0.7, 1, 2)
inline constexpr int kGlassMaxDelta = 1;
inline constexpr int kGlassIterations = 2;
inline constexpr int kMotionRadius = 10;  ///< mnist-c motion_blur severity 1: (10, 3)
inline constexpr double kMotionSigma = 3.0;
inline constexpr double kMotionMaxAngleDeg = 45;  ///< angle uniform in [-45, 45] degrees
inline constexpr double kFogStrength = 3.0;       ///< mnist-c fog severity 5: (3.0, 1.4)
inline constexpr double kFogDecay = 1.4;
inline constexpr int kFogMapSize = 256;     ///< plasma_fractal's default mapsize
inline constexpr double kCannySigma = 1.0;  ///< skimage.feature.canny defaults
inline constexpr double kCannyLow = 0.1;
inline constexpr double kCannyHigh = 0.2;
}  // namespace severity

/// "clean", "gauss05", "gauss08", "shot", "impulse", "glass_blur", "motion_blur", "fog", "canny".
const char* corruptionKey(Corruption c);
/// A label for tables and the GUI: "Clean", "Gaussian noise σ=0.5", ...
const char* corruptionLabel(Corruption c);
/// The corruption of a key; throws std::invalid_argument listing the keys.
Corruption corruptionFromKey(const std::string& key);
/// All nine, Clean first.
std::vector<Corruption> allCorruptions();
/// The 8 corruptions of the paper's Table 1 in its column order (after the clean "MNIST" column):
/// sigma 0.5, sigma 0.8, shot, impulse, glass blur, motion blur, fog, Canny edges.
std::vector<Corruption> tableCorruptions();
/// True if the result depends on the seed (all but Clean and Canny).
bool corruptionIsRandom(Corruption c);

/// Corrupts one rows x cols image (row-major floats in [0, 1]) into out (in and out may alias).
void corrupt(Corruption c, const float* in, float* out, int rows, int cols, std::uint64_t seed);

/// The seed corruptBatch uses for column b: seed mixed with b (SplitMix64).
std::uint64_t columnSeed(std::uint64_t seed, std::int64_t b);

/// Corrupts every column of images ((rows*cols) x B); column b uses columnSeed(seed, b).
/// OpenMP across columns, the same result for any thread count. Throws std::invalid_argument if
/// images.rows() != rows * cols.
Eigen::MatrixXf corruptBatch(Corruption c, const Eigen::MatrixXf& images, std::uint64_t seed,
                             int rows = 28, int cols = 28);

}  // namespace as::data
