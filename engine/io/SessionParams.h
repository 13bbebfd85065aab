#pragma once
// Parameter structs in session files: one attribute per ParamSpec key (double) with
// "<key>.unit" (and "<key>.name" for enumerations). Shared by every lab's session group.
#include <cmath>
#include <string>

#include "core/ParamAccess.h"
#include "io/Hdf5Handle.h"

namespace as {

template <class P>
void writeParams(hid_t group, const P& p) {
    for (const ParamSpec& s : P::specs()) {
        h5::writeAttribute(group, s.key, p.get(s.key));
        h5::writeAttribute(group, s.key + ".unit", s.unit);
        if (!s.choices.empty())
            h5::writeAttribute(group, s.key + ".name", s.choices.at(std::size_t(p.get(s.key))));
    }
}

/// writeParams into a new group `name` under parent.
template <class P>
void writeParamsGroup(hid_t parent, const std::string& name, const P& p) {
    h5::Handle g = h5::createGroup(parent, name);
    writeParams(g, p);
}

/// Reads every known key present in the group; missing keys keep their default, unknown keys are
/// ignored (forward compatibility). Units are checked when present.
template <class P>
P readParams(hid_t group, const std::string& groupPath) {
    P p;
    for (const ParamSpec& s : P::specs()) {
        if (!h5::hasAttribute(group, s.key)) continue;
        const double v = h5::readDoubleAttribute(group, s.key);
        if (h5::hasAttribute(group, s.key + ".unit")) {
            const std::string unit = h5::readStringAttribute(group, s.key + ".unit");
            if (unit != s.unit)
                throw h5::Error("parameter '" + groupPath + "/" + s.key + "' has unit '" + unit +
                                "', expected '" + s.unit + "'");
        }
        if (!std::isfinite(v))
            throw h5::Error("parameter '" + groupPath + "/" + s.key + "' is not a finite number");
        try {
            p.set(s.key, v);
        } catch (const ParamError& e) {
            throw h5::Error("invalid parameter in '" + groupPath + "': " + e.what());
        }
    }
    try {
        p.check();
    } catch (const ParamError& e) {
        throw h5::Error("invalid parameter in '" + groupPath + "': " + e.what());
    }
    return p;
}

/// readParams from the group `name` under parent; parentPath + "/" + name names it in messages.
template <class P>
P readParamsGroup(hid_t parent, const std::string& name, const std::string& parentPath) {
    h5::Handle g = h5::openGroup(parent, name);
    return readParams<P>(g, parentPath + "/" + name);
}

}  // namespace as
