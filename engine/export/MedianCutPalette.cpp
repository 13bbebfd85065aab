#include "export/MedianCutPalette.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_set>

namespace as {
namespace {

constexpr int kBits = 5;           // histogram bits per channel
constexpr int kSide = 1 << kBits;  // 32 bins per channel
constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
constexpr int kMemoBits = 16;

int bin(std::uint32_t rgb) {
    const int r = int(rgb >> 16 & 0xFF) >> (8 - kBits), g = int(rgb >> 8 & 0xFF) >> (8 - kBits),
              b = int(rgb & 0xFF) >> (8 - kBits);
    return (r << (2 * kBits)) | (g << kBits) | b;
}

struct Bin {
    std::uint64_t count = 0, r = 0, g = 0, b = 0;
};

/// A box of histogram bins, inclusive bounds per channel (0: r, 1: g, 2: b).
struct Box {
    std::array<int, 3> lo{0, 0, 0}, hi{kSide - 1, kSide - 1, kSide - 1};
    std::uint64_t count = 0;
    int longestAxis() const {
        int axis = 0;
        for (int c = 1; c < 3; ++c)
            if (hi[c] - lo[c] > hi[axis] - lo[axis]) axis = c;
        return axis;
    }
    int extent() const { return hi[longestAxis()] - lo[longestAxis()]; }
};

template <class F>
void forEachBin(const Box& box, F&& f) {
    for (int r = box.lo[0]; r <= box.hi[0]; ++r)
        for (int g = box.lo[1]; g <= box.hi[1]; ++g)
            for (int b = box.lo[2]; b <= box.hi[2]; ++b)
                f(r, g, b, (r << (2 * kBits)) | (g << kBits) | b);
}

/// Shrinks a box to its non-empty bins and counts its pixels.
void shrink(Box& box, const std::vector<Bin>& hist) {
    std::array<int, 3> lo{kSide, kSide, kSide}, hi{-1, -1, -1};
    std::uint64_t count = 0;
    forEachBin(box, [&](int r, int g, int b, int i) {
        if (hist[std::size_t(i)].count == 0) return;
        count += hist[std::size_t(i)].count;
        const int c[3] = {r, g, b};
        for (int k = 0; k < 3; ++k) lo[k] = std::min(lo[k], c[k]), hi[k] = std::max(hi[k], c[k]);
    });
    box.count = count;
    if (count > 0) box.lo = lo, box.hi = hi;
}

}  // namespace

MedianCutPalette::MedianCutPalette(const std::uint32_t* pixels, int width, int height,
                                   std::ptrdiff_t stride, int maxColours)
    : memoKey_(std::size_t(1) << kMemoBits, kEmpty), memoIndex_(std::size_t(1) << kMemoBits, 0) {
    if (maxColours < 2 || maxColours > 256)
        throw std::invalid_argument("palette size must be in [2, 256] (got " +
                                    std::to_string(maxColours) + ")");
    if (width <= 0 || height <= 0) throw std::invalid_argument("palette of an empty image");
    collectExact(pixels, width, height, stride, maxColours);
    if (!exact_) medianCut(pixels, width, height, stride, maxColours);
}

void MedianCutPalette::collectExact(const std::uint32_t* pixels, int width, int height,
                                    std::ptrdiff_t stride, int maxColours) {
    std::unordered_set<std::uint32_t> seen;
    seen.reserve(std::size_t(maxColours) * 2);
    for (int y = 0; y < height; ++y) {
        const std::uint32_t* row = pixels + y * stride;
        std::uint32_t last = kEmpty;
        for (int x = 0; x < width; ++x) {
            const std::uint32_t rgb = row[x] & 0xFFFFFFu;
            if (rgb == last) continue;
            last = rgb;
            seen.insert(rgb);
            if (int(seen.size()) > maxColours) return;  // too many: median cut
        }
    }
    colours_.assign(seen.begin(), seen.end());
    std::sort(colours_.begin(), colours_.end());
    exact_ = true;
}

void MedianCutPalette::medianCut(const std::uint32_t* pixels, int width, int height,
                                 std::ptrdiff_t stride, int maxColours) {
    std::vector<Bin> hist(std::size_t(kSide) * kSide * kSide);
    for (int y = 0; y < height; ++y) {
        const std::uint32_t* row = pixels + y * stride;
        for (int x = 0; x < width; ++x) {
            const std::uint32_t rgb = row[x];
            Bin& h = hist[std::size_t(bin(rgb))];
            ++h.count;
            h.r += rgb >> 16 & 0xFF;
            h.g += rgb >> 8 & 0xFF;
            h.b += rgb & 0xFF;
        }
    }
    std::vector<Box> boxes(1);
    shrink(boxes[0], hist);
    while (int(boxes.size()) < maxColours) {
        // The box to split: most pixels times longest side (big and wide boxes first).
        int pick = -1;
        double best = 0;
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const double score = double(boxes[i].count) * boxes[i].extent();
            if (score > best) best = score, pick = int(i);
        }
        if (pick < 0) break;  // every box is a single bin
        Box& box = boxes[std::size_t(pick)];
        const int axis = box.longestAxis();
        std::array<std::uint64_t, kSide> plane{};
        forEachBin(box, [&](int r, int g, int b, int i) {
            const int c[3] = {r, g, b};
            plane[std::size_t(c[axis])] += hist[std::size_t(i)].count;
        });
        // Cut after the plane where the cumulative count first reaches half (never the last plane).
        std::uint64_t acc = 0;
        int cut = box.lo[axis];
        for (int p = box.lo[axis]; p < box.hi[axis]; ++p) {
            acc += plane[std::size_t(p)];
            cut = p;
            if (2 * acc >= box.count) break;
        }
        Box upper = box;
        box.hi[axis] = cut;
        upper.lo[axis] = cut + 1;
        shrink(box, hist);
        shrink(upper, hist);
        boxes.push_back(upper);
    }
    colours_.clear();
    for (const Box& box : boxes) {
        Bin sum;
        forEachBin(box, [&](int, int, int, int i) {
            const Bin& h = hist[std::size_t(i)];
            sum.count += h.count, sum.r += h.r, sum.g += h.g, sum.b += h.b;
        });
        if (sum.count == 0) continue;
        const auto mean = [&](std::uint64_t s) {
            return std::uint32_t((s + sum.count / 2) / sum.count);
        };
        colours_.push_back(mean(sum.r) << 16 | mean(sum.g) << 8 | mean(sum.b));
    }
}

std::uint8_t MedianCutPalette::nearest(std::uint32_t rgb) const {
    const int r = int(rgb >> 16 & 0xFF), g = int(rgb >> 8 & 0xFF), b = int(rgb & 0xFF);
    int best = 0, bestD = 1 << 30;
    for (std::size_t i = 0; i < colours_.size(); ++i) {
        const std::uint32_t c = colours_[i];
        const int dr = r - int(c >> 16 & 0xFF), dg = g - int(c >> 8 & 0xFF), db = b - int(c & 0xFF);
        const int d = dr * dr + dg * dg + db * db;
        if (d < bestD) {
            bestD = d;
            best = int(i);
            if (d == 0) break;
        }
    }
    return std::uint8_t(best);
}

std::uint8_t MedianCutPalette::index(std::uint32_t argb) {
    const std::uint32_t rgb = argb & 0xFFFFFFu;
    const std::size_t slot = (rgb * 2654435761u) >> (32 - kMemoBits);  // Fibonacci hashing
    if (memoKey_[slot] != rgb) {
        memoKey_[slot] = rgb;
        memoIndex_[slot] = nearest(rgb);
    }
    return memoIndex_[slot];
}

void MedianCutPalette::map(const std::uint32_t* pixels, int width, int height,
                           std::ptrdiff_t stride, std::uint8_t* out) {
    for (int y = 0; y < height; ++y) {
        const std::uint32_t* row = pixels + y * stride;
        std::uint32_t last = kEmpty;
        std::uint8_t lastIndex = 0;
        for (int x = 0; x < width; ++x) {
            const std::uint32_t rgb = row[x] & 0xFFFFFFu;
            if (rgb != last) last = rgb, lastIndex = index(rgb);
            *out++ = lastIndex;
        }
    }
}

}  // namespace as
