#pragma once
// The SDE lab's group in a session file (docs/session-format.md), "/sde":
//   attrs  format_version (int, 1), every SdeParams key (double), model_name, model_trained (0/1),
//          label (-1 drawn, 0..9), corruption (key of data/Corruptions.h), corruption_seed,
//          steps_per_second, robustness_csv (the RobustnessRecords CSV text) and
//          robustness_caption (both optional: absent in older files)
//   input_image   28 x 28 float, the clean image, pixel / 255 in [0, 1]
//   model/        the running model, as SdeModelFile writes it (its params() are the lab's)
// The group's attributes hold the lab's parameters; the model subgroup must have been planted with
// the same structural ones (N, C, pattern, nodes), and the group's dt, steps, eps, noise and seed
// are the session's. Written by the GUI's SDE lab since before it moved here: the layout is
// unchanged, and files written then load (tests/engine/data/sessions/).
#include <hdf5.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "data/Corruptions.h"
#include "sde/RobustnessRecords.h"
#include "sde/SdeModelFile.h"

namespace as::sde {

struct SdeSessionState {
    std::shared_ptr<const SdeModel> model;  ///< its params() are the lab's parameters
    TrainingMeta meta;
    std::string modelName;
    bool trained = false;
    std::vector<float> image;  ///< 784 values in [0, 1], row-major 28 x 28
    int label = -1;            ///< -1 (drawn) .. 9
    data::Corruption corruption = data::Corruption::Clean;
    std::uint64_t corruptionSeed = 1;          ///< [0, 1000000]
    double stepsPerSecond = 30.0;              ///< the lab's play speed (> 0)
    std::vector<RobustnessRecord> robustness;  ///< the Analysis tab's Table 1 runs
    std::string robustnessCaption;

    /// x(0) of the session's input, as the lab starts from it: the image corrupted (corruption,
    /// corruptionSeed), then divided by its largest value (data/ImageSet.h, normaliseToMax).
    std::vector<float> initialCondition() const;
};

inline constexpr int kSdeSessionVersion = 1;
inline constexpr int kSdeImageSide = 28;

/// Writes group "sde" under root. Throws std::runtime_error ("/sde: no model to write") or
/// h5::Error.
void writeSdeGroup(hid_t root, const SdeSessionState& s);
/// Reads and validates group "sde" under root. Throws std::runtime_error whose message starts with
/// "/sde" and names the attribute, dataset or subgroup.
SdeSessionState readSdeGroup(hid_t root);

/// A session holding only the SDE lab, saved atomically. Throws SessionError naming the file.
void saveSdeSession(const std::string& path, const SdeSessionState& s);
/// Loads the SDE lab of a session. Throws SessionError naming the file (also when it has no /sde).
SdeSessionState loadSdeSession(const std::string& path);

}  // namespace as::sde
