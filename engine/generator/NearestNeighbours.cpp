#include "generator/NearestNeighbours.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace as::generator {

Nearest nearestColumns(const Eigen::MatrixXf& queries, const Eigen::MatrixXf& references) {
    if (queries.rows() != references.rows() || references.cols() < 1)
        throw std::invalid_argument(
            "nearestColumns: queries and references differ in length, or no references");
    const Eigen::Index nq = queries.cols(), nr = references.cols();
    const Eigen::VectorXd qn = queries.cast<double>().colwise().squaredNorm().transpose();
    const Eigen::VectorXd rn = references.cast<double>().colwise().squaredNorm().transpose();
    Nearest out;
    out.index = Eigen::VectorXi::Constant(nq, -1);
    Eigen::VectorXd best = Eigen::VectorXd::Constant(nq, std::numeric_limits<double>::infinity());
    constexpr Eigen::Index kBlock = 4096;
    Eigen::MatrixXf dots;
    for (Eigen::Index r0 = 0; r0 < nr; r0 += kBlock) {
        const Eigen::Index n = std::min(kBlock, nr - r0);
        dots.noalias() = references.middleCols(r0, n).transpose() * queries;  // n x nq
        for (Eigen::Index q = 0; q < nq; ++q)
            for (Eigen::Index r = 0; r < n; ++r) {
                const double d2 = rn[r0 + r] + qn[q] - 2.0 * double(dots(r, q));
                if (d2 < best[q]) {
                    best[q] = d2;
                    out.index[q] = int(r0 + r);
                }
            }
    }
    out.distance = best.cwiseMax(0.0).cwiseSqrt();
    return out;
}

}  // namespace as::generator
