#pragma once
// Writes an animated GIF89a file frame by frame, so a long recording never sits in memory: a
// looping (NETSCAPE2.0) animation whose frames each carry their own palette of at most 256 colours
// (MedianCutPalette), coded with LZW (gifLzwEncode). A frame stores only the rectangle that changed
// since the previous frame and leaves the rest in place (disposal "do not dispose"), which keeps
// recordings of a mostly static window small. No Qt: pixels are 0xAARRGGBB words (QImage's
// Format_RGB32 / ARGB32 layout), alpha ignored.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace as {

class GifWriter {
  public:
    /// Creates `path` for a width x height animation (each in [1, 65535]) that loops forever.
    /// Throws std::runtime_error naming the file if it cannot be created.
    GifWriter(const std::string& path, int width, int height);
    ~GifWriter();
    GifWriter(const GifWriter&) = delete;
    GifWriter& operator=(const GifWriter&) = delete;

    /// Appends a frame of width x height pixels, rows `stride` pixels apart, shown for
    /// delayCentiseconds (clamped to [2, 65535]: most viewers show shorter delays as 10).
    /// Throws std::runtime_error on a write error.
    void addFrame(const std::uint32_t* pixels, std::ptrdiff_t stride, int delayCentiseconds);
    /// Writes the trailer and closes the file; further frames are refused. Throws on a write error.
    void finish();

    int width() const { return width_; }
    int height() const { return height_; }
    int frameCount() const { return frames_; }
    const std::string& path() const { return path_; }

  private:
    void put(const void* data, std::size_t n);
    void putByte(int b);
    void putWord(int w);
    void fail(const std::string& what);

    std::string path_;
    std::FILE* file_ = nullptr;
    int width_, height_;
    int frames_ = 0;
    std::vector<std::uint32_t> previous_;  ///< the last frame's pixels (rgb), to find what changed
};

}  // namespace as
