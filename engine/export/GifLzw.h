#pragma once
// The LZW coding of a GIF image's palette indices (GIF89a spec, appendix F): variable-width codes
// from minCodeSize + 1 up to 12 bits packed least significant bit first, a clear code first and
// whenever the 4096-entry table is full, the end-of-information code last. The returned bytes still
// need splitting into the file's sub-blocks of at most 255 bytes (GifWriter does that).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace as {

/// Codes `count` indices, each below 2^minCodeSize; minCodeSize in [2, 8], else
/// std::invalid_argument.
std::vector<std::uint8_t> gifLzwEncode(const std::uint8_t* indices, std::size_t count,
                                       int minCodeSize);

}  // namespace as
