// Fuzzes the Surrogate lab's dataset reader (SurrogateDataset::load): the input is a dataset file
// (HDF5). Exceptions are the loader's refusal (expected); a crash, leak, hang or sanitizer report
// is a finding.
#include <cstddef>
#include <cstdint>

#include "FuzzTempFile.h"
#include "surrogate/SurrogateDataset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return as::fuzz::fuzzFileLoader(
        data, size, "surrogate_dataset.h5",
        [](const std::string& path) { (void)as::surrogate::SurrogateDataset::load(path); });
}
