#pragma once
// What the Torus and head-direction sessions save alike in their state group ('/torus/state',
// '/hd2d/state'): the run's clock (t in ms, steps) with the trajectory's clock and helix start as
// attributes, and the trajectory's position, velocity, steering and helix origin as 3-element
// datasets. `clockKey` names the trajectory's clock attribute ("trajectory_clock",
// "heading_clock"), `positionKey` its position dataset ("position", "heading"); `where` names the
// group in messages.
#include <hdf5.h>

#include <memory>
#include <string>

#include "cann/Trajectory.h"
#include "io/Hdf5Handle.h"
#include "io/TraceGroup.h"

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

/// The run a session's lab group holds, rebuilt from its parameters p and q and its state, with the
/// recordings of the group's 'recording/traces' (`lab`: the group's name, for messages).
template <class Sim, class P, class Q>
std::unique_ptr<Sim> restoreRun(hid_t labGroup, const std::string& lab, const P& p, const Q& q,
                                const typename Sim::State& st) {
    constexpr std::size_t kFallbackCapacity = 100000;  // the simulations' default trace capacity
    const TraceBuffer traces = [&] {
        h5::Handle rec = h5::openGroup(labGroup, "recording");
        return readTraceGroup(rec, "traces", Sim::traceChannels(), "/" + lab + "/recording/traces",
                              kFallbackCapacity);
    }();
    auto sim = std::make_unique<Sim>(p, q, traces.capacity());
    sim->restoreState(st);
    sim->restoreRecordings(traces);
    return sim;
}

}  // namespace as
