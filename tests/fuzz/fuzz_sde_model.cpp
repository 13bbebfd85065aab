// Fuzzes the SDE classifier's model file reader (sde::loadSdeModel): the input is a model file
// (HDF5). Exceptions are the loader's refusal (expected); a crash, leak, hang or sanitizer report
// is a finding.
#include <cstddef>
#include <cstdint>

#include "FuzzTempFile.h"
#include "sde/SdeModelFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return as::fuzz::fuzzFileLoader(data, size, "sde_model.h5", [](const std::string& path) {
        (void)as::sde::loadSdeModel(path);
    });
}
