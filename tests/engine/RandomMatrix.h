#pragma once
// A seeded N(0, scale^2) matrix for the engine tests (header-only), in the scale's precision:
// randomMatrix(3, 4, 0.5, 7) is a MatrixXd, randomMatrix(3, 4, 0.5f, 7) a MatrixXf.
#include <Eigen/Core>
#include <cstdint>
#include <random>

namespace as::test {

template <class S>
Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic> randomMatrix(int rows, int cols, S scale,
                                                              std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<S> d(S(0), scale);
    Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic> m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = d(rng);
    return m;
}

}  // namespace as::test
