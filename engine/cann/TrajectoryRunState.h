#pragma once
// What the Torus and head-direction sessions save alike in their state group ('/torus/state',
// '/hd2d/state'): the run's clock (t in ms, steps) with the trajectory's clock and helix start as
// attributes, and the trajectory's position, velocity, steering and helix origin as 3-element
// datasets. `clockKey` names the trajectory's clock attribute ("trajectory_clock",
// "heading_clock"), `positionKey` its position dataset ("position", "heading"); `where` names the
// group in messages.
#include <hdf5.h>

#include <string>

#include "cann/Trajectory.h"

namespace as {

void writeRunClock(hid_t g, double t, long steps, const Trajectory::State& tr,
                   const char* clockKey);
/// Reads what writeRunClock wrote; refuses (h5::Error) non-finite values and negative steps.
void readRunClock(hid_t g, const std::string& where, const char* clockKey, double& t, long& steps,
                  Trajectory::State& tr);

void writeTrajectoryVectors(hid_t g, const Trajectory::State& tr, const char* positionKey);
/// Reads what writeTrajectoryVectors wrote; refuses wrong sizes and non-finite values.
void readTrajectoryVectors(hid_t g, const std::string& where, const char* positionKey,
                           Trajectory::State& tr);

}  // namespace as
