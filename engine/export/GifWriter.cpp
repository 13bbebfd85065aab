#include "export/GifWriter.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "export/GifLzw.h"
#include "export/MedianCutPalette.h"

namespace as {

GifWriter::GifWriter(const std::string& path, int width, int height)
    : path_(path), width_(width), height_(height) {
    if (width < 1 || width > 65535 || height < 1 || height > 65535)
        throw std::runtime_error("GIF '" + path + "': frame size " + std::to_string(width) + " x " +
                                 std::to_string(height) + " is outside 1..65535");
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_)
        throw std::runtime_error("cannot write GIF '" + path + "': " + std::strerror(errno));
    put("GIF89a", 6);
    putWord(width);
    putWord(height);
    putByte(0x70);  // no global colour table (every frame has its own), 8-bit colour resolution
    putByte(0);     // background colour index
    putByte(0);     // square pixels
    // Application extension: loop forever.
    const std::uint8_t loop[] = {0x21, 0xFF, 0x0B, 'N', 'E',  'T',  'S',  'C',  'A', 'P',
                                 'E',  '2',  '.',  '0', 0x03, 0x01, 0x00, 0x00, 0x00};
    put(loop, sizeof loop);
}

GifWriter::~GifWriter() {
    if (file_) std::fclose(file_);
}

void GifWriter::fail(const std::string& what) {
    if (file_) std::fclose(file_);
    file_ = nullptr;
    throw std::runtime_error("cannot write GIF '" + path_ + "': " + what);
}

void GifWriter::put(const void* data, std::size_t n) {
    if (std::fwrite(data, 1, n, file_) != n) fail(std::strerror(errno));
}
void GifWriter::putByte(int b) {
    const std::uint8_t v = std::uint8_t(b);
    put(&v, 1);
}
void GifWriter::putWord(int w) {
    putByte(w & 0xFF);
    putByte(w >> 8 & 0xFF);
}

void GifWriter::addFrame(const std::uint32_t* pixels, std::ptrdiff_t stride,
                         int delayCentiseconds) {
    if (!file_) throw std::runtime_error("GIF '" + path_ + "' is already finished");
    // The rectangle that differs from the previous frame (the whole frame at first).
    int x0 = 0, y0 = 0, x1 = width_ - 1, y1 = height_ - 1;
    if (!previous_.empty()) {
        x0 = width_, y0 = height_, x1 = -1, y1 = -1;
        for (int y = 0; y < height_; ++y) {
            const std::uint32_t* row = pixels + y * stride;
            const std::uint32_t* old = previous_.data() + std::size_t(y) * std::size_t(width_);
            int first = 0;
            while (first < width_ && ((row[first] ^ old[first]) & 0xFFFFFFu) == 0) ++first;
            if (first == width_) continue;
            int last = width_ - 1;
            while (((row[last] ^ old[last]) & 0xFFFFFFu) == 0) --last;
            x0 = std::min(x0, first), x1 = std::max(x1, last);
            y0 = std::min(y0, y), y1 = y;
        }
        if (x1 < 0) x0 = x1 = y0 = y1 = 0;  // nothing changed: a 1-pixel frame keeps the timing
    } else {
        previous_.resize(std::size_t(width_) * std::size_t(height_));
    }
    for (int y = 0; y < height_; ++y)
        std::memcpy(previous_.data() + std::size_t(y) * std::size_t(width_), pixels + y * stride,
                    std::size_t(width_) * sizeof(std::uint32_t));
    const int w = x1 - x0 + 1, h = y1 - y0 + 1;
    const std::uint32_t* origin = pixels + y0 * stride + x0;

    MedianCutPalette palette(origin, w, h, stride);
    std::vector<std::uint8_t> indices(std::size_t(w) * std::size_t(h));
    palette.map(origin, w, h, stride, indices.data());
    int tableBits = 1;  // the local table holds 2^tableBits entries, >= the palette (GIF: 2..256)
    while ((1 << tableBits) < int(palette.colours().size())) ++tableBits;
    const int minCodeSize = std::max(2, tableBits);

    // Graphic control extension: disposal 1 (leave the frame in place), the delay, no transparency.
    putByte(0x21), putByte(0xF9), putByte(4), putByte(1 << 2);
    putWord(std::clamp(delayCentiseconds, 2, 65535));
    putByte(0), putByte(0);
    // Image descriptor with a local colour table.
    putByte(0x2C);
    putWord(x0), putWord(y0), putWord(w), putWord(h);
    putByte(0x80 | (tableBits - 1));
    std::vector<std::uint8_t> table(std::size_t(3) << tableBits, 0);
    for (std::size_t i = 0; i < palette.colours().size(); ++i) {
        const std::uint32_t c = palette.colours()[i];
        table[3 * i] = std::uint8_t(c >> 16), table[3 * i + 1] = std::uint8_t(c >> 8),
                  table[3 * i + 2] = std::uint8_t(c);
    }
    put(table.data(), table.size());
    putByte(minCodeSize);
    const std::vector<std::uint8_t> data =
        gifLzwEncode(indices.data(), indices.size(), minCodeSize);
    for (std::size_t at = 0; at < data.size(); at += 255) {
        const std::size_t n = std::min<std::size_t>(255, data.size() - at);
        putByte(int(n));
        put(data.data() + at, n);
    }
    putByte(0);  // block terminator
    ++frames_;
}

void GifWriter::finish() {
    if (!file_) return;
    putByte(0x3B);
    const bool ok = std::fflush(file_) == 0;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!ok || !closed)
        throw std::runtime_error("cannot write GIF '" + path_ + "': " + std::strerror(errno));
}

}  // namespace as
