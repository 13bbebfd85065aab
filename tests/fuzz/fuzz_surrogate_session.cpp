// Fuzzes the Surrogate lab's session reader: the input is a session file (HDF5), read as
// attractor-cli surrogate --session and the GUI's File > Open do (SessionReader, then
// readSurrogateGroup). Exceptions are the loader's refusal (expected); a crash, leak, hang or
// sanitizer report is a finding.
#include <cstddef>
#include <cstdint>

#include "FuzzSessionGroup.h"
#include "surrogate/SurrogateSession.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return as::fuzz::fuzzSessionGroup(
        data, size, "surrogate", [](hid_t root) { return as::surrogate::readSurrogateGroup(root); },
        [](const as::surrogate::SurrogateSessionState& st) {
            (void)as::surrogate::liveSourceName(st.source);
        });
}
