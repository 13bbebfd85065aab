#pragma once
// An immutable picture of a 2D head-direction run (two rings beside a coupled sheet) for the views.
#include <array>
#include <string>
#include <vector>

#include "cann/TorusParams.h"
#include "cann/TrajectoryParams.h"

namespace as {

struct Hd2dSnapshot {
    TorusParams params;
    TrajectoryParams heading;
    double t = 0.0;
    long steps = 0;
    int n = 0;
    std::vector<float> ringAzimuth, ringPitch;  ///< r of each ring (n values)
    std::vector<float> sheet;                   ///< r of the sheet, n x n, azimuth rows
    float rMaxRings = 0.0f, rMaxSheet = 0.0f;
    double azimuth = 0.0, pitch = 0.0;                      ///< true heading (rad, wrapped)
    std::array<double, 2> rings{0, 0}, sheetDecoded{0, 0};  ///< decoded (azimuth, pitch)
    double ringsError = 0.0, sheetError = 0.0, ringsMeanError = 0.0, sheetMeanError = 0.0;
    double ringsStepsPerSecond = 0.0, sheetStepsPerSecond = 0.0;  ///< model-only step rates
    std::vector<double> traceT, traceRingsError, traceSheetError;
    bool halted = false;
    std::string message;
    double stepsPerSecond = 0;  ///< filled in by the controller
};

}  // namespace as
