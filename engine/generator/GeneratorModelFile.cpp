#include "generator/GeneratorModelFile.h"

#include <filesystem>
#include <stdexcept>

#include "core/ParamAccess.h"
#include "io/Hdf5Errors.h"
#include "io/Hdf5Integrity.h"
#include "io/Hdf5Matrix.h"
#include "sde/SdeModelFile.h"

namespace as::generator {
namespace {

constexpr std::int64_t kFormatVersion =
    2;  // 2: checksummed (io/Hdf5Integrity.h) from the first version

void writeMlp(hid_t parent, const std::string& name, const MlpWeights<float>& net) {
    h5::Handle g = h5::createGroup(parent, name);
    h5::writeAttribute(g, "layers", std::int64_t(net.layers()));
    for (int k = 0; k < net.layers(); ++k) {
        h5::writeMatrix(g, "w" + std::to_string(k), net.w[std::size_t(k)]);
        h5::writeMatrix(g, "b" + std::to_string(k), net.b[std::size_t(k)]);
        h5::writeAttribute(g, "act" + std::to_string(k), std::int64_t(net.act[std::size_t(k)]));
    }
}

/// Reads into `net` (whose shapes are the expected ones).
void readMlp(hid_t parent, const std::string& name, MlpWeights<float>& net,
             const std::string& where) {
    h5::Handle g = h5::openGroup(parent, name);
    if (h5::readIntAttribute(g, "layers") != net.layers())
        throw h5::Error(where + ": field '" + name + "/layers' does not match the parameters");
    for (int k = 0; k < net.layers(); ++k) {
        const std::size_t ks = std::size_t(k);
        const std::string f = name + "/";
        if (h5::readIntAttribute(g, "act" + std::to_string(k)) != std::int64_t(net.act[ks]))
            throw h5::Error(where + ": field '" + f + "act" + std::to_string(k) +
                            "' is not the expected activation");
        net.w[ks] = h5::readMatrixF(g, "w" + std::to_string(k), net.w[ks].rows(), net.w[ks].cols(),
                                    where + ": " + f);
        net.b[ks] =
            h5::readMatrixF(g, "b" + std::to_string(k), net.b[ks].rows(), 1, where + ": " + f);
    }
}

void writeStats(hid_t parent, const LatentStats& s) {
    h5::Handle g = h5::createGroup(parent, "stats");
    h5::writeAttribute(g, "classes", std::int64_t(s.classes()));
    for (int l = 0; l < s.classes(); ++l) {
        const ClassStats& c = s.at(l);
        h5::Handle cg = h5::createGroup(g, "class_" + std::to_string(l));
        h5::writeAttribute(cg, "count", std::int64_t(c.count));
        h5::writeAttribute(cg, "mean_distance", c.meanDistance);
        h5::writeMatrix(cg, "attractor", Eigen::MatrixXd(c.attractor));
        h5::writeMatrix(cg, "mean", Eigen::MatrixXd(c.mean));
        h5::writeMatrix(cg, "sigma_about_attractor", c.aboutAttractor);
        h5::writeMatrix(cg, "sigma_about_mean", c.aboutMean);
    }
}

LatentStats readStats(hid_t parent, int d, int C, const std::string& where) {
    h5::Handle g = h5::openGroup(parent, "stats");
    if (h5::readIntAttribute(g, "classes") != C)
        throw h5::Error(where + ": field 'stats/classes' does not match");
    std::vector<ClassStats> parts;
    for (int l = 0; l < C; ++l) {
        const std::string name = "class_" + std::to_string(l);
        const std::string w = where + ": stats/" + name;
        h5::Handle cg = h5::openGroup(g, name);
        ClassStats c;
        c.count = long(h5::readIntAttribute(cg, "count"));
        c.meanDistance = h5::readDoubleAttribute(cg, "mean_distance");
        c.attractor = h5::readMatrixD(cg, "attractor", d, 1, w).col(0);
        c.mean = h5::readMatrixD(cg, "mean", d, 1, w).col(0);
        c.aboutAttractor = h5::readMatrixD(cg, "sigma_about_attractor", d, d, w);
        c.aboutMean = h5::readMatrixD(cg, "sigma_about_mean", d, d, w);
        parts.push_back(std::move(c));
    }
    return LatentStats::fromParts(std::move(parts));
}

void writeCurve(hid_t g, const std::string& name, const std::vector<double>& v) {
    h5::writeDataset(g, name, v, {hsize_t(v.size())});
}

std::vector<double> readCurve(hid_t g, const std::string& name, std::size_t n,
                              const std::string& where) {
    const auto shape = h5::datasetShape(g, name);
    if (shape.size() != 1 || shape[0] != n)
        throw h5::Error(where + ": field 'training/" + name + "' has the wrong length");
    return h5::readDoubles(g, name);
}

}  // namespace

GeneratorTrainingMeta GeneratorTrainingMeta::fromReport(const GeneratorTrainParams& tp,
                                                        const GeneratorReport& rep,
                                                        std::string commandLine,
                                                        double wallSeconds) {
    GeneratorTrainingMeta m;
    m.train = tp;
    m.iterations = rep.iterations;
    m.secondsPerIteration = rep.secondsPerIteration;
    m.wallSeconds = wallSeconds;
    m.curves = rep.curves;
    m.commandLine = std::move(commandLine);
    m.outcome = sde::trainOutcomeName(rep.outcome);
    return m;
}

void writeGeneratorModel(hid_t g, const GeneratorModel& model, const GeneratorTrainingMeta& meta) {
    const GeneratorParams& p = model.params();
    h5::writeAttribute(g, "format_version", kFormatVersion);
    h5::writeAttribute(g, "kind", std::string("attractor-studio generator (seed 002 VI.1)"));
    for (const auto& s : GeneratorParams::specs()) h5::writeAttribute(g, s.key, p.get(s.key));
    h5::writeAttribute(g, "pixels", std::int64_t(model.pixels()));
    std::vector<double> digits(model.digits().begin(), model.digits().end());
    h5::writeDataset(g, "digits", digits, {hsize_t(digits.size())});
    writeMlp(g, "encoder", model.encoder());
    writeMlp(g, "decoder", model.decoder());
    {
        h5::Handle lg = h5::createGroup(g, "latent");
        sde::writeSdeModel(lg, model.latent(), {});
    }
    if (model.hasStats()) writeStats(g, model.stats());
    if (model.hasSecondCvfr()) {  // §VI.2: its settings as attributes, A2 as a dataset
        h5::Handle sg = h5::createGroup(g, "second_cvfr");
        const GeneratorModel::SecondCvfr& sc = model.secondCvfr();
        for (const auto& s : sde::SdeParams::specs())
            h5::writeAttribute(sg, s.key, sc.params.get(s.key));
        h5::writeMatrix(sg, "A2", sc.A2);
    }
    h5::Handle t = h5::createGroup(g, "training");
    sde::writeTrainSettings(t, meta.train);
    h5::writeAttribute(t, "iterations", std::int64_t(meta.iterations));
    h5::writeAttribute(t, "seconds_per_iteration", meta.secondsPerIteration);
    h5::writeAttribute(t, "wall_seconds", meta.wallSeconds);
    sde::writeRunStamp(t, meta.commandLine, meta.date, meta.outcome);
    writeCurve(t, "loss_curve", meta.curves.total);
    writeCurve(t, "conv_curve", meta.curves.conv);
    writeCurve(t, "rec_curve", meta.curves.rec);
    writeCurve(t, "centroid_curve", meta.curves.centroid);
}

LoadedGenerator readGeneratorModel(hid_t g, const std::string& file) {
    const std::string where = "generator model file '" + file + "'";
    return h5::namingFile(file, where, [&] {
        const std::int64_t version = h5::readIntAttribute(g, "format_version");
        if (version != kFormatVersion)
            throw h5::Error(where + ": unsupported format_version " + std::to_string(version));
        GeneratorParams p;
        for (const auto& s : GeneratorParams::specs()) {
            try {
                p.set(s.key, h5::readDoubleAttribute(g, s.key));
            } catch (const ParamError& e) {
                throw h5::Error(where + ": field '" + s.key + "': " + e.what());
            }
        }
        const std::vector<double> dv = h5::readDoubles(g, "digits");
        std::vector<int> digits;
        for (double v : dv) {
            if (!(v >= 0 && v <= 9) || v != double(int(v)))
                throw h5::Error(where + ": field 'digits' holds a non-digit");
            digits.push_back(int(v));
        }
        const std::int64_t pixels = h5::readIntAttribute(g, "pixels");
        if (pixels < 1 || pixels > 1 << 20)
            throw h5::Error(where + ": field 'pixels' is out of range");
        h5::Handle lg = h5::openGroup(g, "latent");
        sde::LoadedSdeModel latent = sde::readSdeModel(lg, file);
        p.latent = latent.model.params();
        if (p.latent.n != p.latentDim || p.latent.classes != int(digits.size()))
            throw h5::Error(where + ": field 'latent' has n = " + std::to_string(p.latent.n) +
                            ", classes = " + std::to_string(p.latent.classes) +
                            ", expected latent_dim and the digits' count");
        try {
            p.check(int(digits.size()));
        } catch (const std::invalid_argument& e) {
            throw h5::Error(where + ": invalid parameters: " + e.what());
        }
        LoadedGenerator out{GeneratorModel(p, int(pixels), digits), {}};
        MlpWeights<float> enc = out.model.encoder(), dec = out.model.decoder();
        readMlp(g, "encoder", enc, where);
        readMlp(g, "decoder", dec, where);
        out.model.setEncoder(enc);
        out.model.setDecoder(dec);
        out.model.setAtilde(latent.model.atilde());
        if (h5::hasChild(g, "stats"))
            out.model.setStats(readStats(g, p.latentDim, int(digits.size()), where));
        if (h5::hasChild(g, "second_cvfr")) {
            h5::Handle sg = h5::openGroup(g, "second_cvfr");
            GeneratorModel::SecondCvfr sc = out.model.initialSecondCvfr();
            for (const auto& s : sde::SdeParams::specs()) {
                try {
                    sc.params.set(s.key, h5::readDoubleAttribute(sg, s.key));
                } catch (const ParamError& e) {
                    throw h5::Error(where + ": field 'second_cvfr/" + s.key + "': " + e.what());
                }
            }
            if (sc.params.r != 0.0 || sc.params.n != p.latentDim)
                throw h5::Error(where + ": field 'second_cvfr' must have r = 0 and n = latent_dim");
            sc.A2 = h5::readMatrixF(sg, "A2", p.latentDim, p.latentDim, where);
            try {
                out.model.setSecondCvfr(std::move(sc));
            } catch (const std::invalid_argument& e) {
                throw h5::Error(where + ": field 'second_cvfr': " + e.what());
            }
        }

        GeneratorTrainingMeta& m = out.meta;
        h5::Handle t = h5::openGroup(g, "training");
        for (const auto& s : GeneratorTrainParams::specs()) {
            try {
                m.train.set(s.key, h5::readDoubleAttribute(t, "train_" + s.key));
            } catch (const ParamError& e) {
                throw h5::Error(where + ": field 'training/train_" + s.key + "': " + e.what());
            }
        }
        m.iterations = long(h5::readIntAttribute(t, "iterations"));
        if (m.iterations < 0) throw h5::Error(where + ": field 'training/iterations' is negative");
        m.secondsPerIteration = h5::readDoubleAttribute(t, "seconds_per_iteration");
        m.wallSeconds = h5::readDoubleAttribute(t, "wall_seconds");
        m.commandLine = h5::readStringAttribute(t, "command_line");
        m.date = h5::readStringAttribute(t, "date");
        m.outcome = h5::readStringAttribute(t, "outcome");
        const std::size_t n = h5::datasetShape(t, "loss_curve").at(0);
        m.curves.total = readCurve(t, "loss_curve", n, where);
        m.curves.conv = readCurve(t, "conv_curve", n, where);
        m.curves.rec = readCurve(t, "rec_curve", n, where);
        m.curves.centroid = readCurve(t, "centroid_curve", n, where);
        return out;
    });
}

void saveGeneratorModel(const std::string& path, const GeneratorModel& model,
                        const GeneratorTrainingMeta& meta) {
    h5::silenceErrors();
    h5::writeFileAtomically(path, "generator model file", [&](hid_t f) {
        h5::Handle g = h5::createGroup(f, kGeneratorGroup);
        writeGeneratorModel(g, model, meta);
    });
}

h5::Handle openGeneratorFile(const std::string& path, const std::string& where) {
    h5::silenceErrors();
    if (!std::filesystem::exists(path)) throw h5::Error(where + " does not exist");
    if (!h5::isHdf5(path)) throw h5::Error(where + " is not an HDF5 file (damaged or truncated?)");
    return h5::namingFile(path, where, [&] {
        h5::Handle f = h5::openFileReadOnly(path);  // verifies the checksums the file carries
        if (!h5::hasChild(f, kGeneratorGroup))
            throw h5::Error(std::string("it holds no /") + kGeneratorGroup +
                            " group (not a generator model file)");
        h5::Handle g = h5::openGroup(f, kGeneratorGroup);
        sde::requireChecksums(f, g, where);
        return f;
    });
}

LoadedGenerator loadGeneratorModel(const std::string& path) {
    const std::string where = "generator model file '" + path + "'";
    h5::Handle f = openGeneratorFile(path, where);
    h5::Handle g = h5::openGroup(f, kGeneratorGroup);
    return readGeneratorModel(g, path);
}

}  // namespace as::generator
