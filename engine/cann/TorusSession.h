#pragma once
// The Torus lab's group in a session file (layout in docs/session-format.md):
//   /torus/parameters        attrs: one per TorusParams key (double) + "<key>.unit"
//   /torus/trajectory        attrs: one per TrajectoryParams key + "<key>.unit"
//   /torus/state             attrs t, steps, trajectory_clock, helix_start; datasets u [n x .. x n]
//                            (D axes), position, velocity, steering, helix_origin,
//                            decoded_unwrapped [3]
//   /torus/recording/traces  one dataset per trace channel [rows] (TorusSimulation::traceChannels,
//                            including the per-axis decode components sin_x, cos_x, ...)
#include <memory>
#include <string>

#include "cann/TorusSimulation.h"
#include "io/SessionFile.h"

namespace as {

/// Writes /torus under `root`. Throws h5::Error on failure.
void writeTorusGroup(hid_t root, const TorusSimulation& sim);
/// Reads and validates /torus under `root` and builds a new simulation from it. Throws h5::Error
/// naming the object and the problem.
std::unique_ptr<TorusSimulation> readTorusGroup(hid_t root);

/// A session holding only the torus lab, saved atomically. Throws SessionError naming the file.
void saveTorusSession(const std::string& path, const TorusSimulation& sim);
/// Loads the torus lab of a session. Throws SessionError (also when the file has no /torus).
std::unique_ptr<TorusSimulation> loadTorusSession(const std::string& path);

}  // namespace as
