#pragma once
// Grey-scale 8-bit PNG files (the generator's galleries; no Qt): signature, IHDR, one IDAT whose
// zlib stream zlib's compress2() makes, IEND, each chunk with its CRC-32. Rows are filtered with
// filter type 0 (none). Written aside and renamed, so a failed write leaves no partial file.
// tileImages lays a batch of small images out as one grid image.
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

namespace as {

/// A grey image, row-major, 0 = black.
struct GrayImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels;
};

/// Writes img to path. Throws std::runtime_error naming the file on any failure.
void writeGrayPng(const std::string& path, const GrayImage& img);

/// The columns of images (rows*cols values in [0, 1] each, row-major; clamped) as a grid of
/// gridCols columns, each image magnified `scale` times, `pad` black pixels between and around.
/// Throws std::invalid_argument if a column does not hold rows*cols values or a size is < 1.
GrayImage tileImages(const Eigen::MatrixXf& images, int rows, int cols, int gridCols, int scale = 1,
                     int pad = 1);

}  // namespace as
