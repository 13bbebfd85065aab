// Fuzzes the torus lab's session reader: the input is a session file (HDF5), loaded as
// attractor-cli torus --session and the GUI's File > Open do. Exceptions are the loader's refusal
// (expected); a crash, leak, hang or sanitizer report is a finding. Seeds: tests/fuzz/corpus/.
#include <cstddef>
#include <cstdint>
#include <exception>

#include "FuzzTempFile.h"
#include "cann/TorusSession.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = as::fuzz::writeTempFile(data, size, "torus.h5");
    try {
        auto s = as::loadTorusSession(path);
    } catch (const std::exception&) {
    }
    return 0;
}
