#pragma once
// What the Surrogate lab's views show, frozen by the worker for the GUI thread: the last input
// steps of the side-by-side run (per decoded angle: input, ODE and surrogate angles, their error),
// running MSE, per-step costs, the two transition diagrams, and the training state.
#include <string>
#include <vector>

namespace as::surrogate {

struct SurrogateSnapshot {
    // Side-by-side run (the last `window` input steps, oldest first).
    std::string caseName;                ///< ring, hd2d or grid3d ("" without a model)
    std::vector<std::string> axisNames;  ///< ring; azimuth, pitch; x, y, z
    std::vector<double> t;               ///< ms of ODE time
    /// Per decoded angle a (axisNames[a]), per step: the input, the ODE's and the surrogate's
    /// decoded angles, and the wrapped error surrogate - ODE (rad).
    std::vector<std::vector<double>> input, odeAngle, surAngle, error;
    long steps = 0;           ///< input steps since the last reset
    double runningMse = 0.0;  ///< mean squared error since the last reset, mean over angles (rad^2)
    double odeUs = 0.0, surUs = 0.0;  ///< smoothed cost per input step, all channels (us)
    // Transition diagrams: rows x cols, row-major, oldest row first; with several angles the
    // columns are one block per angle (hd2d: the two rings; grid3d: the x, y, z marginals).
    std::vector<float> odeActivity, surActivity;
    std::size_t activityRows = 0, activityCols = 0;
    // Model and training.
    bool hasModel = false;
    std::string modelInfo;
    bool training = false;
    bool trainCompleted = false;  ///< the last training run finished (not cancelled, not failed)
    int epoch = 0, maxEpochs = 0;
    double trainSeconds = 0.0, secondsLeft = -1.0;
    std::vector<double> trainLoss, valLoss;  ///< per epoch of the current/last training run
    std::string trainMessage;
};

}  // namespace as::surrogate
