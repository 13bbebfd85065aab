// Fuzzes the torus lab's session reader: the input is a session file (HDF5), loaded as
// attractor-cli torus --session and the GUI's File > Open do. Exceptions are the loader's refusal
// (expected); a crash, leak, hang or sanitizer report is a finding. Seeds: tests/fuzz/corpus/.
#include <cstddef>
#include <cstdint>

#include "FuzzTempFile.h"
#include "cann/TorusSession.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return as::fuzz::fuzzFileLoader(
        data, size, "torus.h5", [](const std::string& path) { (void)as::loadTorusSession(path); });
}
