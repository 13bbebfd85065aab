#include "cann/DenseRingCann.h"

#include <cmath>
#include <stdexcept>

#include "cann/RingCann.h"

namespace as {

DenseRingCann::DenseRingCann(const CannParams& p) : p_(p) {
    p_.check();
    const int n = p_.N;
    const std::vector<double> kernel = ringKernel(p_);
    w_.resize(n, n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) w_(i, j) = kernel[((i - j) % n + n) % n];
    u_ = Eigen::VectorXd::Zero(n);
    r_ = Eigen::VectorXd::Zero(n);
}

void DenseRingCann::setState(const Eigen::VectorXd& u) {
    if (u.size() != p_.N) throw std::invalid_argument("state size does not match N");
    u_ = u;
}

void DenseRingCann::step(const double* input) {
    const Eigen::Map<const Eigen::VectorXd> in(input, p_.N);
    r_ = u_.cwiseMax(0.0).array().square().matrix();
    r_ /= 1.0 + p_.k * r_.sum();
    u_ += (p_.dt / p_.tau) * (-u_ + w_ * r_ + in);
}

}  // namespace as
