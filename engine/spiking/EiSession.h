#pragma once
// The E-I spiking lab's group in a session file (docs/session-format.md):
//   /ei/parameters   attrs: one per EiParams key (double) + "<key>.unit" (+ "mode.name")
//   /ei/state        attrs: protocol (string), t (ms, "t.unit"), format (int, 1)
// The network itself is not stored: it is rebuilt from the parameters and their seed, so a
// session is small and reopening it gives the same connectivity.
#include <hdf5.h>

#include <string>

#include "spiking/EiParams.h"

namespace as {

struct EiSessionState {
    EiParams params;
    std::string protocol = "persistent";  ///< the protocol selected in the lab
    double timeMs = 0;                    ///< simulated time when saved
};

/// Writes /ei under `root`. Throws h5::Error on failure.
void writeEiGroup(hid_t root, const EiSessionState& state);
/// Reads and validates /ei under `root`. Throws h5::Error naming the object and the problem.
EiSessionState readEiGroup(hid_t root);

}  // namespace as
