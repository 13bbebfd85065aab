#include "data/IdxWriter.h"

#include <fstream>

namespace as::data {
namespace {

void putBigEndian(std::ofstream& out, std::uint32_t v) {
    const char b[4] = {char((v >> 24) & 0xff), char((v >> 16) & 0xff), char((v >> 8) & 0xff),
                       char(v & 0xff)};
    out.write(b, 4);
}

void writeIdx(const std::string& path, std::uint32_t magic, const std::vector<std::uint32_t>& dims,
              const std::vector<std::uint8_t>& data) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw IdxError(path + ": cannot create the file");
    putBigEndian(out, magic);
    for (auto d : dims) putBigEndian(out, d);
    out.write(reinterpret_cast<const char*>(data.data()), std::streamsize(data.size()));
    out.close();
    if (!out) throw IdxError(path + ": write error");
}

}  // namespace

void writeIdxImages(const std::string& path, const IdxImages& images) {
    const std::size_t n =
        std::size_t(images.count) * std::size_t(images.rows) * std::size_t(images.cols);
    if (images.count < 0 || images.rows <= 0 || images.cols <= 0 || images.pixels.size() != n)
        throw IdxError(path + ": refusing to write: " + std::to_string(images.pixels.size()) +
                       " pixel bytes do not make " + std::to_string(images.count) + " images of " +
                       std::to_string(images.rows) + " x " + std::to_string(images.cols));
    writeIdx(path, 0x00000803u,
             {std::uint32_t(images.count), std::uint32_t(images.rows), std::uint32_t(images.cols)},
             images.pixels);
}

void writeIdxLabels(const std::string& path, const std::vector<std::uint8_t>& labels) {
    writeIdx(path, 0x00000801u, {std::uint32_t(labels.size())}, labels);
}

}  // namespace as::data
