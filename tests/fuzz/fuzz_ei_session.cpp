// Fuzzes the E-I lab's session reader: the input is a session file (HDF5), read as
// attractor-cli ei --session does (SessionReader, then readEiGroup). Exceptions are the loader's
// refusal (expected); a crash, leak, hang or sanitizer report is a finding.
#include <cstddef>
#include <cstdint>

#include "FuzzSessionGroup.h"
#include "spiking/EiSession.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return as::fuzz::fuzzSessionGroup(
        data, size, "ei", [](hid_t root) { return as::readEiGroup(root); },
        [](const as::EiSessionState& st) { st.params.check(); });
}
