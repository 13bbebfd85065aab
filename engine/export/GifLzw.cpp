#include "export/GifLzw.h"

#include <stdexcept>
#include <string>

namespace as {
namespace {

constexpr int kMaxBits = 12;
constexpr int kMaxCodes = 1 << kMaxBits;  // 4096
constexpr int kHashBits = 13;             // 8192 slots for at most 4096 entries
constexpr std::uint32_t kFree = 0xFFFFFFFFu;

/// Codes packed least significant bit first.
class BitPacker {
  public:
    explicit BitPacker(std::vector<std::uint8_t>& out) : out_(out) {}
    void put(int code, int bits) {
        acc_ |= std::uint32_t(code) << n_;
        n_ += bits;
        while (n_ >= 8) {
            out_.push_back(std::uint8_t(acc_ & 0xFF));
            acc_ >>= 8;
            n_ -= 8;
        }
    }
    void flush() {
        if (n_ > 0) out_.push_back(std::uint8_t(acc_ & 0xFF));
        acc_ = 0;
        n_ = 0;
    }

  private:
    std::vector<std::uint8_t>& out_;
    std::uint32_t acc_ = 0;
    int n_ = 0;
};

/// The string table: (prefix code, next index) -> code, open addressing with linear probing.
class CodeTable {
  public:
    CodeTable()
        : keys_(std::size_t(1) << kHashBits, kFree), codes_(std::size_t(1) << kHashBits, 0) {}
    void clear() { std::fill(keys_.begin(), keys_.end(), kFree); }
    /// The slot of `key`: holds it, or is free.
    std::size_t find(std::uint32_t key) const {
        std::size_t s = (key * 2654435761u) >> (32 - kHashBits);
        while (keys_[s] != kFree && keys_[s] != key)
            s = (s + 1) & ((std::size_t(1) << kHashBits) - 1);
        return s;
    }
    bool holds(std::size_t slot) const { return keys_[slot] != kFree; }
    int code(std::size_t slot) const { return codes_[slot]; }
    void insert(std::size_t slot, std::uint32_t key, int code) {
        keys_[slot] = key;
        codes_[slot] = std::uint16_t(code);
    }

  private:
    std::vector<std::uint32_t> keys_;
    std::vector<std::uint16_t> codes_;
};

}  // namespace

std::vector<std::uint8_t> gifLzwEncode(const std::uint8_t* indices, std::size_t count,
                                       int minCodeSize) {
    if (minCodeSize < 2 || minCodeSize > 8)
        throw std::invalid_argument("GIF LZW minimum code size must be in [2, 8] (got " +
                                    std::to_string(minCodeSize) + ")");
    const int clearCode = 1 << minCodeSize, endCode = clearCode + 1;
    std::vector<std::uint8_t> out;
    out.reserve(count / 2 + 16);
    BitPacker bits(out);
    CodeTable table;
    int width = minCodeSize + 1, next = endCode + 1;

    // After each code: widen when the next entry would not fit (the decoder, one entry behind,
    // widens at the same code), then add the entry, or clear when the table is full.
    bits.put(clearCode, width);
    if (count > 0) {
        int prefix = indices[0];
        if (prefix >= clearCode) throw std::invalid_argument("GIF LZW index beyond the palette");
        for (std::size_t i = 1; i < count; ++i) {
            const int k = indices[i];
            if (k >= clearCode) throw std::invalid_argument("GIF LZW index beyond the palette");
            const std::uint32_t key = std::uint32_t(prefix) << 8 | std::uint32_t(k);
            const std::size_t slot = table.find(key);
            if (table.holds(slot)) {
                prefix = table.code(slot);
                continue;
            }
            bits.put(prefix, width);
            if (next >= (1 << width) && width < kMaxBits) ++width;
            if (next < kMaxCodes) {
                table.insert(slot, key, next++);
            } else {
                bits.put(clearCode, width);
                table.clear();
                width = minCodeSize + 1;
                next = endCode + 1;
            }
            prefix = k;
        }
        bits.put(prefix, width);
        if (next >= (1 << width) && width < kMaxBits) ++width;
    }
    bits.put(endCode, width);
    bits.flush();
    return out;
}

}  // namespace as
