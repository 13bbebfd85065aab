#include "io/TorusSession.h"

#include <algorithm>
#include <cmath>

#include "io/Hdf5Handle.h"
#include "io/SessionParams.h"
#include "io/TraceGroup.h"

namespace as {
namespace {

constexpr std::size_t kDefaultTraceCapacity = 100000;

std::vector<double> toVector(const Vec3& v) {
    return {v[0], v[1], v[2]};
}

Vec3 readVec3(hid_t g, const std::string& name) {
    const auto v = readFiniteVector(g, name, 3, "/torus/state");
    return {v[0], v[1], v[2]};
}

}  // namespace

void writeTorusGroup(hid_t root, const TorusSimulation& sim) {
    h5::Handle torus = h5::createGroup(root, "torus");
    {
        h5::Handle g = h5::createGroup(torus, "parameters");
        writeParams(g, sim.params());
    }
    {
        h5::Handle g = h5::createGroup(torus, "trajectory");
        writeParams(g, sim.trajectoryParams());
    }
    {
        const TorusSimulation::State st = sim.captureState();
        h5::Handle g = h5::createGroup(torus, "state");
        h5::writeAttribute(g, "t", st.t);
        h5::writeAttribute(g, "t.unit", std::string("ms"));
        h5::writeAttribute(g, "steps", std::int64_t(st.steps));
        h5::writeAttribute(g, "trajectory_clock", st.trajectoryClock);
        h5::writeAttribute(g, "helix_start", st.helixStart);
        std::vector<hsize_t> shape;
        for (int n : sim.params().shape()) shape.push_back(hsize_t(n));
        h5::writeDataset(g, "u", st.u, shape);
        h5::writeDataset(g, "position", toVector(st.position), {3});
        h5::writeDataset(g, "velocity", toVector(st.velocity), {3});
        h5::writeDataset(g, "steering", toVector(st.steering), {3});
        h5::writeDataset(g, "helix_origin", toVector(st.helixOrigin), {3});
        h5::writeDataset(g, "decoded_unwrapped", toVector(st.decodedUnwrapped), {3});
    }
    {
        h5::Handle rec = h5::createGroup(torus, "recording");
        writeTraceGroup(rec, "traces", sim.traces());
    }
}

std::unique_ptr<TorusSimulation> readTorusGroup(hid_t root) {
    h5::Handle torus = h5::openGroup(root, "torus");
    TorusParams p;
    TrajectoryParams tp;
    {
        h5::Handle g = h5::openGroup(torus, "parameters");
        p = readParams<TorusParams>(g, "/torus/parameters");
    }
    {
        h5::Handle g = h5::openGroup(torus, "trajectory");
        tp = readParams<TrajectoryParams>(g, "/torus/trajectory");
    }
    TorusSimulation::State st;
    {
        h5::Handle g = h5::openGroup(torus, "state");
        st.t = h5::readDoubleAttribute(g, "t");
        st.steps = long(h5::readIntAttribute(g, "steps"));
        st.trajectoryClock = h5::readDoubleAttribute(g, "trajectory_clock");
        st.helixStart = h5::readDoubleAttribute(g, "helix_start");
        for (double v : {st.t, st.trajectoryClock, st.helixStart})
            if (!std::isfinite(v)) throw h5::Error("'/torus/state' has a non-finite attribute");
        if (st.steps < 0) throw h5::Error("'/torus/state' attribute 'steps' is negative");
        const auto dims = h5::datasetShape(g, "u");
        const auto shape = p.shape();
        bool ok = dims.size() == shape.size();
        for (std::size_t d = 0; ok && d < dims.size(); ++d) ok = dims[d] == hsize_t(shape[d]);
        if (!ok) {
            std::string got, want;
            for (auto v : dims) got += (got.empty() ? "" : " x ") + std::to_string(v);
            for (int v : shape) want += (want.empty() ? "" : " x ") + std::to_string(v);
            throw h5::Error("dataset '/torus/state/u' has shape [" + got + "], expected [" + want +
                            "] (n^D)");
        }
        st.u = h5::readDoubles(g, "u");
        if (!std::all_of(st.u.begin(), st.u.end(), [](double v) { return std::isfinite(v); }))
            throw h5::Error("dataset '/torus/state/u' contains non-finite values");
        st.position = readVec3(g, "position");
        st.velocity = readVec3(g, "velocity");
        st.steering = readVec3(g, "steering");
        st.helixOrigin = readVec3(g, "helix_origin");
        st.decodedUnwrapped = readVec3(g, "decoded_unwrapped");
    }
    TraceBuffer traces = [&] {
        h5::Handle rec = h5::openGroup(torus, "recording");
        return readTraceGroup(rec, "traces", TorusSimulation::traceChannels(),
                              "/torus/recording/traces", kDefaultTraceCapacity);
    }();
    auto sim = std::make_unique<TorusSimulation>(p, tp, traces.capacity());
    sim->restoreState(st);
    sim->restoreRecordings(traces);
    return sim;
}

void saveTorusSession(const std::string& path, const TorusSimulation& sim) {
    SessionWriter w(path, "torus");
    w.write([&](hid_t root) { writeTorusGroup(root, sim); });
    w.commit();
}

std::unique_ptr<TorusSimulation> loadTorusSession(const std::string& path) {
    SessionReader r(path);
    if (!r.hasGroup("torus")) r.fail("the file has no torus lab (group '/torus')");
    return r.read([](hid_t root) { return readTorusGroup(root); });
}

}  // namespace as
