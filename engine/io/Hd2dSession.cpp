#include "io/Hd2dSession.h"

#include <cmath>

#include "io/Hdf5Handle.h"
#include "io/SessionParams.h"
#include "io/TraceGroup.h"

namespace as {
namespace {
std::vector<double> toVector(const Vec3& v) {
    return {v[0], v[1], v[2]};
}
}  // namespace

void writeHd2dGroup(hid_t root, const Hd2dSimulation& sim) {
    h5::Handle hd = h5::createGroup(root, "hd2d");
    {
        h5::Handle g = h5::createGroup(hd, "parameters");
        writeParams(g, sim.params());
    }
    {
        h5::Handle g = h5::createGroup(hd, "heading");
        writeParams(g, sim.headingParams());
    }
    {
        const Hd2dSimulation::State st = sim.captureState();
        const hsize_t n = hsize_t(sim.params().n);
        h5::Handle g = h5::createGroup(hd, "state");
        h5::writeAttribute(g, "t", st.t);
        h5::writeAttribute(g, "t.unit", std::string("ms"));
        h5::writeAttribute(g, "steps", std::int64_t(st.steps));
        h5::writeAttribute(g, "heading_clock", st.headingClock);
        h5::writeAttribute(g, "helix_start", st.helixStart);
        h5::writeDataset(g, "u_azimuth", st.uAzimuth, {n});
        h5::writeDataset(g, "u_pitch", st.uPitch, {n});
        h5::writeDataset(g, "u_sheet", st.uSheet, {n, n});
        h5::writeDataset(g, "heading", toVector(st.heading), {3});
        h5::writeDataset(g, "velocity", toVector(st.velocity), {3});
        h5::writeDataset(g, "steering", toVector(st.steering), {3});
        h5::writeDataset(g, "helix_origin", toVector(st.helixOrigin), {3});
    }
    h5::Handle rec = h5::createGroup(hd, "recording");
    writeTraceGroup(rec, "traces", sim.traces());
}

std::unique_ptr<Hd2dSimulation> readHd2dGroup(hid_t root) {
    h5::Handle hd = h5::openGroup(root, "hd2d");
    TorusParams p;
    TrajectoryParams h;
    {
        h5::Handle g = h5::openGroup(hd, "parameters");
        p = readParams<TorusParams>(g, "/hd2d/parameters");
    }
    try {
        Hd2dSimulation::checkParams(p);
    } catch (const ParamError& e) {
        throw h5::Error(std::string("invalid parameter in '/hd2d/parameters': ") + e.what());
    }
    {
        h5::Handle g = h5::openGroup(hd, "heading");
        h = readParams<TrajectoryParams>(g, "/hd2d/heading");
    }
    Hd2dSimulation::State st;
    {
        h5::Handle g = h5::openGroup(hd, "state");
        st.t = h5::readDoubleAttribute(g, "t");
        st.steps = long(h5::readIntAttribute(g, "steps"));
        st.headingClock = h5::readDoubleAttribute(g, "heading_clock");
        st.helixStart = h5::readDoubleAttribute(g, "helix_start");
        for (double v : {st.t, st.headingClock, st.helixStart})
            if (!std::isfinite(v)) throw h5::Error("'/hd2d/state' has a non-finite attribute");
        if (st.steps < 0) throw h5::Error("'/hd2d/state' attribute 'steps' is negative");
        const std::size_t n = std::size_t(p.n);
        st.uAzimuth = readFiniteVector(g, "u_azimuth", n, "/hd2d/state");
        st.uPitch = readFiniteVector(g, "u_pitch", n, "/hd2d/state");
        const auto dims = h5::datasetShape(g, "u_sheet");
        if (dims.size() != 2 || dims[0] != hsize_t(n) || dims[1] != hsize_t(n))
            throw h5::Error("dataset '/hd2d/state/u_sheet' must be [n x n] with n = " +
                            std::to_string(n));
        st.uSheet = h5::readDoubles(g, "u_sheet");
        for (double v : st.uSheet)
            if (!std::isfinite(v))
                throw h5::Error("dataset '/hd2d/state/u_sheet' contains non-finite values");
        const auto vec3 = [&](const char* name) {
            const auto v = readFiniteVector(g, name, 3, "/hd2d/state");
            return Vec3{v[0], v[1], v[2]};
        };
        st.heading = vec3("heading");
        st.velocity = vec3("velocity");
        st.steering = vec3("steering");
        st.helixOrigin = vec3("helix_origin");
    }
    TraceBuffer traces = [&] {
        h5::Handle rec = h5::openGroup(hd, "recording");
        return readTraceGroup(rec, "traces", Hd2dSimulation::traceChannels(),
                              "/hd2d/recording/traces", 100000);
    }();
    auto sim = std::make_unique<Hd2dSimulation>(p, h, traces.capacity());
    sim->restoreState(st);
    sim->restoreRecordings(traces);
    return sim;
}

void saveHd2dSession(const std::string& path, const Hd2dSimulation& sim) {
    SessionWriter w(path, "hd2d");
    w.write([&](hid_t root) { writeHd2dGroup(root, sim); });
    w.commit();
}

std::unique_ptr<Hd2dSimulation> loadHd2dSession(const std::string& path) {
    SessionReader r(path);
    if (!r.hasGroup("hd2d")) r.fail("the file has no head-direction page (group '/hd2d')");
    return r.read([](hid_t root) { return readHd2dGroup(root); });
}

}  // namespace as
