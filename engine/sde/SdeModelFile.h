#pragma once
// An SdeModel in HDF5 (docs/models/sde-classifier.md, "Model file"): format version, every
// SdeParams value as an attribute, atilde (N x N float), G if trained, and how it was trained.
// Loading validates every shape and value and throws h5::Error naming the file and the field.
#include <hdf5.h>

#include <string>
#include <vector>

#include "io/Hdf5Handle.h"
#include "sde/BpttTrainer.h"
#include "sde/SdeModel.h"
#include "sde/TrainParams.h"

namespace as::sde {

/// How a model was trained (all optional: an untrained model has iterations = 0).
struct TrainingMeta {
    TrainParams train;
    long iterations = 0;
    double finalLoss = 0.0;
    double validationAccuracy = -1.0;
    double secondsPerIteration = 0.0;
    std::vector<double> lossCurve, validationCurve;
    std::string commandLine;  ///< the command that produced the model
    std::string date;     ///< ISO 8601 UTC; filled with the current time by saveSdeModel if empty
    std::string outcome;  ///< "finished", "cancelled", "diverged" or empty

    /// The metadata of a finished training run (CLI and GUI record the same fields).
    static TrainingMeta fromReport(const TrainParams& train, const TrainReport& report,
                                   std::string commandLine);
};

struct LoadedSdeModel {
    SdeModel model;
    TrainingMeta meta;
};

/// Writes the model into an existing group (attributes and datasets directly under it).
void writeSdeModel(hid_t group, const SdeModel& model, const TrainingMeta& meta);
/// Reads and validates; fileForMessages names the file in error messages.
LoadedSdeModel readSdeModel(hid_t group, const std::string& fileForMessages);

/// A file whose /sde_model group holds the model; written atomically (temp file + rename).
void saveSdeModel(const std::string& path, const SdeModel& model, const TrainingMeta& meta = {});
LoadedSdeModel loadSdeModel(const std::string& path);
/// Refuses (h5::Error naming `where`) a model group of format_version >= 2 in a file without the
/// checksums that version promises (io/Hdf5Integrity.h).
void requireChecksums(hid_t file, hid_t modelGroup, const std::string& where);

/// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string utcNow();

/// The parts of a model file's training group every trainer writes (SDE and generator models):
/// the settings as attributes train_<key>, one per key of P's table, ...
template <class P>
void writeTrainSettings(hid_t training, const P& train) {
    for (const auto& s : P::specs())
        h5::writeAttribute(training, "train_" + s.key, train.get(s.key));
}
/// ... and the run's stamp: command_line, date (now if empty) and outcome.
void writeRunStamp(hid_t training, const std::string& commandLine, const std::string& date,
                   const std::string& outcome);

}  // namespace as::sde
