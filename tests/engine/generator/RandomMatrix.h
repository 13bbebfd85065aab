#pragma once
// A seeded N(0, scale^2) matrix for the engine tests (header-only).
#include <Eigen/Core>
#include <cstdint>
#include <random>

namespace as::test {

inline Eigen::MatrixXd randomMatrix(int rows, int cols, double scale, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> d(0.0, scale);
    Eigen::MatrixXd m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = d(rng);
    return m;
}

}  // namespace as::test
