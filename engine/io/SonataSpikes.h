#pragma once
// Spike export in the SONATA format (github.com/AllenInstitute/sonata, "Spike file"), which NEST,
// NEURON/BMTK, Brian2 tools and libsonata read:
//   /                                attrs magic: uint32 0x0A7A, version: uint32[2] = {0, 1}
//   /spikes/<population>             attr sorting: enum over uint8 {none = 0, by_id = 1, by_time =
//   2} = by_time /spikes/<population>/timestamps  float64 [n], attr units = "ms" (variable-length
//   UTF-8 string) /spikes/<population>/node_ids    uint64 [n]
// and as CSV (population,node_id,timestamp_ms). Both are written aside and renamed into place.
#include <string>
#include <vector>

#include "spiking/SpikeRecord.h"

namespace as {

/// Writes the records (one SONATA population each). Throws h5::Error naming the file on failure.
void writeSonataSpikes(const std::string& path, const std::vector<const SpikeRecord*>& records);
/// Reads every population of a SONATA spike file (size = max node id + 1). Throws h5::Error.
std::vector<SpikeRecord> readSonataSpikes(const std::string& path);
/// Sorting attribute of one population ("none", "by_id", "by_time"). Throws h5::Error.
std::string sonataSorting(const std::string& path, const std::string& population);
/// CSV: header "population,node_id,timestamp_ms", one spike per line. Throws std::runtime_error.
void writeSpikesCsv(const std::string& path, const std::vector<const SpikeRecord*>& records);

}  // namespace as
