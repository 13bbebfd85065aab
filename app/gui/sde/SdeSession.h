#pragma once
// The SDE lab's session group "/sde": format_version, every SdeParams value as an attribute, the
// running model (subgroup "model", written by SdeModelFile), the clean input image (dataset
// "input_image", 28 x 28, pixel / 255), its label, the corruption key and seed, the model's name
// and whether it was trained; the robustness table's runs (attribute "robustness_csv", the
// RobustnessCsv text, and "robustness_caption"; both optional, absent in older files). read
// validates everything and throws naming the field.
#include <hdf5.h>

#include <QString>
#include <memory>
#include <vector>

#include "app/gui/sde/RobustnessCsv.h"
#include "data/Corruptions.h"
#include "sde/SdeModelFile.h"

namespace as::gui {

struct SdeSessionState {
    std::shared_ptr<const as::sde::SdeModel> model;  ///< its params() are the lab's parameters
    as::sde::TrainingMeta meta;
    QString modelName;
    bool trained = false;
    std::vector<float> image;  ///< 784 values in [0, 1]
    int label = -1;            ///< -1 (drawn) .. 9
    as::data::Corruption corruption = as::data::Corruption::Clean;
    quint64 corruptionSeed = 1;
    double stepsPerSecond = 30.0;
    std::vector<RobustnessRecord> robustness;  ///< the Analysis tab's Table 1 runs
    QString robustnessCaption;
};

inline constexpr int kSdeSessionVersion = 1;

/// Writes group "sde" under root. Throws h5::Error.
void writeSdeSession(hid_t root, const SdeSessionState& s);
/// Reads and validates group "sde" under root. Throws std::exception naming the field.
SdeSessionState readSdeSession(hid_t root);

}  // namespace as::gui
