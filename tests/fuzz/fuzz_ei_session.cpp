// Fuzzes the E-I lab's session reader: the input is a session file (HDF5), read as
// attractor-cli ei --session does (SessionReader, then readEiGroup). Exceptions are the loader's
// refusal (expected); a crash, leak, hang or sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <exception>

#include "FuzzTempFile.h"
#include "io/SessionFile.h"
#include "spiking/EiSession.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = as::fuzz::writeTempFile(data, size, "ei.h5");
    try {
        as::SessionReader r(path);
        if (!r.hasGroup("ei")) return 0;
        const as::EiSessionState st = r.read([](hid_t root) { return as::readEiGroup(root); });
        st.params.check();
    } catch (const std::exception&) {
    }
    return 0;
}
