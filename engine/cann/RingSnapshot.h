#pragma once
// An immutable picture of a ring simulation handed from the worker thread to the views.
#include <string>
#include <vector>

#include "cann/CannParams.h"
#include "cann/StimulusParams.h"

namespace as {

struct RingSnapshot {
    CannParams params;
    StimulusParams stimulus;
    double t = 0.0;  ///< simulated time (ms)
    long steps = 0;  ///< steps since reset
    std::vector<double> positions, u, r;
    double stimulusZ = 0.0;
    bool stimulusOn = false;
    double decoded = 0.0, confidence = 0.0, height = 0.0;
    double r0Analytic = 0.0;  ///< analytic bump height of r (a scale for views)
    // Traces, decimated, oldest first (channels as in RingSimulation::traceChannels()).
    std::vector<double> traceT, traceStimulus, traceDecoded, traceConfidence, traceHeight;
    // Activity history: activityRows x N, row-major, oldest first, one row every activityStride
    // steps.
    std::vector<float> activity;
    std::size_t activityRows = 0;
    std::size_t activityStride = 1;
    double activityT0 = 0.0, activityT1 = 0.0;
    bool halted = false;
    std::string message;        ///< why the run stopped, if halted
    double stepsPerSecond = 0;  ///< filled in by the controller
};

}  // namespace as
