#include "surrogate/SurrogateSession.h"

#include <stdexcept>

#include "io/Hdf5Handle.h"
#include "io/SessionFile.h"

namespace as::surrogate {

void writeSurrogateGroup(hid_t root, const SurrogateSessionState& s) {
    h5::Handle g = h5::createGroup(root, "surrogate");
    h5::writeAttribute(g, "model_path", s.modelPath);
    h5::writeAttribute(g, "source", std::int64_t(s.source));
}

SurrogateSessionState readSurrogateGroup(hid_t root) {
    try {
        h5::Handle g = h5::openGroup(root, "surrogate");
        SurrogateSessionState s;
        s.modelPath = h5::readStringAttribute(g, "model_path");
        const std::int64_t source = h5::readIntAttribute(g, "source");
        if (source < 0 || source >= kLiveSourceCount)
            throw std::runtime_error("/surrogate: attribute 'source' " + std::to_string(source) +
                                     " is outside [0, " + std::to_string(kLiveSourceCount - 1) +
                                     "]");
        s.source = LiveSource(source);
        return s;
    } catch (const std::exception& e) {
        const std::string what = e.what();
        if (what.rfind("/surrogate", 0) == 0) throw;
        throw std::runtime_error("/surrogate: " + what);  // every message names the group
    }
}

void saveSurrogateSession(const std::string& path, const SurrogateSessionState& s) {
    SessionWriter w(path, "surrogate");
    w.write([&](hid_t root) { writeSurrogateGroup(root, s); });
    w.commit();
}

SurrogateSessionState loadSurrogateSession(const std::string& path) {
    SessionReader r(path);
    if (!r.hasGroup("surrogate")) r.fail("the file has no Surrogate lab (group '/surrogate')");
    return r.read([](hid_t root) { return readSurrogateGroup(root); });
}

}  // namespace as::surrogate
