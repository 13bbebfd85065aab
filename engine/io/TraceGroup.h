#pragma once
// A TraceBuffer as an HDF5 group: attr capacity, one float64 dataset [rows] per channel, oldest row
// first. Shared by the Torus lab's session groups (/torus, /hd2d), with a checked vector reader.
#include <hdf5.h>

#include <string>
#include <vector>

#include "core/TraceBuffer.h"

namespace as {

/// Writes `traces` into a new group `name` under `parent`. Throws h5::Error.
void writeTraceGroup(hid_t parent, const std::string& name, const TraceBuffer& traces);
/// Reads group `name` under `parent` into a buffer with `channels` (each must be present, 1D, of
/// equal length) and capacity max(stored capacity, rows, fallback if none stored). `path` names
/// the group in messages. Throws h5::Error.
TraceBuffer readTraceGroup(hid_t parent, const std::string& name,
                           const std::vector<std::string>& channels, const std::string& path,
                           std::size_t fallbackCapacity);

/// Reads dataset `name` of `parent`, which must be 1D with `size` finite values (size 0: any
/// length); `path` names the group in messages. Throws h5::Error.
std::vector<double> readFiniteVector(hid_t parent, const std::string& name, std::size_t size,
                                     const std::string& path);

}  // namespace as
