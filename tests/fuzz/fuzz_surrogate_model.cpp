// Fuzzes the Surrogate lab's model file reader (SurrogateModel::load): the input is a model file
// (HDF5). Exceptions are the loader's refusal (expected); a crash, leak, hang or sanitizer report
// is a finding.
#include <cstddef>
#include <cstdint>

#include "FuzzTempFile.h"
#include "surrogate/SurrogateModel.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return as::fuzz::fuzzFileLoader(data, size, "surrogate_model.h5", [](const std::string& path) {
        (void)as::surrogate::SurrogateModel::load(path);
    });
}
