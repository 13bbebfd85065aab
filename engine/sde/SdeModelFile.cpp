#include "sde/SdeModelFile.h"

#include <cmath>
#include <ctime>
#include <filesystem>
#include <stdexcept>

#include "io/Hdf5Handle.h"
#include "io/Hdf5Integrity.h"

namespace as::sde {
namespace {

// 2: the layout of 1 in a checksummed file (io/Hdf5Integrity.h); 1 still loads, unverified.
constexpr std::int64_t kFormatVersion = 2;

std::vector<float> rowMajor(const Eigen::MatrixXf& m) {
    std::vector<float> v(std::size_t(m.size()));
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c) v[std::size_t(r * m.cols() + c)] = m(r, c);
    return v;
}

/// Reads an N x N float dataset, checking shape and finiteness; messages name file and field.
Eigen::MatrixXf readSquare(hid_t g, const std::string& name, int n, const std::string& where) {
    const auto shape = h5::datasetShape(g, name);
    if (shape.size() != 2 || shape[0] != hsize_t(n) || shape[1] != hsize_t(n)) {
        std::string got = shape.size() == 2
                              ? std::to_string(shape[0]) + " x " + std::to_string(shape[1])
                              : "rank " + std::to_string(shape.size());
        throw h5::Error(where + ": field '" + name + "' has shape " + got + ", expected " +
                        std::to_string(n) + " x " + std::to_string(n));
    }
    const std::vector<float> v = h5::readFloats(g, name);
    Eigen::MatrixXf m(n, n);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            const float x = v[std::size_t(r) * std::size_t(n) + std::size_t(c)];
            if (!std::isfinite(x))
                throw h5::Error(where + ": field '" + name + "' holds a non-finite value");
            m(r, c) = x;
        }
    return m;
}

std::vector<double> readCurve(hid_t g, const std::string& name, const std::string& where) {
    const auto shape = h5::datasetShape(g, name);
    if (shape.size() != 1) throw h5::Error(where + ": field '" + name + "' is not one-dimensional");
    return h5::readDoubles(g, name);
}

}  // namespace

std::string utcNow() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

void writeRunStamp(hid_t training, const std::string& commandLine, const std::string& date,
                   const std::string& outcome) {
    h5::writeAttribute(training, "command_line", commandLine);
    h5::writeAttribute(training, "date", date.empty() ? utcNow() : date);
    h5::writeAttribute(training, "outcome", outcome);
}

void writeSdeModel(hid_t g, const SdeModel& model, const TrainingMeta& meta) {
    const SdeParams& p = model.params();
    h5::writeAttribute(g, "format_version", kFormatVersion);
    for (const auto& s : SdeParams::specs()) h5::writeAttribute(g, s.key, p.get(s.key));
    h5::writeAttribute(g, "pattern_name", std::string(patternName(p.pattern)));
    const hsize_t n = hsize_t(p.n);
    h5::writeDataset(g, "atilde", rowMajor(model.atilde()), {n, n});
    h5::writeAttribute(g, "has_trained_g", std::int64_t(model.hasTrainedG() ? 1 : 0));
    if (model.hasTrainedG()) h5::writeDataset(g, "g", rowMajor(model.trainedG()), {n, n});

    h5::Handle t = h5::createGroup(g, "training");
    writeTrainSettings(t, meta.train);
    h5::writeAttribute(t, "iterations", std::int64_t(meta.iterations));
    h5::writeAttribute(t, "final_loss", meta.finalLoss);
    h5::writeAttribute(t, "validation_accuracy", meta.validationAccuracy);
    h5::writeAttribute(t, "seconds_per_iteration", meta.secondsPerIteration);
    writeRunStamp(t, meta.commandLine, meta.date, meta.outcome);
    h5::writeDataset(t, "loss_curve", meta.lossCurve, {hsize_t(meta.lossCurve.size())});
    h5::writeDataset(t, "validation_curve", meta.validationCurve,
                     {hsize_t(meta.validationCurve.size())});
}

LoadedSdeModel readSdeModel(hid_t g, const std::string& file) {
    const std::string where = "SDE model file '" + file + "'";
    try {
        const std::int64_t version = h5::readIntAttribute(g, "format_version");
        if (version < 1 || version > kFormatVersion)
            throw h5::Error(where + ": unsupported format_version " + std::to_string(version));
        SdeParams p;
        for (const auto& s : SdeParams::specs()) {
            const double v = h5::readDoubleAttribute(g, s.key);
            try {
                p.set(s.key, v);
            } catch (const std::exception& e) {
                throw h5::Error(where + ": field '" + s.key + "': " + e.what());
            }
        }
        try {
            p.check();
        } catch (const std::exception& e) {
            throw h5::Error(where + ": invalid parameters: " + e.what());
        }
        LoadedSdeModel out{SdeModel(p), {}};
        out.model.setAtilde(readSquare(g, "atilde", p.n, where));
        if (h5::readIntAttribute(g, "has_trained_g") != 0)
            out.model.setTrainedG(readSquare(g, "g", p.n, where));

        TrainingMeta& m = out.meta;
        if (h5::hasChild(g, "training")) {
            h5::Handle t = h5::openGroup(g, "training");
            for (const auto& s : TrainParams::specs()) {
                // keys added later (shift) are absent from older files: their default then
                if (s.key == "shift" && !h5::hasAttribute(t, "train_" + s.key)) continue;
                const double v = h5::readDoubleAttribute(t, "train_" + s.key);
                try {
                    m.train.set(s.key, v);
                } catch (const std::exception& e) {
                    throw h5::Error(where + ": field 'training/train_" + s.key + "': " + e.what());
                }
            }
            try {
                m.train.check();
            } catch (const std::exception& e) {
                throw h5::Error(where + ": invalid training parameters: " + e.what());
            }
            m.iterations = long(h5::readIntAttribute(t, "iterations"));
            if (m.iterations < 0)
                throw h5::Error(where + ": field 'training/iterations' is negative");
            m.finalLoss = h5::readDoubleAttribute(t, "final_loss");
            m.validationAccuracy = h5::readDoubleAttribute(t, "validation_accuracy");
            m.secondsPerIteration = h5::readDoubleAttribute(t, "seconds_per_iteration");
            m.commandLine = h5::readStringAttribute(t, "command_line");
            m.date = h5::readStringAttribute(t, "date");
            m.outcome = h5::readStringAttribute(t, "outcome");
            m.lossCurve = readCurve(t, "loss_curve", where);
            m.validationCurve = readCurve(t, "validation_curve", where);
        }
        return out;
    } catch (const h5::Error& e) {
        const std::string msg = e.what();
        if (msg.find(file) != std::string::npos) throw;
        throw h5::Error(where + ": " + msg);
    } catch (const std::invalid_argument& e) {
        throw h5::Error(where + ": " + e.what());
    }
}

TrainingMeta TrainingMeta::fromReport(const TrainParams& train, const TrainReport& report,
                                      std::string commandLine) {
    TrainingMeta meta;
    meta.train = train;
    meta.iterations = report.iterations;
    meta.finalLoss = report.finalLoss;
    meta.validationAccuracy = report.validationAccuracy;
    meta.secondsPerIteration = report.secondsPerIteration;
    meta.lossCurve = report.lossCurve;
    meta.validationCurve = report.validationCurve;
    meta.commandLine = std::move(commandLine);
    meta.outcome = trainOutcomeName(report.outcome);
    return meta;
}

void saveSdeModel(const std::string& path, const SdeModel& model, const TrainingMeta& meta) {
    h5::silenceErrors();
    h5::writeFileAtomically(path, "SDE model file", [&](hid_t f) {
        h5::Handle g = h5::createGroup(f, "sde_model");
        writeSdeModel(g, model, meta);
    });
}

void requireChecksums(hid_t file, hid_t model, const std::string& where) {
    const std::int64_t version = h5::readIntAttribute(model, "format_version");
    if (version >= 2 && !h5::hasChecksums(file))
        throw h5::Error(where + ": a format " + std::to_string(version) +
                        " file must carry attribute '/" + h5::kChecksumAttribute +
                        "' (damaged, or altered by another program)");
}

LoadedSdeModel loadSdeModel(const std::string& path) {
    h5::silenceErrors();
    const std::string where = "SDE model file '" + path + "'";
    if (!std::filesystem::exists(path)) throw h5::Error(where + " does not exist");
    if (!h5::isHdf5(path)) throw h5::Error(where + " is not an HDF5 file (damaged or truncated?)");
    h5::Handle f, g;
    try {
        f = h5::openFileReadOnly(path);  // verifies the checksums the file carries
        if (!h5::hasChild(f, "sde_model")) throw h5::Error("it holds no /sde_model group");
        g = h5::openGroup(f, "sde_model");
        requireChecksums(f, g, where);
    } catch (const h5::Error& e) {
        const std::string msg = e.what();
        if (msg.find(where) != std::string::npos) throw;
        throw h5::Error(where + ": " + msg);
    }
    return readSdeModel(g, path);
}

}  // namespace as::sde
