#include "cann/TorusSession.h"

#include <algorithm>
#include <cmath>

#include "cann/TrajectoryRunState.h"
#include "io/Hdf5Handle.h"
#include "io/SessionParams.h"
#include "io/TraceGroup.h"

namespace as {
namespace {

std::vector<double> toVector(const Vec3& v) {
    return {v[0], v[1], v[2]};
}

}  // namespace

void writeTorusGroup(hid_t root, const TorusSimulation& sim) {
    h5::Handle torus = h5::createGroup(root, "torus");
    writeParamsGroup(torus, "parameters", sim.params());
    writeParamsGroup(torus, "trajectory", sim.trajectoryParams());
    {
        const TorusSimulation::State st = sim.captureState();
        h5::Handle g = h5::createGroup(torus, "state");
        writeRunClock(g, st.t, st.steps, st.trajectory, "trajectory_clock");
        std::vector<hsize_t> shape;
        for (int n : sim.params().shape()) shape.push_back(hsize_t(n));
        h5::writeDataset(g, "u", st.u, shape);
        writeTrajectoryVectors(g, st.trajectory, "position");
        h5::writeDataset(g, "decoded_unwrapped", toVector(st.decodedUnwrapped), {3});
    }
    {
        h5::Handle rec = h5::createGroup(torus, "recording");
        writeTraceGroup(rec, "traces", sim.traces());
    }
}

std::unique_ptr<TorusSimulation> readTorusGroup(hid_t root) {
    h5::Handle torus = h5::openGroup(root, "torus");
    const TorusParams p = readParamsGroup<TorusParams>(torus, "parameters", "/torus");
    const TrajectoryParams tp = readParamsGroup<TrajectoryParams>(torus, "trajectory", "/torus");
    TorusSimulation::State st;
    {
        h5::Handle g = h5::openGroup(torus, "state");
        readRunClock(g, "/torus/state", "trajectory_clock", st.t, st.steps, st.trajectory);
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
        readTrajectoryVectors(g, "/torus/state", "position", st.trajectory);
        const auto d = readFiniteVector(g, "decoded_unwrapped", 3, "/torus/state");
        st.decodedUnwrapped = {d[0], d[1], d[2]};
    }
    return restoreRun<TorusSimulation>(torus, "torus", p, tp, st);
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
