#include "cann/DenseRingCann.h"

#include <cmath>
#include <stdexcept>

namespace as {

DenseRingCann::DenseRingCann(const CannParams& p) : p_(p) {
    p_.check();
    const int n = p_.N;
    const double pi = 3.14159265358979323846, dx = 2 * pi / n;
    const double amp = p_.J0 / (std::sqrt(2 * pi) * p_.a);
    w_.resize(n, n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            int o = ((i - j) % n + n) % n;
            const double d = (o <= n / 2 ? o : o - n) * dx;
            w_(i, j) = amp * std::exp(-d * d / (2 * p_.a * p_.a));
        }
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
