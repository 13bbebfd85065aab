#include "surrogate/SurrogateModel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "io/Hdf5Handle.h"
#include "io/Hdf5Integrity.h"

namespace as::surrogate {
namespace {

// 2: the layout of 1 in a checksummed file (io/Hdf5Integrity.h); 1 still loads, unverified.
constexpr std::int64_t kFormatVersion = 2;

std::vector<float> rowMajor(const Mat<float>& m) {
    std::vector<float> v(std::size_t(m.size()));
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c) v[std::size_t(r * m.cols() + c)] = m(r, c);
    return v;
}

std::string shapeText(hsize_t r, hsize_t c) {
    return std::to_string(r) + "x" + std::to_string(c);
}

}  // namespace

int SurrogateModel::odeStepsPerInput() const {
    return std::max(1, int(std::lround(inputStepMs / teacherDt())));
}

SurrogateModel SurrogateModel::create(SurrogateCase which, const TrainParams& params,
                                      const SurrogateDataset& data) {
    params.check();
    SurrogateModel m;
    m.which = which;
    m.params = params;
    m.channels = caseChannels(which);
    for (std::size_t c = 0; c < m.channels.size(); ++c)
        m.nets.push_back(std::make_unique<SurrogateNet<float>>(params.shape(caseAxes(which)),
                                                               params.seed + 7919 * c));
    m.componentScale = data.componentScale;
    m.inputStepMs = data.params.inputStepMs;
    m.teacher = data.params.teacher;
    m.torus = data.params.torus;
    return m;
}

void SurrogateModel::save(const std::string& path) const {
    h5::silenceErrors();
    // Written aside and renamed, so a failed save never leaves half a model behind; sealed with
    // checksums (io/Hdf5Integrity.h).
    h5::writeFileAtomically(path, "model file", [&](hid_t f) {
        h5::Handle g = h5::createGroup(f, "surrogate_model");
        h5::writeAttribute(g, "format_version", kFormatVersion);
        h5::writeAttribute(g, "case", std::string(caseName(which)));
        h5::writeAttribute(g, "component_scale", componentScale);
        h5::writeAttribute(g, "input_step_ms", inputStepMs);
        h5::writeAttribute(g, "channels", std::int64_t(channels.size()));
        for (const auto& s : TrainParams::specs())
            h5::writeAttribute(g, "train_" + s.key, params.get(s.key));
        for (const auto& s : CannParams::specs())
            h5::writeAttribute(g, "teacher_" + s.key, teacher.get(s.key));
        if (which == SurrogateCase::Grid3d)
            for (const auto& s : TorusParams::specs())
                h5::writeAttribute(g, "torus_" + s.key, torus.get(s.key));
        for (std::size_t c = 0; c < channels.size(); ++c) {
            h5::Handle cg = h5::createGroup(g, channels[c]);
            for (const auto& p : nets[c]->params())
                h5::writeDataset(cg, p.name, rowMajor(*p.value),
                                 {hsize_t(p.value->rows()), hsize_t(p.value->cols())});
            if (c < results.size()) {
                const TrainResult& r = results[c];
                h5::writeAttribute(cg, "outcome", std::string(outcomeName(r.outcome)));
                h5::writeAttribute(cg, "epochs", std::int64_t(r.epochs));
                h5::writeAttribute(cg, "best_epoch", std::int64_t(r.bestEpoch));
                h5::writeAttribute(cg, "train_seconds", r.seconds);
                h5::writeAttribute(cg, "val_mse_components", r.best.mseComponents);
                h5::writeAttribute(cg, "val_mse_rad2", r.best.mseAngle);
                h5::writeDataset(cg, "train_loss", r.trainLoss, {hsize_t(r.trainLoss.size())});
                h5::writeDataset(cg, "val_loss", r.valLoss, {hsize_t(r.valLoss.size())});
                h5::writeDataset(cg, "val_angle_mse", r.valAngleMse,
                                 {hsize_t(r.valAngleMse.size())});
            }
        }
    });
}

SurrogateModel SurrogateModel::load(const std::string& path) {
    h5::silenceErrors();
    const std::string where = "model file '" + path + "'";
    if (!h5::isHdf5(path)) throw h5::Error(where + " is not an HDF5 file");
    try {
        return loadChecked(path, where);
    } catch (const h5::Error& e) {
        const std::string msg = e.what();
        if (msg.find(where) != std::string::npos) throw;
        throw h5::Error(where + ": " + msg);
    } catch (const std::bad_alloc&) {
        throw h5::Error(where + ": a dataset is too large to load (damaged file?)");
    } catch (const std::exception& e) {
        throw h5::Error(where + ": " + e.what());
    }
}

SurrogateModel SurrogateModel::loadChecked(const std::string& path, const std::string& where) {
    h5::Handle f = h5::openFileReadOnly(path);  // verifies the checksums the file carries
    if (!h5::hasChild(f, "surrogate_model"))
        throw h5::Error(where + " holds no /surrogate_model group");
    h5::Handle g = h5::openGroup(f, "surrogate_model");
    const std::int64_t version = h5::readIntAttribute(g, "format_version");
    if (version < 1 || version > kFormatVersion)
        throw h5::Error(where + ": unsupported format version " + std::to_string(version));
    if (version >= 2 && !h5::hasChecksums(f))
        throw h5::Error(where + ": a format " + std::to_string(version) +
                        " file must carry attribute '/" + h5::kChecksumAttribute +
                        "' (damaged, or altered by another program)");
    SurrogateModel m;
    try {
        m.which = caseFromName(h5::readStringAttribute(g, "case"));
        for (const auto& s : TrainParams::specs())
            m.params.set(s.key, h5::readDoubleAttribute(g, "train_" + s.key));
        m.params.check();
        for (const auto& s : CannParams::specs())
            m.teacher.set(s.key, h5::readDoubleAttribute(g, "teacher_" + s.key));
        if (m.which == SurrogateCase::Grid3d) {
            for (const auto& s : TorusParams::specs())  // a key newer than the file: its default
                if (h5::hasAttribute(g, "torus_" + s.key))
                    m.torus.set(s.key, h5::readDoubleAttribute(g, "torus_" + s.key));
            m.torus.check();
            if (m.torus.dims != 3) throw h5::Error(where + ": the grid3d teacher must be 3D");
        }
    } catch (const h5::Error&) {
        throw;
    } catch (const std::exception& e) {
        throw h5::Error(where + ": " + e.what());
    }
    m.componentScale = h5::readDoubleAttribute(g, "component_scale");
    m.inputStepMs = h5::readDoubleAttribute(g, "input_step_ms");
    if (!(m.componentScale > 0) || !std::isfinite(m.componentScale) || !(m.inputStepMs > 0))
        throw h5::Error(where + ": component_scale and input_step_ms must be positive");
    m.channels = caseChannels(m.which);
    if (h5::readIntAttribute(g, "channels") != std::int64_t(m.channels.size()))
        throw h5::Error(where + ": wrong number of channels for case " + caseName(m.which));
    for (std::size_t c = 0; c < m.channels.size(); ++c) {
        if (!h5::hasChild(g, m.channels[c]))
            throw h5::Error(where + ": missing channel group '" + m.channels[c] + "'");
        h5::Handle cg = h5::openGroup(g, m.channels[c]);
        auto net = std::make_unique<SurrogateNet<float>>(m.params.shape(m.axes()), 0);
        for (const auto& p : net->params()) {
            const auto shape = h5::datasetShape(cg, p.name);
            const auto rows = hsize_t(p.value->rows()), cols = hsize_t(p.value->cols());
            if (shape.size() != 2 || shape[0] != rows || shape[1] != cols)
                throw h5::Error(where + ": " + m.channels[c] + "/" + p.name + " has shape " +
                                (shape.size() == 2 ? shapeText(shape[0], shape[1])
                                                   : "of rank " + std::to_string(shape.size())) +
                                ", expected " + shapeText(rows, cols));
            const std::vector<float> v = h5::readFloats(cg, p.name);
            for (Eigen::Index r = 0; r < p.value->rows(); ++r)
                for (Eigen::Index k = 0; k < p.value->cols(); ++k) {
                    const float x = v[std::size_t(r * p.value->cols() + k)];
                    if (!std::isfinite(x))
                        throw h5::Error(where + ": " + m.channels[c] + "/" + p.name +
                                        " holds a non-finite value");
                    (*p.value)(r, k) = x;
                }
        }
        m.nets.push_back(std::move(net));
        if (h5::hasAttribute(cg, "outcome")) {
            TrainResult r;
            const std::string o = h5::readStringAttribute(cg, "outcome");
            for (int i = 0; i < 4; ++i)
                if (o == outcomeName(TrainOutcome(i))) r.outcome = TrainOutcome(i);
            r.epochs = int(h5::readIntAttribute(cg, "epochs"));
            r.bestEpoch = int(h5::readIntAttribute(cg, "best_epoch"));
            r.seconds = h5::readDoubleAttribute(cg, "train_seconds");
            r.best.mseComponents = h5::readDoubleAttribute(cg, "val_mse_components");
            r.best.mseAngle = h5::readDoubleAttribute(cg, "val_mse_rad2");
            r.trainLoss = h5::readDoubles(cg, "train_loss");
            r.valLoss = h5::readDoubles(cg, "val_loss");
            r.valAngleMse = h5::readDoubles(cg, "val_angle_mse");
            m.results.push_back(std::move(r));
        }
    }
    return m;
}

}  // namespace as::surrogate
