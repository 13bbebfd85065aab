#pragma once
// The memorisation check of the generator lab: for each generated image, its nearest training
// image by Euclidean distance, in pixels or in the classifier's features. Distances by
// |q|^2 + |r|^2 - 2 q.r, one matrix product per block of references (double accumulation of the
// norms; the result clamped at 0 before the square root).
#include <Eigen/Core>

namespace as::generator {

struct Nearest {
    Eigen::VectorXi index;     ///< per query column: the column of the nearest reference
    Eigen::VectorXd distance;  ///< its Euclidean distance
};

/// queries (k x Q) against references (k x R, R >= 1). Throws std::invalid_argument on shapes.
Nearest nearestColumns(const Eigen::MatrixXf& queries, const Eigen::MatrixXf& references);

}  // namespace as::generator
