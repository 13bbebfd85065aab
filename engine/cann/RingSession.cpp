#include "cann/RingSession.h"

#include <algorithm>
#include <cmath>
#include <new>

#include "io/Hdf5Handle.h"
#include "io/SessionParams.h"
#include "io/TraceGroup.h"

namespace as {
namespace {

constexpr std::size_t kDefaultTraceCapacity = 200000;
constexpr std::size_t kDefaultActivityRows = 600;

std::size_t optionalCapacity(hid_t group, std::size_t fallback) {
    if (!h5::hasAttribute(group, "capacity")) return fallback;
    const std::int64_t c = h5::readIntAttribute(group, "capacity");
    return c > 0 ? std::size_t(c) : fallback;
}

}  // namespace

void writeRingGroup(hid_t root, const RingSimulation& sim) {
    {
        h5::Handle ring = h5::createGroup(root, "ring");
        writeParamsGroup(ring, "parameters", sim.params());
        writeParamsGroup(ring, "stimulus", sim.stimulusParams());
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
            writeTraceGroup(rec, "traces", sim.traces());
            {
                const ActivityBuffer& ab = sim.activity();
                h5::Handle g = h5::createGroup(rec, "activity");
                h5::writeAttribute(g, "stride", std::int64_t(ab.stride()));
                h5::writeAttribute(g, "capacity", std::int64_t(ab.capacity()));
                const std::size_t width = ab.size() ? ab.width() : 0;
                h5::writeDataset(g, "activity", ab.flattened(),
                                 {hsize_t(ab.size()), hsize_t(width)});
                h5::writeDataset(g, "times", ab.times(), {hsize_t(ab.times().size())});
            }
        }
    }
}

std::unique_ptr<RingSimulation> readRingGroup(hid_t root) {
    h5::Handle ring = h5::openGroup(root, "ring");
    const CannParams p = readParamsGroup<CannParams>(ring, "parameters", "/ring");
    const StimulusParams s = readParamsGroup<StimulusParams>(ring, "stimulus", "/ring");

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
        for (double v : {st.t, st.stimulusClock, st.stimulusZ, st.externalTarget,
                         st.stimulusUnwrapped, st.decodedUnwrapped})
            if (!std::isfinite(v)) throw h5::Error("'/ring/state' has a non-finite attribute");
        if (st.steps < 0) throw h5::Error("'/ring/state' attribute 'steps' is negative");
        const auto dims = h5::datasetShape(g, "u");
        if (dims.size() != 1 || dims[0] != hsize_t(p.N))
            throw h5::Error(
                "dataset '/ring/state/u' has " + std::to_string(dims.empty() ? 0 : dims[0]) +
                (dims.size() == 1 ? "" : " (rank " + std::to_string(dims.size()) + ")") +
                " entries, expected N = " + std::to_string(p.N));
        st.u = h5::readDoubles(g, "u");
        if (!std::all_of(st.u.begin(), st.u.end(), [](double v) { return std::isfinite(v); }))
            throw h5::Error("dataset '/ring/state/u' contains non-finite values");
    }

    h5::Handle rec = h5::openGroup(ring, "recording");
    const TraceBuffer traces = readTraceGroup(rec, "traces", RingSimulation::traceChannels(),
                                              "/ring/recording/traces", kDefaultTraceCapacity);

    std::size_t activityCapacity = kDefaultActivityRows, stride = 1, width = 0;
    std::vector<float> activity;
    std::vector<double> times;
    {
        h5::Handle g = h5::openGroup(rec, "activity");
        const std::int64_t strideAttr = h5::readIntAttribute(g, "stride");
        if (strideAttr < 1)
            throw h5::Error("'/ring/recording/activity' attribute 'stride' must be >= 1");
        stride = std::size_t(strideAttr);
        activityCapacity = optionalCapacity(g, kDefaultActivityRows);
        const auto dims = h5::datasetShape(g, "activity");
        const auto tdims = h5::datasetShape(g, "times");
        const std::size_t expectedWidth =
            std::min<std::size_t>(std::size_t(p.N), RingSimulation::kActivityColumns);
        if (dims.size() != 2 || tdims.size() != 1 || dims[0] != tdims[0] ||
            (dims[0] > 0 && dims[1] != expectedWidth))
            throw h5::Error(
                "activity shape mismatch: '/ring/recording/activity/activity' must be [rows x " +
                std::to_string(expectedWidth) + "] with rows = length of 'times'");
        width = dims[0] > 0 ? std::size_t(dims[1]) : 0;
        activity = h5::readFloats(g, "activity");
        times = h5::readDoubles(g, "times");
        activityCapacity = std::max(activityCapacity, times.size());
    }

    // Everything is validated: build a brand-new simulation.
    auto sim = std::make_unique<RingSimulation>(p, s, traces.capacity(), activityCapacity, stride);
    sim->restoreState(st);
    ActivityBuffer act(activityCapacity, stride);
    act.restore(width, activity, times);
    sim->restoreRecordings(traces, act);
    return sim;
}

void saveRingSession(const std::string& path, const RingSimulation& sim, const std::string& lab) {
    SessionWriter w(path, lab);
    w.write([&](hid_t root) { writeRingGroup(root, sim); });
    w.commit();
}

RingSessionData loadRingSession(const std::string& path) {
    SessionReader r(path);
    RingSessionData out;
    out.lab = r.lab();
    out.simulation = r.read([](hid_t root) { return readRingGroup(root); });
    return out;
}

}  // namespace as
