// Fuzzes the SDE lab's session reader: the input is a session file (HDF5), read as
// attractor-cli sde --session and the GUI's File > Open do (SessionReader, then readSdeGroup), and
// the input x(0) is built from what loaded. Exceptions are the loader's refusal (expected); a
// crash, leak, hang or sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <exception>

#include "FuzzTempFile.h"
#include "io/SessionFile.h"
#include "sde/SdeSession.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = as::fuzz::writeTempFile(data, size, "sde.h5");
    try {
        as::SessionReader r(path);
        if (!r.hasGroup("sde")) return 0;
        const as::sde::SdeSessionState st =
            r.read([](hid_t root) { return as::sde::readSdeGroup(root); });
        st.model->params().check();
        (void)st.initialCondition();
    } catch (const std::exception&) {
    }
    return 0;
}
