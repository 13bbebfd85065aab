#include "generator/LatentStats.h"

#include <stdexcept>
#include <string>

namespace as::generator {

LatentStats LatentStats::estimate(const Eigen::MatrixXf& states, const Eigen::VectorXi& labels,
                                  const Eigen::MatrixXd& attractors) {
    const int d = int(states.rows()), C = int(attractors.cols());
    if (attractors.rows() != d)
        throw std::invalid_argument("latent statistics: attractors and states differ in d");
    if (labels.size() != states.cols())
        throw std::invalid_argument("latent statistics: need one label per state");
    std::vector<std::vector<int>> members(static_cast<std::size_t>(C));
    for (Eigen::Index i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0 || labels[i] >= C)
            throw std::invalid_argument("latent statistics: label " + std::to_string(labels[i]) +
                                        " outside [0, " + std::to_string(C) + ")");
        members[std::size_t(labels[i])].push_back(int(i));
    }
    std::vector<ClassStats> parts;
    for (int l = 0; l < C; ++l) {
        const auto& idx = members[std::size_t(l)];
        const long n = long(idx.size());
        if (n < 2)
            throw std::invalid_argument("latent statistics: class " + std::to_string(l) + " has " +
                                        std::to_string(n) + " states (need >= 2)");
        Eigen::MatrixXd x(d, n);
        for (long k = 0; k < n; ++k) x.col(k) = states.col(idx[std::size_t(k)]).cast<double>();
        ClassStats s;
        s.count = n;
        s.attractor = attractors.col(l);
        s.mean = x.rowwise().mean();
        const Eigen::MatrixXd ca = x.colwise() - s.attractor, cm = x.colwise() - s.mean;
        s.aboutAttractor = ca * ca.transpose() / double(n - 1);
        s.aboutMean = cm * cm.transpose() / double(n - 1);
        s.meanDistance = (s.mean - s.attractor).norm();
        parts.push_back(std::move(s));
    }
    return fromParts(std::move(parts));
}

LatentStats LatentStats::fromParts(std::vector<ClassStats> parts) {
    if (parts.empty()) throw std::invalid_argument("latent statistics: no classes");
    const Eigen::Index d = parts.front().mean.size();
    for (const ClassStats& s : parts) {
        if (s.mean.size() != d || s.attractor.size() != d || s.aboutAttractor.rows() != d ||
            s.aboutAttractor.cols() != d || s.aboutMean.rows() != d || s.aboutMean.cols() != d)
            throw std::invalid_argument("latent statistics: inconsistent shapes");
        if (s.count < 2)
            throw std::invalid_argument("latent statistics: a class has fewer than 2 states");
        if (!s.mean.allFinite() || !s.aboutAttractor.allFinite() || !s.aboutMean.allFinite())
            throw std::invalid_argument("latent statistics: a non-finite value");
    }
    LatentStats out;
    out.perClass_ = std::move(parts);
    return out;
}

}  // namespace as::generator
