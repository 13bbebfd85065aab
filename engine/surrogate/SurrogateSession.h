#pragma once
// The Surrogate lab's group in a session file (docs/session-format.md), "/surrogate":
//   attrs  model_path (string: the running model's file, "" when none; the weights stay in that
//          file), source (int: the Input chooser, LiveSource of surrogate/InputProcess.h)
// Written by the GUI's Surrogate lab since before it moved here: the layout is unchanged, and
// files written then load (tests/engine/data/sessions/).
#include <hdf5.h>

#include <string>

#include "surrogate/InputProcess.h"

namespace as::surrogate {

struct SurrogateSessionState {
    std::string modelPath;  ///< the running model's file ("" when none)
    LiveSource source = LiveSource::Mixture;
};

/// Writes group "surrogate" under root. Throws h5::Error.
void writeSurrogateGroup(hid_t root, const SurrogateSessionState& s);
/// Reads and validates group "surrogate" under root. Throws std::runtime_error whose message starts
/// with "/surrogate" and names the attribute.
SurrogateSessionState readSurrogateGroup(hid_t root);

/// A session holding only the Surrogate lab, saved atomically. Throws SessionError naming the file.
void saveSurrogateSession(const std::string& path, const SurrogateSessionState& s);
/// Loads the Surrogate lab of a session. Throws SessionError naming the file (also when it has no
/// /surrogate).
SurrogateSessionState loadSurrogateSession(const std::string& path);

}  // namespace as::surrogate
