#pragma once
// The SDE model parameters the engine tests build on: n nodes, `classes` attractors, `steps`
// Euler–Maruyama steps of dt = 0.1 (explicit: the tests do not depend on the default), the class
// decided on the average of the last averageSteps, noise eps; every other field at its default.
#include "sde/SdeParams.h"

namespace as::test {

inline sde::SdeParams smallSde(int n, int classes, int steps, int averageSteps, double eps = 0.0) {
    sde::SdeParams p;
    p.n = n;
    p.classes = classes;
    p.dt = 0.1;
    p.steps = steps;
    p.averageSteps = averageSteps;
    p.eps = eps;
    return p;
}

}  // namespace as::test
