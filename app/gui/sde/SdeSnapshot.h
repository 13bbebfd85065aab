#pragma once
// What the SDE lab's worker hands the views: one immutable frame of the running single-sample
// integration (state image, trajectories of chosen pixels, distances, prediction) and the model
// it runs (shared and immutable: the lab draws its attractors, writes it to sessions and passes it
// to the analysis page without touching the worker).
#include <QString>
#include <memory>
#include <vector>

#include "sde/SdeModel.h"

namespace as::gui {

struct SdeSnapshot {
    std::shared_ptr<const as::sde::SdeModel> model;
    QString modelName;  ///< "sde_eps0.h5", "untrained (planted, Atilde = 0)", "trained here", ...
    bool modelTrained = false;

    long step = 0;         ///< Euler steps taken since x(0)
    double t = 0.0;        ///< model time step * dt
    double horizon = 1.0;  ///< T = steps * dt (the classification time)
    bool playing = false;
    bool diverged = false;
    double stepsPerSecond = 0.0;

    std::vector<float> input;  ///< x(0), N values
    std::vector<float> state;  ///< x(t), N values
    int label = -1;            ///< the input's true class (-1: unknown, e.g. drawn)
    int predicted = -1;        ///< nearest attractor to the late-time average (-1: diverged)
    int target = 0;  ///< the attractor the trajectories are coloured for (label or predicted)
    std::vector<double> distances;  ///< |late-time average - x_l| for every attractor l

    std::vector<double> times;               ///< record times (every step)
    std::vector<int> pixels;                 ///< the chosen pixel indices
    std::vector<std::vector<float>> traces;  ///< traces[k][j] = x_{pixels[k]}(times[j])
    std::vector<double> targets;             ///< value pixel k reaches at attractor `target`
};

}  // namespace as::gui
