#pragma once
// A GeneratorModel in HDF5 (docs/models/generator.md, "Model file"), format 2 (checksummed:
// io/Hdf5Integrity.h). Group /generator: format_version, every GeneratorParams value, pixels and
// digits; encoder/ and decoder/ (w<k>, b<k> per layer, activations); latent/ (the latent SDE as
// sde::writeSdeModel writes it); stats/ (LatentStats, if attached); training/ (how it was trained:
// parameters, loss curves per term, command line). Loading checks every shape and value and
// throws h5::Error naming the file and the field; a file without /generator (an SDE model, a
// session) is refused as foreign.
#include <hdf5.h>

#include <string>

#include "generator/GeneratorModel.h"
#include "generator/GeneratorTrainParams.h"
#include "generator/GeneratorTrainer.h"
#include "io/Hdf5Handle.h"

namespace as::generator {

inline constexpr const char* kGeneratorGroup = "generator";

struct GeneratorTrainingMeta {
    GeneratorTrainParams train;
    long iterations = 0;
    double secondsPerIteration = 0.0, wallSeconds = 0.0;
    LossCurves curves;
    std::string commandLine, date, outcome;

    static GeneratorTrainingMeta fromReport(const GeneratorTrainParams& tp,
                                            const GeneratorReport& rep, std::string commandLine,
                                            double wallSeconds);
};

struct LoadedGenerator {
    GeneratorModel model;
    GeneratorTrainingMeta meta;
};

void writeGeneratorModel(hid_t group, const GeneratorModel& model,
                         const GeneratorTrainingMeta& meta);
LoadedGenerator readGeneratorModel(hid_t group, const std::string& fileForMessages);

/// Written atomically (temp file + rename), with the format-2 checksums.
void saveGeneratorModel(const std::string& path, const GeneratorModel& model,
                        const GeneratorTrainingMeta& meta = {});
LoadedGenerator loadGeneratorModel(const std::string& path);
/// Opens path read-only (verifying its checksums) and checks that it holds a checksummed
/// /generator group; throws h5::Error starting with `where` otherwise.
h5::Handle openGeneratorFile(const std::string& path, const std::string& where);

}  // namespace as::generator
