#include "cann/Hd2dSession.h"

#include <cmath>

#include "cann/TrajectoryRunState.h"
#include "io/Hdf5Handle.h"
#include "io/SessionParams.h"
#include "io/TraceGroup.h"

namespace as {
void writeHd2dGroup(hid_t root, const Hd2dSimulation& sim) {
    h5::Handle hd = h5::createGroup(root, "hd2d");
    writeParamsGroup(hd, "parameters", sim.params());
    writeParamsGroup(hd, "heading", sim.headingParams());
    {
        const Hd2dSimulation::State st = sim.captureState();
        const hsize_t n = hsize_t(sim.params().n);
        h5::Handle g = h5::createGroup(hd, "state");
        writeRunClock(g, st.t, st.steps, st.heading, "heading_clock");
        h5::writeDataset(g, "u_azimuth", st.uAzimuth, {n});
        h5::writeDataset(g, "u_pitch", st.uPitch, {n});
        h5::writeDataset(g, "u_sheet", st.uSheet, {n, n});
        writeTrajectoryVectors(g, st.heading, "heading");
    }
    h5::Handle rec = h5::createGroup(hd, "recording");
    writeTraceGroup(rec, "traces", sim.traces());
}

std::unique_ptr<Hd2dSimulation> readHd2dGroup(hid_t root) {
    h5::Handle hd = h5::openGroup(root, "hd2d");
    const TorusParams p = readParamsGroup<TorusParams>(hd, "parameters", "/hd2d");
    try {
        Hd2dSimulation::checkParams(p);
    } catch (const ParamError& e) {
        throw h5::Error(std::string("invalid parameter in '/hd2d/parameters': ") + e.what());
    }
    const TrajectoryParams h = readParamsGroup<TrajectoryParams>(hd, "heading", "/hd2d");
    Hd2dSimulation::State st;
    {
        h5::Handle g = h5::openGroup(hd, "state");
        readRunClock(g, "/hd2d/state", "heading_clock", st.t, st.steps, st.heading);
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
        readTrajectoryVectors(g, "/hd2d/state", "heading", st.heading);
    }
    return restoreRun<Hd2dSimulation>(hd, "hd2d", p, h, st);
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
