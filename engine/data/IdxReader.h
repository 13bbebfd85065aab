#pragma once
// Reading IDX files (the format of the MNIST distribution, LeCun et al.): a big-endian header
//   bytes 0-1 zero, byte 2 the element type (0x08 = unsigned byte), byte 3 the number of dims d,
//   then d big-endian u32 sizes, then the elements in row-major order.
// MNIST images are magic 0x00000803 (u8, 3 dims: count x rows x cols), labels 0x00000801 (u8, 1
// dim). Every problem (missing file, bad magic, wrong dims, truncated or over-long data) is an
// IdxError whose message starts with the file's path.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace as::data {

class IdxError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The images of an IDX3 u8 file: count images of rows x cols bytes, image after image,
/// each image row after row.
struct IdxImages {
    int count = 0, rows = 0, cols = 0;
    std::vector<std::uint8_t> pixels;  ///< count * rows * cols bytes
};

/// Reads an images file (magic 0x00000803). maxCount >= 0 keeps only the first maxCount images
/// (the whole file is still validated against its header). Throws IdxError.
IdxImages readIdxImages(const std::string& path, int maxCount = -1);

/// Reads a labels file (magic 0x00000801). maxCount as for readIdxImages. Throws IdxError.
std::vector<std::uint8_t> readIdxLabels(const std::string& path, int maxCount = -1);

}  // namespace as::data
