#pragma once
// For the fuzz targets whose loader takes a path (HDF5 files, IDX files): the input bytes are
// written to one temporary file per process (in /dev/shm when it exists, so no disk I/O), which
// the real loader then opens. HDF5's error printing is silenced once, as the app does.
#include <cstddef>
#include <cstdint>
#include <string>

namespace as::fuzz {

/// Writes data[0, size) to "<dir>/as-fuzz-<pid>-<name>" (replaced each call) and returns its path.
/// Aborts if the file cannot be written (the fuzz run would be meaningless).
const std::string& writeTempFile(const std::uint8_t* data, std::size_t size, const char* name);

}  // namespace as::fuzz
