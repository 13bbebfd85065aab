#pragma once
// An AdamOptimizer's state in a checkpoint group, as the SDE and generator trainers keep it: the
// attribute <prefix>_steps and the float32 matrices <prefix>_m and <prefix>_v.
#include <hdf5.h>

#include <Eigen/Core>
#include <string>

#include "sde/AdamOptimizer.h"

namespace as::sde {

/// The saved state of one optimizer, read and checked before anything changes.
struct AdamState {
    long steps = 0;
    Eigen::MatrixXf m, v;
    void restoreInto(AdamOptimizer& adam) const { adam.restore(steps, m, v); }
};

/// Writes `adam`'s step count and moments under `prefix` into group g. Throws h5::Error.
void writeAdamState(hid_t g, const std::string& prefix, const AdamOptimizer& adam);
/// Reads what writeAdamState wrote; the moments must be rows x cols. `where` names the file in
/// messages. Throws h5::Error.
AdamState readAdamState(hid_t g, const std::string& prefix, Eigen::Index rows, Eigen::Index cols,
                        const std::string& where);

}  // namespace as::sde
