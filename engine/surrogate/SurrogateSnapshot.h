#pragma once
// What the Surrogate lab's views show, frozen by the worker for the GUI thread: the last input
// steps of the side-by-side run (input, ODE and surrogate decoded angles, their error), running
// MSE, per-step costs, the two transition diagrams, and the training state.
#include <string>
#include <vector>

namespace as::surrogate {

struct SurrogateSnapshot {
    // Side-by-side run (the last `window` input steps, oldest first).
    std::vector<double> t;            ///< ms of ODE time
    std::vector<double> input;        ///< the input angle (rad)
    std::vector<double> odeAngle;     ///< the ODE's decoded angle (rad)
    std::vector<double> surAngle;     ///< the surrogate's decoded angle (rad)
    std::vector<double> error;        ///< wrapped surrogate - ODE (rad)
    long steps = 0;                   ///< input steps since the last reset
    double runningMse = 0.0;          ///< mean squared error since the last reset (rad^2)
    double odeUs = 0.0, surUs = 0.0;  ///< smoothed cost per input step (us)
    // Transition diagrams: rows x cols, row-major, oldest row first.
    std::vector<float> odeActivity, surActivity;
    std::size_t activityRows = 0, activityCols = 0;
    // Model and training.
    bool hasModel = false;
    std::string modelInfo;
    bool training = false;
    int epoch = 0, maxEpochs = 0;
    double trainSeconds = 0.0, secondsLeft = -1.0;
    std::vector<double> trainLoss, valLoss;  ///< per epoch of the current/last training run
    std::string trainMessage;
};

}  // namespace as::surrogate
