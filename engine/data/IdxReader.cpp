#include "data/IdxReader.h"

#include <algorithm>
#include <fstream>

namespace as::data {
namespace {

constexpr std::uint32_t kMagicLabels = 0x00000801u;
constexpr std::uint32_t kMagicImages = 0x00000803u;

std::string hex32(std::uint32_t v) {
    static const char* digits = "0123456789abcdef";
    std::string s = "0x00000000";
    for (int i = 0; i < 8; ++i) s[9 - i] = digits[(v >> (4 * i)) & 0xf];
    return s;
}

std::uint32_t bigEndian(const unsigned char* b) {
    return (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) | (std::uint32_t(b[2]) << 8) |
           std::uint32_t(b[3]);
}

/// An opened IDX file with its header checked: dims read, payload size compared with the file.
struct IdxFile {
    std::ifstream in;
    std::vector<std::uint32_t> dims;

    IdxFile(const std::string& path, std::uint32_t magic, const char* what) {
        auto fail = [&path](const std::string& msg) { return IdxError(path + ": " + msg); };
        in.open(path, std::ios::binary);
        if (!in) throw fail("cannot open the file");
        in.seekg(0, std::ios::end);
        const std::uint64_t fileSize = std::uint64_t(in.tellg());
        in.seekg(0, std::ios::beg);
        const int wantDims = int(magic & 0xff);
        const std::uint64_t headerSize = 4 + 4 * std::uint64_t(wantDims);
        if (fileSize < 4)
            throw fail("truncated: " + std::to_string(fileSize) +
                       " bytes, shorter than the 4-byte magic");
        unsigned char b[4];
        in.read(reinterpret_cast<char*>(b), 4);
        const std::uint32_t got = bigEndian(b);
        if (got != magic)
            throw fail("bad magic " + hex32(got) + ", expected " + hex32(magic) + " (" + what +
                       ": unsigned bytes, " + std::to_string(wantDims) + " dims)");
        if (fileSize < headerSize)
            throw fail("truncated: the header needs " + std::to_string(headerSize) +
                       " bytes, file has " + std::to_string(fileSize));
        std::uint64_t payload = 1;
        for (int d = 0; d < wantDims; ++d) {
            in.read(reinterpret_cast<char*>(b), 4);
            dims.push_back(bigEndian(b));
            payload *= dims.back();
        }
        if (!in) throw fail("read error in the header");
        const std::uint64_t have = fileSize - headerSize;
        if (have < payload)
            throw fail("truncated: header promises " + std::to_string(payload) + " bytes of " +
                       what + ", file has " + std::to_string(have));
        if (have > payload)
            throw fail("too long: header promises " + std::to_string(payload) + " bytes of " +
                       what + ", file has " + std::to_string(have));
    }
};

int keptCount(std::uint32_t count, int maxCount) {
    return maxCount < 0 ? int(count) : int(std::min<std::uint64_t>(count, std::uint64_t(maxCount)));
}

}  // namespace

IdxImages readIdxImages(const std::string& path, int maxCount) {
    IdxFile f(path, kMagicImages, "pixels");
    if (f.dims[0] > 0x7fffffffu || f.dims[1] == 0 || f.dims[2] == 0 || f.dims[1] > 65535 ||
        f.dims[2] > 65535)
        throw IdxError(path + ": implausible image dims " + std::to_string(f.dims[0]) + " x " +
                       std::to_string(f.dims[1]) + " x " + std::to_string(f.dims[2]));
    IdxImages im;
    im.count = keptCount(f.dims[0], maxCount);
    im.rows = int(f.dims[1]);
    im.cols = int(f.dims[2]);
    im.pixels.resize(std::size_t(im.count) * std::size_t(im.rows) * std::size_t(im.cols));
    f.in.read(reinterpret_cast<char*>(im.pixels.data()), std::streamsize(im.pixels.size()));
    if (!f.in) throw IdxError(path + ": read error in the pixels");
    return im;
}

std::vector<std::uint8_t> readIdxLabels(const std::string& path, int maxCount) {
    IdxFile f(path, kMagicLabels, "labels");
    if (f.dims[0] > 0x7fffffffu)
        throw IdxError(path + ": implausible label count " + std::to_string(f.dims[0]));
    std::vector<std::uint8_t> labels(std::size_t(keptCount(f.dims[0], maxCount)));
    f.in.read(reinterpret_cast<char*>(labels.data()), std::streamsize(labels.size()));
    if (!f.in) throw IdxError(path + ": read error in the labels");
    return labels;
}

}  // namespace as::data
