#include "generator/GeneratorSession.h"

#include <cmath>
#include <stdexcept>

#include "io/Hdf5Handle.h"
#include "io/SessionFile.h"

namespace as::generator {

namespace {
[[noreturn]] void bad(const std::string& what) {
    throw std::runtime_error("/generator: " + what);
}

/// The format version that added a settings attribute (1: there from the start). A file of an
/// older version may lack it, and the setting keeps its default; a newer file must have it.
int addedInVersion(const std::string& name) {
    return name == "view.langevin_target_scale" ? 2 : 1;
}

template <class P>
void writeSettings(hid_t g, const std::string& prefix, const P& p) {
    for (const auto& spec : P::specs()) h5::writeAttribute(g, prefix + spec.key, p.get(spec.key));
}

template <class P>
P readSettings(hid_t g, const std::string& prefix, std::int64_t version) {
    P p;
    for (const auto& spec : P::specs()) {
        const std::string name = prefix + spec.key;
        if (version < addedInVersion(name) && !h5::hasAttribute(g, name)) continue;  // default
        const double v = h5::readDoubleAttribute(g, name);
        if (!std::isfinite(v)) bad("attribute '" + name + "' is not finite");
        try {
            spec.checkValue(v);
            p.set(spec.key, v);
        } catch (const std::exception& e) {
            bad("attribute '" + name + "': " + e.what());
        }
    }
    try {
        p.check();
    } catch (const std::exception& e) {
        bad(prefix + " settings: " + e.what());
    }
    return p;
}

GeneratorSessionState readGroup(hid_t root) {
    if (!h5::hasChild(root, kGeneratorSessionGroup)) bad("the group is missing");
    h5::Handle g = h5::openGroup(root, kGeneratorSessionGroup);
    const std::int64_t version = h5::readIntAttribute(g, "format_version");
    if (version < 1 || version > kGeneratorSessionVersion)
        bad("format_version " + std::to_string(version) + " is not supported (1.." +
            std::to_string(kGeneratorSessionVersion) + ")");
    GeneratorSessionState s;
    s.modelName = h5::readStringAttribute(g, "model_name");
    s.modelSource = h5::readStringAttribute(g, "model_source");
    s.view = readSettings<GeneratorViewSettings>(g, "view.", version);
    s.train = readSettings<GeneratorTrainSettings>(g, "train.", version);
    if (!h5::hasChild(g, "model")) bad("the subgroup 'model' is missing");
    h5::Handle m = h5::openGroup(g, "model");
    LoadedGenerator loaded = readGeneratorModel(m, "session group /generator/model");
    if (!loaded.model.hasStats()) bad("the model in /generator/model carries no latent statistics");
    s.meta = loaded.meta;
    s.model = std::make_shared<const GeneratorModel>(std::move(loaded.model));
    return s;
}
}  // namespace

void writeGeneratorGroup(hid_t root, const GeneratorSessionState& s) {
    if (!s.model) bad("no model to write");
    h5::Handle g = h5::createGroup(root, kGeneratorSessionGroup);
    h5::writeAttribute(g, "format_version", std::int64_t(kGeneratorSessionVersion));
    h5::writeAttribute(g, "model_name", s.modelName);
    h5::writeAttribute(g, "model_source", s.modelSource);
    writeSettings(g, "view.", s.view);
    writeSettings(g, "train.", s.train);
    h5::Handle m = h5::createGroup(g, "model");
    writeGeneratorModel(m, *s.model, s.meta);
}

GeneratorSessionState loadGeneratorSession(const std::string& path) {
    SessionReader r(path);
    if (!r.hasGroup(kGeneratorSessionGroup))
        r.fail("the file has no Generator lab (group '/generator')");
    return r.read([](hid_t root) { return readGeneratorGroup(root); });
}

GeneratorSessionState readGeneratorGroup(hid_t root) {
    try {
        return readGroup(root);
    } catch (const std::exception& e) {
        const std::string what = e.what();
        if (what.rfind("/generator", 0) == 0) throw;
        throw std::runtime_error("/generator: " + what);
    }
}

}  // namespace as::generator
