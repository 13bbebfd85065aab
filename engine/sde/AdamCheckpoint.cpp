#include "sde/AdamCheckpoint.h"

#include <cstdint>

#include "io/Hdf5Handle.h"
#include "io/Hdf5Matrix.h"

namespace as::sde {

void writeAdamState(hid_t g, const std::string& prefix, const AdamOptimizer& adam) {
    h5::writeAttribute(g, prefix + "_steps", std::int64_t(adam.steps()));
    h5::writeMatrix(g, prefix + "_m", adam.firstMoment());
    h5::writeMatrix(g, prefix + "_v", adam.secondMoment());
}

AdamState readAdamState(hid_t g, const std::string& prefix, Eigen::Index rows, Eigen::Index cols,
                        const std::string& where) {
    AdamState s;
    s.m = h5::readMatrixF(g, prefix + "_m", rows, cols, where);
    s.v = h5::readMatrixF(g, prefix + "_v", rows, cols, where);
    s.steps = long(h5::readIntAttribute(g, prefix + "_steps"));
    return s;
}

}  // namespace as::sde
