#pragma once
// An immutable picture of a torus simulation handed from the worker thread to the views.
#include <array>
#include <string>
#include <vector>

#include "cann/TorusParams.h"
#include "cann/TrajectoryParams.h"

namespace as {

struct TorusSnapshot {
    TorusParams params;
    TrajectoryParams trajectory;
    double t = 0.0;
    long steps = 0;
    /// Firing rates r over the whole lattice (row-major, x slowest), float for the point view.
    std::vector<float> r;
    float rMax = 0.0f;
    /// Lattice index of the bump centre per axis (from the decoded phases); 0 for unused axes.
    std::array<int, 3> centre{0, 0, 0};
    /// Slices of r through the centre: xy (z fixed, n x n, x rows), xz (y fixed), yz (x fixed).
    /// For D < 3 only xy (D = 2) or a single row (D = 1) is filled; the others are empty.
    std::vector<float> sliceXY, sliceXZ, sliceYZ;
    std::array<double, 3> stimulusPhase{0, 0, 0}, decodedPhase{0, 0, 0};
    std::array<double, 3> truePosition{0, 0, 0}, estimate{0, 0, 0};
    bool inputOn = false;
    double error = 0.0, meanError = 0.0, maxError = 0.0;
    /// Paths, decimated, oldest first: time, true and estimated positions per axis, error.
    std::vector<double> pathT, pathError;
    std::array<std::vector<double>, 3> pathTrue, pathEstimate;
    bool halted = false;
    std::string message;
    double stepsPerSecond = 0;  ///< filled in by the controller
};

}  // namespace as
