#pragma once
// The Generator lab's group in a session file (docs/session-format.md), "/generator":
//   attrs  format_version (int, 2), model_name, model_source (the file it came from, or ""),
//          view.<key> for every GeneratorViewSettings key (the gallery seed among them; version
//          1 lacks view.langevin_target_scale, which then reads as its default, 1),
//          train.<key> for every GeneratorTrainSettings key (doubles)
//   model/ the running model, as GeneratorModelFile writes it (with its latent statistics)
// Reading validates everything (settings ranges, the model's shapes) before the lab changes.
#include <hdf5.h>

#include <memory>
#include <string>

#include "generator/GeneratorModelFile.h"
#include "generator/GeneratorTrainSettings.h"
#include "generator/GeneratorViewSettings.h"

namespace as::generator {

struct GeneratorSessionState {
    std::shared_ptr<const GeneratorModel> model;
    GeneratorTrainingMeta meta;
    std::string modelName, modelSource;
    GeneratorViewSettings view;
    GeneratorTrainSettings train;
};

inline constexpr int kGeneratorSessionVersion = 2;
inline constexpr const char* kGeneratorSessionGroup = "generator";

/// Writes group "generator" under root. Throws std::runtime_error or h5::Error.
void writeGeneratorGroup(hid_t root, const GeneratorSessionState& s);
/// Reads and validates group "generator" under root. Throws std::runtime_error whose message
/// starts with "/generator" and names the attribute or subgroup.
GeneratorSessionState readGeneratorGroup(hid_t root);
/// Opens a session file (io/SessionFile: its checks first) and reads its Generator group, as
/// `attractor-cli generator --session` does. Throws SessionError naming the file.
GeneratorSessionState loadGeneratorSession(const std::string& path);

}  // namespace as::generator
