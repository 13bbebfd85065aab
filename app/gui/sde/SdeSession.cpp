#include "app/gui/sde/SdeSession.h"

#include <cmath>
#include <stdexcept>

#include "io/Hdf5Handle.h"

namespace as::gui {

namespace {
[[noreturn]] void bad(const std::string& what) {
    throw std::runtime_error("/sde: " + what);
}
}  // namespace

void writeSdeSession(hid_t root, const SdeSessionState& s) {
    if (!s.model) throw std::runtime_error("/sde: no model to write");
    as::h5::Handle g = as::h5::createGroup(root, "sde");
    as::h5::writeAttribute(g, "format_version", std::int64_t(kSdeSessionVersion));
    const as::sde::SdeParams& p = s.model->params();
    for (const auto& spec : as::sde::SdeParams::specs())
        as::h5::writeAttribute(g, spec.key, p.get(spec.key));
    as::h5::writeAttribute(g, "model_name", s.modelName.toStdString());
    as::h5::writeAttribute(g, "model_trained", std::int64_t(s.trained ? 1 : 0));
    as::h5::writeAttribute(g, "label", std::int64_t(s.label));
    as::h5::writeAttribute(g, "corruption", std::string(as::data::corruptionKey(s.corruption)));
    as::h5::writeAttribute(g, "corruption_seed", std::int64_t(s.corruptionSeed));
    as::h5::writeAttribute(g, "steps_per_second", s.stepsPerSecond);
    as::h5::writeDataset(g, "input_image", s.image, {28, 28});
    as::h5::writeAttribute(g, "robustness_csv", RobustnessCsv::format(s.robustness).toStdString());
    as::h5::writeAttribute(g, "robustness_caption", s.robustnessCaption.toStdString());
    as::h5::Handle m = as::h5::createGroup(g, "model");
    as::sde::writeSdeModel(m, *s.model, s.meta);
}

namespace {
SdeSessionState readGroup(hid_t root) {
    as::h5::Handle g = as::h5::openGroup(root, "sde");
    const std::int64_t version = as::h5::readIntAttribute(g, "format_version");
    if (version < 1 || version > kSdeSessionVersion)
        bad("format_version " + std::to_string(version) + " is not supported (1.." +
            std::to_string(kSdeSessionVersion) + ")");
    as::sde::SdeParams p;
    for (const auto& spec : as::sde::SdeParams::specs()) {
        const double v = as::h5::readDoubleAttribute(g, spec.key);
        if (!std::isfinite(v)) bad("attribute '" + spec.key + "' is not finite");
        try {
            p.set(spec.key, v);
        } catch (const std::exception& e) {
            bad("attribute '" + spec.key + "': " + e.what());
        }
    }
    try {
        p.check();
    } catch (const std::exception& e) {
        bad(std::string("parameters: ") + e.what());
    }
    SdeSessionState s;
    as::h5::Handle m = as::h5::openGroup(g, "model");
    as::sde::LoadedSdeModel loaded = as::sde::readSdeModel(m, "session group /sde/model");
    if (as::sde::SdeModel::structuralChange(loaded.model.params(), p))
        bad("the model in /sde/model was planted with other parameters than the group's "
            "attributes");
    loaded.model.setParams(p);  // dt, steps, eps, noise, seed of the session
    s.model = std::make_shared<const as::sde::SdeModel>(std::move(loaded.model));
    s.meta = loaded.meta;
    s.modelName = QString::fromStdString(as::h5::readStringAttribute(g, "model_name"));
    s.trained = as::h5::readIntAttribute(g, "model_trained") != 0;
    s.label = int(as::h5::readIntAttribute(g, "label"));
    if (s.label < -1 || s.label > 9)
        bad("label " + std::to_string(s.label) + " is outside [-1, 9]");
    try {
        s.corruption = as::data::corruptionFromKey(as::h5::readStringAttribute(g, "corruption"));
    } catch (const std::invalid_argument& e) {
        bad(std::string("corruption: ") + e.what());
    }
    const std::int64_t seed = as::h5::readIntAttribute(g, "corruption_seed");
    if (seed < 0 || seed > 1000000)
        bad("corruption_seed " + std::to_string(seed) + " is outside [0, 1000000]");
    s.corruptionSeed = quint64(seed);
    s.stepsPerSecond = as::h5::readDoubleAttribute(g, "steps_per_second");
    if (!(s.stepsPerSecond > 0) || !std::isfinite(s.stepsPerSecond))
        bad("steps_per_second must be > 0");
    const auto shape = as::h5::datasetShape(g, "input_image");
    if (shape.size() != 2 || shape[0] != 28 || shape[1] != 28) bad("input_image must be 28 x 28");
    s.image = as::h5::readFloats(g, "input_image");
    for (float v : s.image)
        if (!(v >= 0.0f && v <= 1.0f)) bad("input_image has a value outside [0, 1]");
    if (as::h5::hasAttribute(g, "robustness_csv")) {
        const QString error = RobustnessCsv::parse(
            QString::fromStdString(as::h5::readStringAttribute(g, "robustness_csv")),
            QStringLiteral("attribute robustness_csv"), s.robustness);
        if (!error.isEmpty()) bad(error.toStdString());
    }
    if (as::h5::hasAttribute(g, "robustness_caption"))
        s.robustnessCaption =
            QString::fromStdString(as::h5::readStringAttribute(g, "robustness_caption"));
    return s;
}
}  // namespace

SdeSessionState readSdeSession(hid_t root) {
    try {
        return readGroup(root);
    } catch (const std::exception& e) {
        const std::string what = e.what();
        if (what.rfind("/sde", 0) == 0) throw;
        throw std::runtime_error("/sde: " + what);  // every message names the group
    }
}

}  // namespace as::gui
