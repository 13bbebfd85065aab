#pragma once
// A palette of at most 256 colours for one image, and the mapping of the image's pixels onto it
// (for the GIF writer). Images with at most maxColours distinct colours keep them exactly; others
// are reduced by median cut (Heckbert 1982) on a 5-5-5-bit histogram: the box with the most pixels
// times its longest side is split at the pixel median of that side, and each final box contributes
// the pixel-weighted mean of its exact 8-bit colours. Pixels map to the nearest palette colour
// (squared RGB distance), memoised per colour.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace as {

class MedianCutPalette {
  public:
    /// Builds the palette of `width x height` pixels 0xAARRGGBB (alpha ignored) with rows
    /// `stride` pixels apart. maxColours in [2, 256], else std::invalid_argument.
    MedianCutPalette(const std::uint32_t* pixels, int width, int height, std::ptrdiff_t stride,
                     int maxColours = 256);

    /// Palette entries as 0xRRGGBB.
    const std::vector<std::uint32_t>& colours() const { return colours_; }
    /// True if every distinct colour of the image is in the palette (no quantisation error).
    bool exact() const { return exact_; }
    /// Index of the palette colour nearest to `argb`.
    std::uint8_t index(std::uint32_t argb);
    /// Maps a rectangle of pixels onto palette indices, row by row (out holds width*height).
    void map(const std::uint32_t* pixels, int width, int height, std::ptrdiff_t stride,
             std::uint8_t* out);

  private:
    void collectExact(const std::uint32_t* pixels, int width, int height, std::ptrdiff_t stride,
                      int maxColours);
    void medianCut(const std::uint32_t* pixels, int width, int height, std::ptrdiff_t stride,
                   int maxColours);
    std::uint8_t nearest(std::uint32_t rgb) const;

    std::vector<std::uint32_t> colours_;
    bool exact_ = false;
    // Open-addressing memo rgb -> index (key 0xFFFFFFFF: empty); overwritten on collision.
    std::vector<std::uint32_t> memoKey_;
    std::vector<std::uint8_t> memoIndex_;
};

}  // namespace as
