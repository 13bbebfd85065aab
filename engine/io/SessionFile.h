#pragma once
// Session files: one HDF5 file per session (docs/architecture.md, "Session format").
//   /  attrs: format = "attractor-studio-session", format_version (int), app_version, lab (open tab)
//   /ring/parameters         attrs: one per CannParams key (double) + "<key>.unit" (string)
//   /ring/stimulus           attrs: one per StimulusParams key + "<key>.unit"
//   /ring/state              attrs t, steps, stimulus_clock, stimulus_z, external_target,
//                            stimulus_unwrapped, decoded_unwrapped; dataset u [N]
//   /ring/recording/traces   one dataset per trace channel [rows]
//   /ring/recording/activity dataset [rows x cols] float, attrs stride; dataset times [rows]
// Saving writes "<path>.tmp-<pid>" and renames it over <path>, so the last good file survives a crash.
// Loading validates everything before it returns; on any problem it throws SessionError whose
// message names the file and the problem, and nothing the caller holds is touched.
#include <memory>
#include <stdexcept>
#include <string>

#include "cann/RingSimulation.h"

namespace as {

inline constexpr const char* kSessionFormatName = "attractor-studio-session";
/// Version written by this build. Loading accepts 1..kSessionFormatVersion and refuses newer ones.
inline constexpr int kSessionFormatVersion = 1;

class SessionError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct RingSessionData {
    std::string lab = "ring";                 ///< which lab tab was open
    std::unique_ptr<RingSimulation> simulation;  ///< ready to run, state and recordings restored
};

/// Saves atomically. Throws SessionError (naming the file) if it cannot be written.
void saveRingSession(const std::string& path, const RingSimulation& sim, const std::string& lab = "ring");
/// Loads and validates a session written by this or an earlier version.
RingSessionData loadRingSession(const std::string& path);

/// Writes the recorded traces as CSV (header row of channel names, one row per step), atomically.
void exportTracesCsv(const std::string& path, const TraceBuffer& traces);

}  // namespace as
