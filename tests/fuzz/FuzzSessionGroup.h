#pragma once
// For the fuzz targets of the session readers that the CLI and File > Open share
// (SessionReader, then the lab's read<Lab>Group): the input is a session file (HDF5).
#include <cstddef>
#include <cstdint>
#include <string>

#include "FuzzTempFile.h"
#include "io/SessionFile.h"

namespace as::fuzz {

/// Loads the input as a session file and, when it has the lab's `group`, reads it with
/// `readGroup(root)` and passes what loaded to `use`, which builds from it what the lab would.
template <class ReadGroup, class Use>
int fuzzSessionGroup(const std::uint8_t* data, std::size_t size, const char* group,
                     ReadGroup readGroup, Use use) {
    const std::string name = std::string(group) + ".h5";
    return fuzzFileLoader(data, size, name.c_str(), [&](const std::string& path) {
        SessionReader r(path);
        if (r.hasGroup(group)) use(r.read(readGroup));
    });
}

}  // namespace as::fuzz
