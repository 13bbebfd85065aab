#include "io/SessionFile.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <new>

#include "core/ParamAccess.h"
#include "io/Hdf5Handle.h"

// Compatibility rules (docs/session-format.md):
//  - format_version is bumped only when an existing field changes meaning or layout; adding a
//    parameter, attribute, channel or group does not bump it.
//  - Loading ignores keys it does not know (files from later versions of the same format), and a
//    parameter missing from the file takes its default (files from earlier versions), so every file
//    written by this version keeps loading in later versions.
//  - Everything else listed in the header comment of SessionFile.h is required.

namespace as {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kDefaultTraceCapacity = 200000;
constexpr std::size_t kDefaultActivityRows = 600;

std::string tempPathFor(const std::string& path) { return path + ".tmp-" + std::to_string(::getpid()); }

std::string errnoText() { return std::strerror(errno); }

/// Creates (truncating) the temporary file so that an unwritable directory is reported with the
/// operating system's reason rather than HDF5's generic one. Returns false (and sets why) on failure.
bool touch(const std::string& tmp, std::string& why) {
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) {
        why = "cannot create '" + tmp + "': " + errnoText();
        return false;
    }
    std::fclose(f);
    return true;
}

template <class P>
void writeParams(hid_t group, const P& p) {
    for (const ParamSpec& s : P::specs()) {
        h5::writeAttribute(group, s.key, p.get(s.key));
        h5::writeAttribute(group, s.key + ".unit", s.unit);
        if (!s.choices.empty()) h5::writeAttribute(group, s.key + ".name", s.choices.at(std::size_t(p.get(s.key))));
    }
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

std::size_t optionalCapacity(hid_t group, std::size_t fallback) {
    if (!h5::hasAttribute(group, "capacity")) return fallback;
    const std::int64_t c = h5::readIntAttribute(group, "capacity");
    return c > 0 ? std::size_t(c) : fallback;
}

void writeSession(const std::string& file, const RingSimulation& sim, const std::string& lab) {
    h5::Handle f = h5::createFile(file);
    h5::writeAttribute(f, "format", std::string(kSessionFormatName));
    h5::writeAttribute(f, "format_version", std::int64_t(kSessionFormatVersion));
    h5::writeAttribute(f, "app_version", std::string(AS_VERSION));
    h5::writeAttribute(f, "lab", lab);
    {
        h5::Handle ring = h5::createGroup(f, "ring");
        {
            h5::Handle g = h5::createGroup(ring, "parameters");
            writeParams(g, sim.params());
        }
        {
            h5::Handle g = h5::createGroup(ring, "stimulus");
            writeParams(g, sim.stimulusParams());
        }
        {
            const RingSimulation::State st = sim.captureState();
            h5::Handle g = h5::createGroup(ring, "state");
            h5::writeAttribute(g, "t", st.t);
            h5::writeAttribute(g, "t.unit", std::string("ms"));
            h5::writeAttribute(g, "steps", std::int64_t(st.steps));
            h5::writeAttribute(g, "stimulus_clock", st.stimulusClock);
            h5::writeAttribute(g, "stimulus_z", st.stimulusZ);
            h5::writeAttribute(g, "external_target", st.externalTarget);
            h5::writeAttribute(g, "stimulus_unwrapped", st.stimulusUnwrapped);
            h5::writeAttribute(g, "decoded_unwrapped", st.decodedUnwrapped);
            h5::writeDataset(g, "u", st.u, {hsize_t(st.u.size())});
        }
        {
            h5::Handle rec = h5::createGroup(ring, "recording");
            {
                const TraceBuffer& tb = sim.traces();
                h5::Handle g = h5::createGroup(rec, "traces");
                h5::writeAttribute(g, "capacity", std::int64_t(tb.capacity()));
                for (const std::string& name : tb.channels()) {
                    const std::vector<double> values = tb.channel(name);
                    h5::writeDataset(g, name, values, {hsize_t(values.size())});
                }
            }
            {
                const ActivityBuffer& ab = sim.activity();
                h5::Handle g = h5::createGroup(rec, "activity");
                h5::writeAttribute(g, "stride", std::int64_t(ab.stride()));
                h5::writeAttribute(g, "capacity", std::int64_t(ab.capacity()));
                const std::size_t width = ab.size() ? ab.width() : 0;
                h5::writeDataset(g, "activity", ab.flattened(), {hsize_t(ab.size()), hsize_t(width)});
                h5::writeDataset(g, "times", ab.times(), {hsize_t(ab.times().size())});
            }
        }
    }
    f.close();
}

RingSessionData readSession(const std::string& path) {
    h5::Handle f = h5::openFileReadOnly(path);
    if (!h5::hasAttribute(f, "format"))
        throw h5::Error("not an Attractor Studio session file (HDF5 without a 'format' attribute)");
    const std::string format = h5::readStringAttribute(f, "format");
    if (format != kSessionFormatName)
        throw h5::Error("not an Attractor Studio session file (format is '" + format + "', expected '" +
                        kSessionFormatName + "')");
    const std::int64_t version = h5::readIntAttribute(f, "format_version");
    if (version > kSessionFormatVersion)
        throw h5::Error("written by a newer Attractor Studio (format " + std::to_string(version) +
                        "), this version reads up to " + std::to_string(kSessionFormatVersion));
    if (version < 1) throw h5::Error("invalid format_version " + std::to_string(version));

    RingSessionData out;
    if (h5::hasAttribute(f, "lab")) out.lab = h5::readStringAttribute(f, "lab");

    h5::Handle ring = h5::openGroup(f, "ring");
    CannParams p;
    StimulusParams s;
    {
        h5::Handle g = h5::openGroup(ring, "parameters");
        p = readParams<CannParams>(g, "/ring/parameters");
    }
    {
        h5::Handle g = h5::openGroup(ring, "stimulus");
        s = readParams<StimulusParams>(g, "/ring/stimulus");
    }

    RingSimulation::State st;
    {
        h5::Handle g = h5::openGroup(ring, "state");
        st.t = h5::readDoubleAttribute(g, "t");
        st.steps = long(h5::readIntAttribute(g, "steps"));
        st.stimulusClock = h5::readDoubleAttribute(g, "stimulus_clock");
        st.stimulusZ = h5::readDoubleAttribute(g, "stimulus_z");
        st.externalTarget = h5::readDoubleAttribute(g, "external_target");
        st.stimulusUnwrapped = h5::readDoubleAttribute(g, "stimulus_unwrapped");
        st.decodedUnwrapped = h5::readDoubleAttribute(g, "decoded_unwrapped");
        for (double v : {st.t, st.stimulusClock, st.stimulusZ, st.externalTarget, st.stimulusUnwrapped,
                         st.decodedUnwrapped})
            if (!std::isfinite(v)) throw h5::Error("'/ring/state' has a non-finite attribute");
        if (st.steps < 0) throw h5::Error("'/ring/state' attribute 'steps' is negative");
        const auto dims = h5::datasetShape(g, "u");
        if (dims.size() != 1 || dims[0] != hsize_t(p.N))
            throw h5::Error("dataset '/ring/state/u' has " + std::to_string(dims.empty() ? 0 : dims[0]) +
                            (dims.size() == 1 ? "" : " (rank " + std::to_string(dims.size()) + ")") +
                            " entries, expected N = " + std::to_string(p.N));
        st.u = h5::readDoubles(g, "u");
        if (!std::all_of(st.u.begin(), st.u.end(), [](double v) { return std::isfinite(v); }))
            throw h5::Error("dataset '/ring/state/u' contains non-finite values");
    }

    h5::Handle rec = h5::openGroup(ring, "recording");
    const auto& channels = RingSimulation::traceChannels();
    std::vector<std::vector<double>> columns;
    std::size_t traceCapacity = kDefaultTraceCapacity;
    {
        h5::Handle g = h5::openGroup(rec, "traces");
        traceCapacity = optionalCapacity(g, kDefaultTraceCapacity);
        for (const std::string& name : channels) {
            const auto dims = h5::datasetShape(g, name);
            if (dims.size() != 1)
                throw h5::Error("dataset '/ring/recording/traces/" + name + "' must be one-dimensional");
            columns.push_back(h5::readDoubles(g, name));
            if (columns.back().size() != columns.front().size())
                throw h5::Error("trace channels of unequal length ('/ring/recording/traces/" + name + "' has " +
                                std::to_string(columns.back().size()) + " rows, '" + channels.front() +
                                "' has " + std::to_string(columns.front().size()) + ")");
        }
    }
    const std::size_t traceRows = columns.front().size();
    traceCapacity = std::max(traceCapacity, traceRows);

    std::size_t activityCapacity = kDefaultActivityRows, stride = 1, width = 0;
    std::vector<float> activity;
    std::vector<double> times;
    {
        h5::Handle g = h5::openGroup(rec, "activity");
        const std::int64_t strideAttr = h5::readIntAttribute(g, "stride");
        if (strideAttr < 1) throw h5::Error("'/ring/recording/activity' attribute 'stride' must be >= 1");
        stride = std::size_t(strideAttr);
        activityCapacity = optionalCapacity(g, kDefaultActivityRows);
        const auto dims = h5::datasetShape(g, "activity");
        const auto tdims = h5::datasetShape(g, "times");
        const std::size_t expectedWidth = std::min<std::size_t>(std::size_t(p.N), RingSimulation::kActivityColumns);
        if (dims.size() != 2 || tdims.size() != 1 || dims[0] != tdims[0] ||
            (dims[0] > 0 && dims[1] != expectedWidth))
            throw h5::Error("activity shape mismatch: '/ring/recording/activity/activity' must be [rows x " +
                            std::to_string(expectedWidth) + "] with rows = length of 'times'");
        width = dims[0] > 0 ? std::size_t(dims[1]) : 0;
        activity = h5::readFloats(g, "activity");
        times = h5::readDoubles(g, "times");
        activityCapacity = std::max(activityCapacity, times.size());
    }

    // Everything is validated: build a brand-new simulation.
    auto sim = std::make_unique<RingSimulation>(p, s, traceCapacity, activityCapacity, stride);
    sim->restoreState(st);
    TraceBuffer traces(channels, traceCapacity);
    std::vector<double> row(channels.size());
    for (std::size_t i = 0; i < traceRows; ++i) {
        for (std::size_t c = 0; c < channels.size(); ++c) row[c] = columns[c][i];
        traces.append(row);
    }
    ActivityBuffer act(activityCapacity, stride);
    act.restore(width, activity, times);
    sim->restoreRecordings(traces, act);
    out.simulation = std::move(sim);
    return out;
}

}  // namespace

void saveRingSession(const std::string& path, const RingSimulation& sim, const std::string& lab) {
    const std::string tmp = tempPathFor(path);
    bool created = false;
    try {
        std::string why;
        if (!touch(tmp, why)) throw std::runtime_error(why);
        created = true;
        writeSession(tmp, sim, lab);
        if (std::rename(tmp.c_str(), path.c_str()) != 0)
            throw std::runtime_error("cannot rename '" + tmp + "' over it: " + errnoText());
    } catch (const std::exception& e) {
        if (created) std::remove(tmp.c_str());
        throw SessionError("cannot write session '" + path + "': " + e.what());
    }
}

RingSessionData loadRingSession(const std::string& path) {
    auto fail = [&](const std::string& why) { return SessionError("cannot load session '" + path + "': " + why); };
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) throw fail("no such file");
    if (!fs::is_regular_file(status)) throw fail("not a regular file");
    {
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) throw fail("cannot open: " + errnoText());
        std::fclose(f);
    }
    if (fs::file_size(path, ec) == 0) throw fail("the file is empty (not an HDF5 session file)");
    if (!h5::isHdf5(path)) throw fail("not an HDF5 file (no HDF5 signature; is it a session file?)");
    try {
        return readSession(path);
    } catch (const h5::Error& e) {
        throw fail(e.what());
    } catch (const std::bad_alloc&) {
        throw fail("a dataset is too large to load (damaged file?)");
    } catch (const std::exception& e) {
        throw fail(e.what());
    }
}

void exportTracesCsv(const std::string& path, const TraceBuffer& traces) {
    const std::string tmp = tempPathFor(path);
    std::FILE* f = std::fopen(tmp.c_str(), "w");
    if (!f) throw SessionError("cannot write CSV '" + path + "': cannot create '" + tmp + "': " + errnoText());
    const auto& names = traces.channels();
    for (std::size_t c = 0; c < names.size(); ++c) std::fprintf(f, "%s%s", c ? "," : "", names[c].c_str());
    std::fputc('\n', f);
    for (std::size_t i = 0; i < traces.size(); ++i) {
        for (std::size_t c = 0; c < names.size(); ++c) std::fprintf(f, "%s%.9g", c ? "," : "", traces.at(c, i));
        std::fputc('\n', f);
    }
    const bool ok = !std::ferror(f);
    const std::string why = errnoText();
    if (std::fclose(f) != 0 || !ok) {
        std::remove(tmp.c_str());
        throw SessionError("cannot write CSV '" + path + "': " + why);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string err = errnoText();
        std::remove(tmp.c_str());
        throw SessionError("cannot write CSV '" + path + "': cannot rename the temporary file: " + err);
    }
}

}  // namespace as
