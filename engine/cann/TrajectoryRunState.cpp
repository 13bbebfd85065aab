#include "cann/TrajectoryRunState.h"

#include <cmath>
#include <vector>

#include "io/Hdf5Handle.h"
#include "io/TraceGroup.h"

namespace as {
namespace {

void writeVec3(hid_t g, const char* name, const Vec3& v) {
    h5::writeDataset(g, name, std::vector<double>{v[0], v[1], v[2]}, {3});
}

Vec3 readVec3(hid_t g, const char* name, const std::string& where) {
    const auto v = readFiniteVector(g, name, 3, where);
    return {v[0], v[1], v[2]};
}

}  // namespace

void writeRunClock(hid_t g, double t, long steps, const Trajectory::State& tr,
                   const char* clockKey) {
    h5::writeAttribute(g, "t", t);
    h5::writeAttribute(g, "t.unit", std::string("ms"));
    h5::writeAttribute(g, "steps", std::int64_t(steps));
    h5::writeAttribute(g, clockKey, tr.clock);
    h5::writeAttribute(g, "helix_start", tr.helixStart);
}

void readRunClock(hid_t g, const std::string& where, const char* clockKey, double& t, long& steps,
                  Trajectory::State& tr) {
    t = h5::readDoubleAttribute(g, "t");
    steps = long(h5::readIntAttribute(g, "steps"));
    tr.clock = h5::readDoubleAttribute(g, clockKey);
    tr.helixStart = h5::readDoubleAttribute(g, "helix_start");
    for (double v : {t, tr.clock, tr.helixStart})
        if (!std::isfinite(v)) throw h5::Error("'" + where + "' has a non-finite attribute");
    if (steps < 0) throw h5::Error("'" + where + "' attribute 'steps' is negative");
}

void writeTrajectoryVectors(hid_t g, const Trajectory::State& tr, const char* positionKey) {
    writeVec3(g, positionKey, tr.position);
    writeVec3(g, "velocity", tr.velocity);
    writeVec3(g, "steering", tr.steering);
    writeVec3(g, "helix_origin", tr.helixOrigin);
}

void readTrajectoryVectors(hid_t g, const std::string& where, const char* positionKey,
                           Trajectory::State& tr) {
    tr.position = readVec3(g, positionKey, where);
    tr.velocity = readVec3(g, "velocity", where);
    tr.steering = readVec3(g, "steering", where);
    tr.helixOrigin = readVec3(g, "helix_origin", where);
}

}  // namespace as
