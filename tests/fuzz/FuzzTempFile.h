#pragma once
// For the fuzz targets whose loader takes a path (HDF5 files, IDX files): the input bytes are
// written to one temporary file per process (in /dev/shm when it exists, so no disk I/O), which
// the real loader then opens. HDF5's error printing is silenced once, as the app does.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

namespace as::fuzz {

/// Writes data[0, size) to "<dir>/as-fuzz-<pid>-<name>" (replaced each call) and returns its path.
/// Aborts if the file cannot be written (the fuzz run would be meaningless).
const std::string& writeTempFile(const std::uint8_t* data, std::size_t size, const char* name);

/// The whole body of a file-loader target: writes the input to the temporary file `name` and runs
/// `load(path)` on it. An exception is the loader's refusal, the expected outcome for most inputs;
/// anything else (a crash, leak, hang or sanitizer report) is a finding.
template <class Load>
int fuzzFileLoader(const std::uint8_t* data, std::size_t size, const char* name, Load load) {
    const std::string& path = writeTempFile(data, size, name);
    try {
        load(path);
    } catch (const std::exception&) {
    }
    return 0;
}

}  // namespace as::fuzz
