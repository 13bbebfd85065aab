// Fuzzes the Surrogate lab's session reader: the input is a session file (HDF5), read as
// attractor-cli surrogate --session and the GUI's File > Open do (SessionReader, then
// readSurrogateGroup). Exceptions are the loader's refusal (expected); a crash, leak, hang or
// sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <exception>

#include "FuzzTempFile.h"
#include "io/SessionFile.h"
#include "surrogate/SurrogateSession.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = as::fuzz::writeTempFile(data, size, "surrogate.h5");
    try {
        as::SessionReader r(path);
        if (!r.hasGroup("surrogate")) return 0;
        const as::surrogate::SurrogateSessionState st =
            r.read([](hid_t root) { return as::surrogate::readSurrogateGroup(root); });
        (void)as::surrogate::liveSourceName(st.source);
    } catch (const std::exception&) {
    }
    return 0;
}
