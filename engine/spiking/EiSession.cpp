#include "spiking/EiSession.h"

#include <cmath>

#include "io/Hdf5Handle.h"
#include "io/SessionParams.h"

namespace as {

void writeEiGroup(hid_t root, const EiSessionState& state) {
    h5::Handle ei = h5::createGroup(root, "ei");
    writeParamsGroup(ei, "parameters", state.params);
    h5::Handle g = h5::createGroup(ei, "state");
    h5::writeAttribute(g, "format", std::int64_t(1));
    h5::writeAttribute(g, "protocol", state.protocol);
    h5::writeAttribute(g, "t", state.timeMs);
    h5::writeAttribute(g, "t.unit", std::string("ms"));
}

EiSessionState readEiGroup(hid_t root) {
    EiSessionState s;
    h5::Handle ei = h5::openGroup(root, "ei");
    s.params = readParamsGroup<EiParams>(ei, "parameters", "/ei");
    h5::Handle g = h5::openGroup(ei, "state");
    if (h5::hasAttribute(g, "format") && h5::readIntAttribute(g, "format") > 1)
        throw h5::Error("'/ei/state' was written by a newer version (format " +
                        std::to_string(h5::readIntAttribute(g, "format")) + ")");
    s.protocol = h5::readStringAttribute(g, "protocol");
    s.timeMs = h5::readDoubleAttribute(g, "t");
    if (!std::isfinite(s.timeMs) || s.timeMs < 0)
        throw h5::Error("'/ei/state' attribute 't' must be a time >= 0");
    return s;
}

}  // namespace as
