#pragma once
// Table 1 from a merged sweep (docs/sweeps.md; the recipe resources/sweeps/sde_table1.json): each
// finished job that ran `sde eval` gives one RobustnessRecord per "<corruption>_acc" field of its
// JSON, with n from its "n_test" field and the seed from its "seed" parameter (1 without one). The
// model is named from the job's eps and train_g parameters as the shipped models are (eps 0 ->
// eps0, 0.05 -> eps005, 0.1 -> eps01; train_g on -> gtrained); without those parameters, from
// every parameter but the seed ("lr=0.001;batch=64").
#include <string>
#include <vector>

#include "io/SweepTable.h"
#include "sde/RobustnessRecords.h"

namespace as::sde {

/// The records of `table`; "" or a message naming the sweep (no "_acc" field, no finished job)
/// in *error, and then no records.
std::vector<RobustnessRecord> robustnessFromSweep(const SweepTable& table, std::string* error);

}  // namespace as::sde
