#include "surrogate/TorusOdeStepper.h"

#include <stdexcept>

namespace as::surrogate {
namespace {

constexpr double kTwoPi = 6.283185307179586476925;

TrajectoryParams atRest() {
    TrajectoryParams tp;
    tp.kind = TrajectoryKind::External;
    return tp;
}

}  // namespace

// A trace capacity of 2: the recordings are not used here, the ring buffer keeps them cheap.
TorusOdeStepper::TorusOdeStepper(const TorusParams& p, int stepsPerInput)
    : sim_(p, atRest(), 2), k_(stepsPerInput) {
    if (p.dims != 3) throw std::invalid_argument("the grid3d ODE needs a 3D torus (dims = 3)");
    if (stepsPerInput < 1)
        throw std::invalid_argument("the ODE needs at least one step per input step");
}

void TorusOdeStepper::moveTo(const double* phases) {
    const auto& sp = sim_.params().spacing;
    sim_.setPosition(
        {phases[0] * sp[0] / kTwoPi, phases[1] * sp[1] / kTwoPi, phases[2] * sp[2] / kTwoPi});
}

void TorusOdeStepper::settle(const double* phases, int settleSteps) {
    sim_.reset();
    moveTo(phases);
    if (sim_.step(settleSteps) != settleSteps)
        throw std::runtime_error("the torus teacher halted: " + sim_.message());
}

const std::array<Decode, 3>& TorusOdeStepper::step(const double* phases) {
    moveTo(phases);
    if (sim_.step(k_) != k_)
        throw std::runtime_error("the torus teacher halted: " + sim_.message());
    return sim_.decode();
}

std::vector<double> TorusOdeStepper::rateMarginal(int d) const {
    std::vector<double> m = sim_.marginal(d);
    const double norm = sim_.model().normalisation();
    for (double& x : m) x *= norm;
    return m;
}

}  // namespace as::surrogate
