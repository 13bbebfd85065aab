#include "sde/SdeSession.h"

#include <cmath>
#include <stdexcept>

#include "data/ImageSet.h"
#include "io/Hdf5Handle.h"
#include "io/SessionFile.h"

namespace as::sde {

namespace {
[[noreturn]] void bad(const std::string& what) {
    throw std::runtime_error("/sde: " + what);
}
}  // namespace

std::vector<float> SdeSessionState::initialCondition() const {
    Eigen::MatrixXf x(Eigen::Index(image.size()), 1);
    data::corrupt(corruption, image.data(), x.data(), kSdeImageSide, kSdeImageSide, corruptionSeed);
    data::normaliseToMax(x);
    return std::vector<float>(x.data(), x.data() + x.size());
}

void writeSdeGroup(hid_t root, const SdeSessionState& s) {
    if (!s.model) bad("no model to write");
    h5::Handle g = h5::createGroup(root, "sde");
    h5::writeAttribute(g, "format_version", std::int64_t(kSdeSessionVersion));
    const SdeParams& p = s.model->params();
    for (const auto& spec : SdeParams::specs()) h5::writeAttribute(g, spec.key, p.get(spec.key));
    h5::writeAttribute(g, "model_name", s.modelName);
    h5::writeAttribute(g, "model_trained", std::int64_t(s.trained ? 1 : 0));
    h5::writeAttribute(g, "label", std::int64_t(s.label));
    h5::writeAttribute(g, "corruption", std::string(data::corruptionKey(s.corruption)));
    h5::writeAttribute(g, "corruption_seed", std::int64_t(s.corruptionSeed));
    h5::writeAttribute(g, "steps_per_second", s.stepsPerSecond);
    h5::writeDataset(g, "input_image", s.image, {kSdeImageSide, kSdeImageSide});
    h5::writeAttribute(g, "robustness_csv", formatRobustnessCsv(s.robustness));
    h5::writeAttribute(g, "robustness_caption", s.robustnessCaption);
    h5::Handle m = h5::createGroup(g, "model");
    writeSdeModel(m, *s.model, s.meta);
}

namespace {
SdeParams readParamsOf(hid_t g) {
    SdeParams p;
    for (const auto& spec : SdeParams::specs()) {
        const double v = h5::readDoubleAttribute(g, spec.key);
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
    return p;
}

void readInput(hid_t g, SdeSessionState& s) {
    s.label = int(h5::readIntAttribute(g, "label"));
    if (s.label < -1 || s.label > 9)
        bad("label " + std::to_string(s.label) + " is outside [-1, 9]");
    try {
        s.corruption = data::corruptionFromKey(h5::readStringAttribute(g, "corruption"));
    } catch (const std::invalid_argument& e) {
        bad(std::string("corruption: ") + e.what());
    }
    const std::int64_t seed = h5::readIntAttribute(g, "corruption_seed");
    if (seed < 0 || seed > 1000000)
        bad("corruption_seed " + std::to_string(seed) + " is outside [0, 1000000]");
    s.corruptionSeed = std::uint64_t(seed);
    const auto shape = h5::datasetShape(g, "input_image");
    if (shape.size() != 2 || shape[0] != kSdeImageSide || shape[1] != kSdeImageSide)
        bad("input_image must be 28 x 28");
    s.image = h5::readFloats(g, "input_image");
    for (float v : s.image)
        if (!(v >= 0.0f && v <= 1.0f)) bad("input_image has a value outside [0, 1]");
}

SdeSessionState readGroup(hid_t root) {
    h5::Handle g = h5::openGroup(root, "sde");
    const std::int64_t version = h5::readIntAttribute(g, "format_version");
    if (version < 1 || version > kSdeSessionVersion)
        bad("format_version " + std::to_string(version) + " is not supported (1.." +
            std::to_string(kSdeSessionVersion) + ")");
    const SdeParams p = readParamsOf(g);
    SdeSessionState s;
    h5::Handle m = h5::openGroup(g, "model");
    LoadedSdeModel loaded = readSdeModel(m, "session group /sde/model");
    if (SdeModel::structuralChange(loaded.model.params(), p))
        bad("the model in /sde/model was planted with other parameters than the group's "
            "attributes");
    loaded.model.setParams(p);  // dt, steps, eps, noise, seed of the session
    s.model = std::make_shared<const SdeModel>(std::move(loaded.model));
    s.meta = loaded.meta;
    s.modelName = h5::readStringAttribute(g, "model_name");
    s.trained = h5::readIntAttribute(g, "model_trained") != 0;
    readInput(g, s);
    s.stepsPerSecond = h5::readDoubleAttribute(g, "steps_per_second");
    if (!(s.stepsPerSecond > 0) || !std::isfinite(s.stepsPerSecond))
        bad("steps_per_second must be > 0");
    if (h5::hasAttribute(g, "robustness_csv")) {
        const std::string error = parseRobustnessCsv(h5::readStringAttribute(g, "robustness_csv"),
                                                     "attribute robustness_csv", s.robustness);
        if (!error.empty()) bad(error);
    }
    if (h5::hasAttribute(g, "robustness_caption"))
        s.robustnessCaption = h5::readStringAttribute(g, "robustness_caption");
    return s;
}
}  // namespace

SdeSessionState readSdeGroup(hid_t root) {
    try {
        return readGroup(root);
    } catch (const std::exception& e) {
        const std::string what = e.what();
        if (what.rfind("/sde", 0) == 0) throw;
        throw std::runtime_error("/sde: " + what);  // every message names the group
    }
}

void saveSdeSession(const std::string& path, const SdeSessionState& s) {
    SessionWriter w(path, "sde");
    w.write([&](hid_t root) { writeSdeGroup(root, s); });
    w.commit();
}

SdeSessionState loadSdeSession(const std::string& path) {
    SessionReader r(path);
    if (!r.hasGroup("sde")) r.fail("the file has no SDE lab (group '/sde')");
    return r.read([](hid_t root) { return readSdeGroup(root); });
}

}  // namespace as::sde
