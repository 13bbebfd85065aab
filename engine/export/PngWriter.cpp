#include "export/PngWriter.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace as {
namespace {

void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(std::uint8_t(v >> s));
}

void chunk(std::vector<std::uint8_t>& out, const char* type,
           const std::vector<std::uint8_t>& data) {
    put32(out, std::uint32_t(data.size()));
    const std::size_t start = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data.begin(), data.end());
    const uLong crc = crc32(0L, out.data() + start, uInt(out.size() - start));
    put32(out, std::uint32_t(crc));
}

}  // namespace

void writeGrayPng(const std::string& path, const GrayImage& img) {
    const std::string what = "cannot write PNG '" + path + "': ";
    if (img.width < 1 || img.height < 1 ||
        img.pixels.size() != std::size_t(img.width) * std::size_t(img.height))
        throw std::runtime_error(what +
                                 "the image is empty or its pixel count does not match its size");
    std::vector<std::uint8_t> raw;
    raw.reserve(std::size_t(img.height) * std::size_t(img.width + 1));
    for (int r = 0; r < img.height; ++r) {
        raw.push_back(0);  // filter: none
        const auto* row = img.pixels.data() + std::size_t(r) * std::size_t(img.width);
        raw.insert(raw.end(), row, row + img.width);
    }
    uLongf packedSize = compressBound(uLong(raw.size()));
    std::vector<std::uint8_t> packed(packedSize);
    if (compress2(packed.data(), &packedSize, raw.data(), uLong(raw.size()), 6) != Z_OK)
        throw std::runtime_error(what + "zlib compression failed");
    packed.resize(packedSize);

    std::vector<std::uint8_t> file{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<std::uint8_t> ihdr;
    put32(ihdr, std::uint32_t(img.width));
    put32(ihdr, std::uint32_t(img.height));
    ihdr.insert(ihdr.end(),
                {8, 0, 0, 0, 0});  // 8-bit grey, deflate, adaptive filtering, no interlace
    chunk(file, "IHDR", ihdr);
    chunk(file, "IDAT", packed);
    chunk(file, "IEND", {});

    const std::string tmp = path + ".part";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) throw std::runtime_error(what + std::strerror(errno));
    const bool ok = std::fwrite(file.data(), 1, file.size(), f) == file.size();
    const int err = errno;
    if (std::fclose(f) != 0 || !ok) {
        std::remove(tmp.c_str());
        throw std::runtime_error(what + std::strerror(err));
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int e = errno;
        std::remove(tmp.c_str());
        throw std::runtime_error(what + "cannot rename the temporary file: " + std::strerror(e));
    }
}

GrayImage tileImages(const Eigen::MatrixXf& images, int rows, int cols, int gridCols, int scale,
                     int pad) {
    if (rows < 1 || cols < 1 || gridCols < 1 || scale < 1 || pad < 0 || images.cols() < 1)
        throw std::invalid_argument("tileImages: sizes must be >= 1 and there must be an image");
    if (images.rows() != Eigen::Index(rows) * cols)
        throw std::invalid_argument("tileImages: images have " + std::to_string(images.rows()) +
                                    " values, not " + std::to_string(rows) + " x " +
                                    std::to_string(cols));
    const int n = int(images.cols());
    const int gc = std::min(gridCols, n), gr = (n + gc - 1) / gc;
    const int cw = cols * scale, ch = rows * scale;
    GrayImage g;
    g.width = gc * cw + (gc + 1) * pad;
    g.height = gr * ch + (gr + 1) * pad;
    g.pixels.assign(std::size_t(g.width) * std::size_t(g.height), 0);
    for (int k = 0; k < n; ++k) {
        const int x0 = pad + (k % gc) * (cw + pad), y0 = pad + (k / gc) * (ch + pad);
        for (int y = 0; y < ch; ++y)
            for (int x = 0; x < cw; ++x) {
                const float v = std::clamp(images((y / scale) * cols + x / scale, k), 0.0f, 1.0f);
                g.pixels[std::size_t(y0 + y) * std::size_t(g.width) + std::size_t(x0 + x)] =
                    std::uint8_t(std::lround(255.0f * v));
            }
    }
    return g;
}

}  // namespace as
