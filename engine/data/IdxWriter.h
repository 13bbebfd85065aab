#pragma once
// Writing IDX files (the inverse of IdxReader): used for the shipped example digits and by tests.
#include <cstdint>
#include <string>
#include <vector>

#include "data/IdxReader.h"

namespace as::data {

/// Writes images as magic 0x00000803 (u8, count x rows x cols). Throws IdxError naming the path.
void writeIdxImages(const std::string& path, const IdxImages& images);

/// Writes labels as magic 0x00000801 (u8, count). Throws IdxError naming the path.
void writeIdxLabels(const std::string& path, const std::vector<std::uint8_t>& labels);

}  // namespace as::data
