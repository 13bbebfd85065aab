// Fuzzes the IDX reader (MNIST files): the input is read both as an images file and as a labels
// file, whole and with a count limit, as the SDE lab and attractor-cli sde do. Exceptions are the
// reader's refusal (expected); a crash, leak, hang or sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <exception>

#include "FuzzTempFile.h"
#include "data/IdxReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = as::fuzz::writeTempFile(data, size, "mnist.idx");
    for (int maxCount : {-1, 3}) {
        try {
            const as::data::IdxImages images = as::data::readIdxImages(path, maxCount);
        } catch (const std::exception&) {
        }
        try {
            const auto labels = as::data::readIdxLabels(path, maxCount);
        } catch (const std::exception&) {
        }
    }
    return 0;
}
