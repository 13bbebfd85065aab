#pragma once
// Generated images as an HDF5 file (the CLI's sample/interpolate/langevin --out and the Generator
// lab's HDF5 export): group /generated with the images (N x pixels), their latent states (N x d),
// the intended digit of each, attributes saying what they are, and optional extra per-image
// columns; checksummed (format 2) and written aside, then renamed.
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace as::generator {

struct GeneratedImages {
    Eigen::MatrixXf images;   ///< pixels x N, values in [0, 1]
    Eigen::MatrixXf latent;   ///< d x N
    std::vector<int> digits;  ///< N intended digits
    std::string what, model;
    std::int64_t seed = 0;
    int rows = 28, cols = 28;
    std::vector<std::pair<std::string, std::vector<double>>> extra;  ///< per-image columns
};

/// Throws std::runtime_error (h5::Error) naming the file on failure, std::invalid_argument when
/// the shapes disagree.
void writeGeneratedImages(const std::string& path, const GeneratedImages& g);

}  // namespace as::generator
