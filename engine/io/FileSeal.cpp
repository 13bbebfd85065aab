#include "io/FileSeal.h"

#include <hdf5.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sstream>
#include <utility>
#include <vector>

#include "io/Hdf5Handle.h"

namespace as::h5 {

namespace {

constexpr char kMagic[8] = {'A', 'S', 'S', 'E', 'A', 'L', '0', '1'};
constexpr std::size_t kHeaderBytes = 40;                        ///< magic and four integers
constexpr std::uint64_t kMaxMapBytes = std::uint64_t(1) << 26;  ///< a sanity bound when reading
constexpr std::uint64_t kPrime1 = 0x9E3779B185EBCA87ULL;
constexpr std::uint64_t kPrime2 = 0xC2B2AE3D27D4EB4FULL;
constexpr std::uint64_t kPrime3 = 0x165667B19E3779F9ULL;

std::uint64_t rotl(std::uint64_t x, int r) {
    return (x << r) | (x >> (64 - r));
}
std::uint64_t load64(const unsigned char* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];  // little-endian whatever the host
    return v;
}
void store64(unsigned char* p, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}

/// The digest over a stream of blocks; every block but the last a multiple of 32 bytes.
class Digest {
  public:
    void add(const unsigned char* p, std::size_t n) {
        total_ += n;
        std::size_t i = 0;
        for (; i + 32 <= n; i += 32)
            for (int l = 0; l < 4; ++l)
                lane_[l] = rotl(lane_[l] + load64(p + i + 8 * l) * kPrime2, 31) * kPrime1;
        for (; i < n; ++i) tail_ = rotl((tail_ ^ p[i]) * kPrime3, 11);
    }
    std::uint64_t value() const {
        std::uint64_t h = rotl(lane_[0], 1) + rotl(lane_[1], 7) + rotl(lane_[2], 12) +
                          rotl(lane_[3], 18) + total_ * kPrime3 + tail_;
        h ^= h >> 33;
        h *= kPrime2;
        h ^= h >> 29;
        h *= kPrime3;
        return h ^ (h >> 32);
    }

  private:
    std::array<std::uint64_t, 4> lane_{kPrime1, kPrime2, kPrime3, kPrime1 ^ kPrime2};
    std::uint64_t total_ = 0, tail_ = 0;
};

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::string errnoText() {
    return std::strerror(errno);
}

/// A byte range of the file: its offset and length.
using Range = std::pair<std::uint64_t, std::uint64_t>;

/// Digest of the given ranges of `f`, read in blocks of 1 MiB; false if one cannot be read.
bool digestRanges(std::FILE* f, const std::vector<Range>& ranges, std::uint64_t& out) {
    Digest d;
    std::vector<unsigned char> buf(std::size_t(1) << 20);  // a multiple of 32
    for (const auto& [offset, length] : ranges) {
        if (std::fseek(f, long(offset), SEEK_SET) != 0) return false;
        for (std::uint64_t left = length; left > 0;) {
            const std::size_t want = std::size_t(std::min<std::uint64_t>(left, buf.size()));
            if (std::fread(buf.data(), 1, want, f) != want) return false;
            d.add(buf.data(), want);
            left -= want;
        }
    }
    out = d.value();
    return true;
}

std::uint64_t fileLength(std::FILE* f) {
    std::fseek(f, 0, SEEK_END);
    const long n = std::ftell(f);
    return n < 0 ? 0 : std::uint64_t(n);
}

/// The byte ranges of every dataset's stored values in the intact file at `path` (file offsets:
/// HDF5's addresses count from the end of the user block), by dataset path.
std::vector<std::pair<std::string, std::vector<Range>>> datasetRanges(const std::string& path) {
    silenceErrors();
    Handle f(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    if (!f.valid()) throw Error("cannot seal '" + path + "': HDF5 cannot open it");
    struct Ctx {
        std::vector<std::pair<std::string, std::vector<Range>>> out;
    } ctx;
    const auto visit = [](hid_t root, const char* name, const H5O_info_t* info, void* data) {
        if (info->type != H5O_TYPE_DATASET) return herr_t(0);
        auto* c = static_cast<Ctx*>(data);
        Handle d(H5Dopen2(root, name, H5P_DEFAULT));
        Handle dcpl(H5Dget_create_plist(d));
        std::vector<Range> ranges;
        if (H5Pget_layout(dcpl) == H5D_CHUNKED) {
            Handle space(H5Dget_space(d));
            hsize_t n = 0;
            if (H5Dget_num_chunks(d, space, &n) < 0) return herr_t(-1);
            for (hsize_t i = 0; i < n; ++i) {
                haddr_t addr = 0;
                hsize_t size = 0;
                if (H5Dget_chunk_info(d, space, i, nullptr, nullptr, &addr, &size) < 0)
                    return herr_t(-1);
                ranges.emplace_back(addr + kSealBlockBytes, size);
            }
        } else if (H5Pget_layout(dcpl) == H5D_CONTIGUOUS) {
            const haddr_t addr = H5Dget_offset(d);
            if (addr != HADDR_UNDEF)
                ranges.emplace_back(addr + kSealBlockBytes, H5Dget_storage_size(d));
        }  // compact: inside its object header, with the metadata
        if (!ranges.empty()) c->out.emplace_back("/" + std::string(name), std::move(ranges));
        return herr_t(0);
    };
    if (H5Ovisit2(f, H5_INDEX_NAME, H5_ITER_INC, visit, &ctx, H5O_INFO_BASIC) < 0)
        throw Error("cannot seal '" + path + "': cannot list its datasets");
    return ctx.out;
}

std::string hex(std::uint64_t v) {
    char s[17];
    std::snprintf(s, sizeof s, "%016llx", static_cast<unsigned long long>(v));
    return s;
}

Error damaged(const std::string& what) {
    return Error("the file does not match its whole-file seal (the file is damaged): " + what);
}

/// The datasets of a (digest-checked) map whose bytes no longer match, or that cannot be read.
std::vector<std::string> changedDatasets(std::FILE* f, const std::string& map,
                                         std::uint64_t hdf5Length) {
    std::vector<std::string> changed;
    std::istringstream lines(map);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream in(line);
        std::string digestHex;
        std::size_t count = 0;
        if (!(in >> digestHex >> count) || count > (std::size_t(1) << 24)) continue;
        std::vector<Range> ranges(count);
        bool inside = true;
        for (auto& [offset, length] : ranges) {
            char plus = 0;
            in >> offset >> plus >> length;
            inside = inside && in && plus == '+' && offset >= kSealBlockBytes &&
                     length <= hdf5Length && offset <= hdf5Length - length;
        }
        std::string name;
        std::getline(in >> std::ws, name);
        std::uint64_t now = 0;
        if (!inside || !digestRanges(f, ranges, now) || hex(now) != digestHex)
            changed.push_back(name);
    }
    return changed;
}

}  // namespace

std::uint64_t sealDigest(const unsigned char* data, std::size_t n) {
    Digest d;
    d.add(data, n);
    return d.value();
}

void sealFile(const std::string& path) {
    const auto datasets = datasetRanges(path);
    File f(std::fopen(path.c_str(), "r+b"));
    std::array<unsigned char, 4> sig{};
    if (!f || std::fread(sig.data(), 1, sig.size(), f.get()) != sig.size())
        throw Error("cannot seal '" + path + "': " + errnoText());
    if (std::memcmp(sig.data() + 1, "HDF", 3) == 0)  // HDF5's signature at 0: no user block
        throw Error("cannot seal '" + path + "': the file has no user block for the seal");
    const std::uint64_t hdf5Length = fileLength(f.get());
    std::string map;
    for (const auto& [name, ranges] : datasets) {
        std::uint64_t d = 0;
        if (!digestRanges(f.get(), ranges, d))
            throw Error("cannot seal '" + path + "': cannot read dataset '" + name + "'");
        map += hex(d) + " " + std::to_string(ranges.size());
        for (const auto& [offset, length] : ranges)
            map += " " + std::to_string(offset) + "+" + std::to_string(length);
        map += " " + name + "\n";
    }
    std::uint64_t body = 0;
    if (!digestRanges(f.get(), {{kSealBlockBytes, hdf5Length - kSealBlockBytes}}, body))
        throw Error("cannot seal '" + path + "': cannot read it back");
    std::array<unsigned char, kSealBlockBytes> block{};
    std::memcpy(block.data(), kMagic, sizeof kMagic);
    store64(block.data() + 8, hdf5Length);
    store64(block.data() + 16, body);
    store64(block.data() + 24, map.size());
    store64(block.data() + 32,
            sealDigest(reinterpret_cast<const unsigned char*>(map.data()), map.size()));
    const bool ok = std::fseek(f.get(), long(hdf5Length), SEEK_SET) == 0 &&
                    std::fwrite(map.data(), 1, map.size(), f.get()) == map.size() &&
                    std::fseek(f.get(), 0, SEEK_SET) == 0 &&
                    std::fwrite(block.data(), 1, block.size(), f.get()) == block.size() &&
                    std::fflush(f.get()) == 0;
    if (!ok) throw Error("cannot seal '" + path + "': " + errnoText());
}

bool checkSeal(const std::string& path) {
    File f(std::fopen(path.c_str(), "rb"));
    if (!f) return false;  // HDF5 says why it cannot open it
    std::array<unsigned char, kSealBlockBytes> block{};
    const std::size_t got = std::fread(block.data(), 1, block.size(), f.get());
    if (got < sizeof kMagic || std::memcmp(block.data(), kMagic, sizeof kMagic) != 0) return false;
    if (got < block.size()) throw damaged("it is shorter than its seal");
    for (std::size_t i = kHeaderBytes; i < block.size(); ++i)
        if (block[i] != 0) throw damaged("its seal was changed");
    const std::uint64_t hdf5Length = load64(block.data() + 8);
    const std::uint64_t mapLength = load64(block.data() + 24);
    const std::uint64_t length = fileLength(f.get());
    if (hdf5Length < kSealBlockBytes || mapLength > kMaxMapBytes ||
        length != hdf5Length + mapLength)
        throw damaged("it is truncated or extended: it has " + std::to_string(length) +
                      " bytes, sealed with " + std::to_string(hdf5Length + mapLength));
    std::string map(std::size_t(mapLength), '\0');
    const bool mapIntact = std::fseek(f.get(), long(hdf5Length), SEEK_SET) == 0 &&
                           std::fread(map.data(), 1, map.size(), f.get()) == map.size() &&
                           sealDigest(reinterpret_cast<const unsigned char*>(map.data()),
                                      map.size()) == load64(block.data() + 32);
    std::uint64_t body = 0;
    if (!digestRanges(f.get(), {{kSealBlockBytes, hdf5Length - kSealBlockBytes}}, body))
        throw damaged("it cannot be read");
    if (body == load64(block.data() + 16)) {
        if (!mapIntact) throw damaged("the map of its datasets changed");
        return true;
    }
    // Which dataset? The map, if it is intact, says whose bytes changed.
    if (!mapIntact) throw damaged("its bytes changed");
    const std::vector<std::string> changed = changedDatasets(f.get(), map, hdf5Length);
    if (changed.empty())
        throw damaged(
            "bytes outside the datasets' values changed (HDF5's structures, names or "
            "attributes)");
    std::string more;
    if (changed.size() > 1) more = " (and " + std::to_string(changed.size() - 1) + " more)";
    throw Error("dataset '" + changed.front() + "' failed its checksum" + more +
                " (the file is damaged)");
}

}  // namespace as::h5
