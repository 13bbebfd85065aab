// Fuzzes the SDE lab's session reader: the input is a session file (HDF5), read as
// attractor-cli sde --session and the GUI's File > Open do (SessionReader, then readSdeGroup), and
// the input x(0) is built from what loaded. Exceptions are the loader's refusal (expected); a
// crash, leak, hang or sanitizer report is a finding.
#include <cstddef>
#include <cstdint>

#include "FuzzSessionGroup.h"
#include "sde/SdeSession.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return as::fuzz::fuzzSessionGroup(
        data, size, "sde", [](hid_t root) { return as::sde::readSdeGroup(root); },
        [](const as::sde::SdeSessionState& st) {
            st.model->params().check();
            (void)st.initialCondition();
        });
}
