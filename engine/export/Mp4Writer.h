#pragma once
// Writes an H.264 video in an MP4 file frame by frame, through FFmpeg's libraries (libavformat for
// the container, libavcodec's H.264 encoder -- libx264 in Debian's build -- and libswscale for the
// RGB -> YUV 4:2:0 conversion); the encoder is the library's, not ours. Teachers put such clips
// into slides: far smaller than a GIF and not limited to 256 colours.
// Frames carry their own presentation time in milliseconds, so a live recording keeps its real
// pace (variable frame rate, as screen recorders write); a file meant for a fixed rate passes
// i * 1000 / fps. H.264 4:2:0 needs even sizes: an odd width or height drops its last column or
// row. No Qt: pixels are 0xAARRGGBB words (QImage's Format_RGB32 / ARGB32 layout), alpha ignored.
#include <cstdint>
#include <memory>
#include <string>

namespace as {

class Mp4Writer {
  public:
    struct Settings {
        int crf = 20;  ///< constant quality (0 lossless .. 51 worst); 18-23 look clean
        /// x264 speed/size trade-off (ultrafast .. veryslow): live recording shares two cores
        /// with the simulation and the window, so the fastest.
        std::string preset = "ultrafast";
    };
    /// Creates `path` for width x height frames (each in [2, 8192]). Throws std::runtime_error
    /// naming the file (or the missing encoder) if it cannot be.
    Mp4Writer(const std::string& path, int width, int height, const Settings& s);
    Mp4Writer(const std::string& path, int width, int height);
    ~Mp4Writer();
    Mp4Writer(const Mp4Writer&) = delete;
    Mp4Writer& operator=(const Mp4Writer&) = delete;

    /// Appends a frame of width x height pixels, rows `stride` pixels apart, presented at timeMs
    /// (ms from the start; a time not after the previous frame's is moved 1 ms past it). Throws
    /// std::runtime_error on an encoder or write error.
    void addFrame(const std::uint32_t* pixels, std::ptrdiff_t stride, double timeMs);
    /// Flushes the encoder, writes the MP4 index and closes the file; further frames are refused.
    /// Throws on a write error. The destructor of an unfinished writer closes without throwing.
    void finish();

    int width() const { return width_; }    ///< the encoded (even) width
    int height() const { return height_; }  ///< the encoded (even) height
    long frames() const { return frames_; }
    const std::string& encoderName() const;

  private:
    struct Av;     // the FFmpeg contexts
    void drain();  ///< writes the packets the encoder has ready
    std::string path_;
    int width_ = 0, height_ = 0;
    long frames_ = 0;
    std::int64_t lastPts_ = -1;
    std::int64_t lastInterval_ = 33;  ///< ms between the last two frames (the last one's duration)
    bool finished_ = false;
    std::unique_ptr<Av> av_;
};

}  // namespace as
