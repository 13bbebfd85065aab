#pragma once
// The 2D head-direction page's group in a session file (written beside /torus by the Torus lab):
//   /hd2d/parameters        attrs: one per TorusParams key (dims and spacings unused) +
//   "<key>.unit" /hd2d/heading           attrs: one per TrajectoryParams key + "<key>.unit" (angles
//   in rad) /hd2d/state             attrs t, steps, heading_clock, helix_start; datasets u_azimuth
//   [n],
//                           u_pitch [n], u_sheet [n x n], heading, velocity, steering, helix_origin
//                           [3]
//   /hd2d/recording/traces  one dataset per Hd2dSimulation::traceChannels() channel
#include <memory>
#include <string>

#include "cann/Hd2dSimulation.h"
#include "io/SessionFile.h"

namespace as {

/// Writes /hd2d under `root`. Throws h5::Error.
void writeHd2dGroup(hid_t root, const Hd2dSimulation& sim);
/// Reads and validates /hd2d under `root` into a new simulation. Throws h5::Error naming the
/// problem.
std::unique_ptr<Hd2dSimulation> readHd2dGroup(hid_t root);

/// A session holding only the head-direction page (file attribute lab = "hd2d"), saved atomically.
/// Throws SessionError naming the file.
void saveHd2dSession(const std::string& path, const Hd2dSimulation& sim);
/// Loads the head-direction page of a session (written by the CLI or the GUI's Torus lab). Throws
/// SessionError (also when the file has no /hd2d).
std::unique_ptr<Hd2dSimulation> loadHd2dSession(const std::string& path);

}  // namespace as
