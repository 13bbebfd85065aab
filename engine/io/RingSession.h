#pragma once
// The ring lab's group in a session file (layout in docs/session-format.md):
//   /ring/parameters         attrs: one per CannParams key (double) + "<key>.unit"
//   /ring/stimulus           attrs: one per StimulusParams key + "<key>.unit"
//   /ring/state              attrs t, steps, stimulus_clock, stimulus_z, external_target,
//                            stimulus_unwrapped, decoded_unwrapped; dataset u [N]
//   /ring/recording/traces   one dataset per trace channel [rows]
//   /ring/recording/activity dataset [rows x cols] float, attrs stride; dataset times [rows]
#include <memory>
#include <string>

#include "cann/RingSimulation.h"
#include "io/SessionFile.h"

namespace as {

/// Writes /ring under `root`. Throws h5::Error on failure.
void writeRingGroup(hid_t root, const RingSimulation& sim);
/// Reads and validates /ring under `root` and builds a new simulation from it. Throws h5::Error
/// naming the object and the problem.
std::unique_ptr<RingSimulation> readRingGroup(hid_t root);

struct RingSessionData {
    std::string lab = "ring";                    ///< which lab tab was open
    std::unique_ptr<RingSimulation> simulation;  ///< ready to run, state and recordings restored
};

/// A session holding only the ring lab, saved atomically. Throws SessionError naming the file.
void saveRingSession(const std::string& path, const RingSimulation& sim,
                     const std::string& lab = "ring");
/// Loads the ring lab of a session written by this or an earlier version. Throws SessionError.
RingSessionData loadRingSession(const std::string& path);

}  // namespace as
