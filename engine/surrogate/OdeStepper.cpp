#include "surrogate/OdeStepper.h"

#include <cmath>
#include <stdexcept>

namespace as::surrogate {

OdeStepper::OdeStepper(const CannParams& p, OdeBackend backend, int stepsPerInput)
    : p_(p), backend_(backend), k_(stepsPerInput), profile_(p.N, 1.0 / (4.0 * p.a * p.a)) {
    p.check();
    if (stepsPerInput < 1)
        throw std::invalid_argument("the ODE needs at least one step per input step");
    if (backend == OdeBackend::Fft)
        fft_ = std::make_unique<RingCann>(p);
    else
        dense_ = std::make_unique<DenseRingCann>(p);
    const double pi = 3.14159265358979323846;
    input_.assign(std::size_t(p.N), 0.0);
    r_.assign(std::size_t(p.N), 0.0);
    for (int i = 0; i < p.N; ++i) {
        const double x = -pi + 2 * pi * i / p.N;
        cosX_.push_back(std::cos(x));
        sinX_.push_back(std::sin(x));
    }
}

void OdeStepper::internalStep() {
    if (fft_)
        fft_->step(input_.data());
    else
        dense_->step(input_.data());
}

void OdeStepper::settle(double angle, int settleSteps) {
    if (fft_)
        fft_->clearState();
    else
        dense_->setState(Eigen::VectorXd::Zero(p_.N));
    profile_.fill(angle, p_.A, input_.data());
    for (int i = 0; i < settleSteps; ++i) internalStep();
}

const std::vector<double>& OdeStepper::rates() {
    if (fft_) return fft_->r();
    RingCann::rates(dense_->u().data(), p_.N, p_.k, r_.data());
    return r_;
}

Decode OdeStepper::step(double angle) {
    profile_.fill(angle, p_.A, input_.data());
    for (int i = 0; i < k_; ++i) internalStep();
    const std::vector<double>& r = rates();
    Decode d;
    for (int i = 0; i < p_.N; ++i) {
        d.sumCos += r[std::size_t(i)] * cosX_[std::size_t(i)];
        d.sumSin += r[std::size_t(i)] * sinX_[std::size_t(i)];
    }
    d.magnitude = std::hypot(d.sumCos, d.sumSin);
    d.angle = std::atan2(d.sumSin, d.sumCos);
    return d;
}

}  // namespace as::surrogate
