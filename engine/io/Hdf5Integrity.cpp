#include "io/Hdf5Integrity.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace as::h5 {
namespace {

constexpr const char* kDigestPrefix = "fnv1a64:";
constexpr int kMaxDepth = 64;  // guards the walk against link cycles in foreign files
constexpr hsize_t kReadBlockBytes = hsize_t(64) << 20;  // readEverything's read size
constexpr hsize_t kMaxRowBytes = hsize_t(1) << 30;      // one row (all axes but the first)

/// 64-bit FNV-1a over a canonical byte stream (integers little-endian, strings length-prefixed).
class Digest {
  public:
    void bytes(const void* data, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < n; ++i) {
            h_ ^= p[i];
            h_ *= 0x100000001b3ull;
        }
    }
    void u64(std::uint64_t v) {
        unsigned char b[8];
        for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(v >> (8 * i));
        bytes(b, 8);
    }
    void text(const std::string& s) {
        u64(s.size());
        bytes(s.data(), s.size());
    }
    std::string hex() const {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
        return kDigestPrefix + std::string(buf);
    }

  private:
    std::uint64_t h_ = 0xcbf29ce484222325ull;
};

struct StackScan {
    bool checksum = false;
    std::string innermost;
};

herr_t scanError(unsigned n, const H5E_error2_t* e, void* data) {
    auto* s = static_cast<StackScan*>(data);
    const std::string desc = e && e->desc ? e->desc : "";
    if (desc.find("checksum") != std::string::npos) s->checksum = true;
    if (n == 0) s->innermost = desc;
    return 0;
}

std::string childPath(const std::string& parent, const std::string& name) {
    return parent == "/" ? "/" + name : parent + "/" + name;
}

[[noreturn]] void damaged(const std::string& what) {
    const std::string why = failureReason();
    throw Error(what + (why.empty() ? " (the file is damaged)" : ": " + why));
}

/// Feeds the object's attributes (by name, increasing) into the digest.
class Walker {
  public:
    Walker(Digest& d, bool verify, bool readValues = false)
        : d_(d), verify_(verify), readValues_(readValues) {}

    void object(hid_t obj, const std::string& path, int depth) {
        if (depth > kMaxDepth) throw Error("'" + path + "' is nested too deeply (a link cycle?)");
        const H5I_type_t kind = H5Iget_type(obj);
        if (kind == H5I_GROUP) {
            d_.text("group");
            d_.text(path);
            attributes(obj, path);
            children(obj, path, depth);
        } else if (kind == H5I_DATASET) {
            d_.text("dataset");
            d_.text(path);
            dataset(obj, path);
            attributes(obj, path);
        } else {
            d_.text("object");
            d_.text(path);
            d_.u64(std::uint64_t(kind));
            attributes(obj, path);
        }
    }

  private:
    void dataset(hid_t set, const std::string& path) {
        Handle type(H5Dget_type(set));
        if (!type.valid()) damaged("cannot read the type of dataset '" + path + "'");
        Handle space(H5Dget_space(set));
        if (!space.valid()) damaged("cannot read the shape of dataset '" + path + "'");
        typeInfo(type);
        const int rank = H5Sget_simple_extent_ndims(space);
        if (rank < 0) damaged("cannot read the shape of dataset '" + path + "'");
        std::vector<hsize_t> dims(std::size_t(rank), 0);
        if (rank > 0) H5Sget_simple_extent_dims(space, dims.data(), nullptr);
        d_.u64(std::uint64_t(rank));
        hsize_t count = 1;
        for (hsize_t v : dims) {
            d_.u64(v);
            count *= v;
        }
        if (readValues_ && count > 0) values(set, type, dims, path);
        if (!verify_ || count == 0) return;
        Handle dcpl(H5Dget_create_plist(set));
        if (!dcpl.valid()) damaged("cannot read the layout of dataset '" + path + "'");
        unsigned flags = 0;
        std::size_t nelmts = 0;
        unsigned config = 0;
        const herr_t has = H5Pget_filter_by_id2(dcpl, H5Z_FILTER_FLETCHER32, &flags, &nelmts,
                                                nullptr, 0, nullptr, &config);
        if (has < 0) throw Error("dataset '" + path + "' carries no checksum (Fletcher32 filter)");
    }

    /// Reads every stored value of the dataset, in blocks of whole rows (at most kReadBlockBytes
    /// each, unless one row is larger), so its layout, chunk index and filters are decoded as a
    /// loader's read decodes them.
    void values(hid_t set, hid_t type, const std::vector<hsize_t>& dims, const std::string& path) {
        if (H5Tdetect_class(type, H5T_VLEN) > 0 || H5Tdetect_class(type, H5T_REFERENCE) > 0 ||
            H5Tis_variable_str(type) > 0)
            return;  // never written by this product; their values live in heaps of their own
        const std::size_t size = H5Tget_size(type);
        if (size == 0) damaged("cannot read the type of dataset '" + path + "'");
        std::vector<unsigned char> buf;
        if (dims.empty()) {  // a scalar
            buf.resize(size);
            if (H5Dread(set, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data()) < 0)
                datasetReadFailed(path);
            return;
        }
        hsize_t rowBytes = size;
        for (std::size_t i = 1; i < dims.size(); ++i) {
            if (dims[i] > kMaxRowBytes / rowBytes)
                throw Error("dataset '" + path + "' declares rows of more than " +
                            std::to_string(kMaxRowBytes) + " bytes (the file is damaged)");
            rowBytes *= dims[i];
        }
        const hsize_t rows = std::max<hsize_t>(1, kReadBlockBytes / rowBytes);
        Handle fileSpace(H5Dget_space(set));
        if (!fileSpace.valid()) damaged("cannot read the shape of dataset '" + path + "'");
        std::vector<hsize_t> start(dims.size(), 0), count = dims;
        for (hsize_t r = 0; r < dims[0]; r += rows) {
            start[0] = r;
            count[0] = std::min(rows, dims[0] - r);
            Handle mem(H5Screate_simple(int(dims.size()), count.data(), nullptr));
            if (!mem.valid() || H5Sselect_hyperslab(fileSpace, H5S_SELECT_SET, start.data(),
                                                    nullptr, count.data(), nullptr) < 0)
                damaged("cannot select rows of dataset '" + path + "'");
            buf.resize(std::size_t(count[0] * rowBytes));
            if (H5Dread(set, type, mem, fileSpace, H5P_DEFAULT, buf.data()) < 0)
                datasetReadFailed(path);
        }
    }

    void typeInfo(hid_t type) {
        d_.u64(std::uint64_t(H5Tget_class(type)));
        d_.u64(std::uint64_t(H5Tget_size(type)));
        d_.u64(std::uint64_t(H5Tget_order(type) + 1));  // H5T_ORDER_NONE (-1 .. ) made >= 0
    }

    void attributes(hid_t obj, const std::string& path) {
        std::vector<std::string> names;
        hsize_t idx = 0;
        const herr_t st = H5Aiterate2(obj, H5_INDEX_NAME, H5_ITER_INC, &idx, collectName, &names);
        if (st < 0) damaged("cannot list the attributes of '" + path + "'");
        for (const std::string& name : names) {
            if (path == "/" && name == kChecksumAttribute) continue;
            attribute(obj, path, name);
        }
    }

    static herr_t collectName(hid_t, const char* name, const H5A_info_t*, void* data) {
        static_cast<std::vector<std::string>*>(data)->push_back(name);
        return 0;
    }

    void attribute(hid_t obj, const std::string& path, const std::string& name) {
        const std::string what = "attribute '" + childPath(path, name) + "'";
        Handle attr(H5Aopen(obj, name.c_str(), H5P_DEFAULT));
        if (!attr.valid()) damaged("cannot open " + what);
        Handle type(H5Aget_type(attr));
        if (!type.valid()) damaged("cannot read the type of " + what);
        Handle space(H5Aget_space(attr));
        if (!space.valid()) damaged("cannot read the shape of " + what);
        const hssize_t n = H5Sget_simple_extent_npoints(space);
        if (n < 0) damaged("cannot read the shape of " + what);
        d_.text("attribute");
        d_.text(name);
        typeInfo(type);
        d_.u64(std::uint64_t(n));
        if (H5Tis_variable_str(type) > 0) {  // foreign files: hash the strings' characters
            Handle mem(H5Tcopy(H5T_C_S1));
            H5Tset_size(mem, H5T_VARIABLE);
            H5Tset_cset(mem, H5Tget_cset(type));  // no conversion between ASCII and UTF-8
            std::vector<char*> strings(std::size_t(n), nullptr);
            if (n > 0 && H5Aread(attr, mem, strings.data()) < 0) damaged("cannot read " + what);
            for (char* s : strings) {
                d_.text(s ? s : "");
                H5free_memory(s);
            }
            return;
        }
        if (H5Tdetect_class(type, H5T_VLEN) > 0 || H5Tdetect_class(type, H5T_REFERENCE) > 0) {
            d_.text("unhashed");  // never written by this product
            return;
        }
        std::vector<unsigned char> raw(std::size_t(n) * H5Tget_size(type));
        if (!raw.empty() && H5Aread(attr, type, raw.data()) < 0) damaged("cannot read " + what);
        d_.bytes(raw.data(), raw.size());
    }

    void children(hid_t group, const std::string& path, int depth) {
        H5G_info_t info;
        if (H5Gget_info(group, &info) < 0) damaged("cannot list group '" + path + "'");
        for (hsize_t i = 0; i < info.nlinks; ++i) {
            const ssize_t len = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i,
                                                   nullptr, 0, H5P_DEFAULT);
            if (len < 0) damaged("cannot list group '" + path + "'");
            std::string name(std::size_t(len) + 1, '\0');
            H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size(),
                               H5P_DEFAULT);
            name.resize(std::size_t(len));
            const std::string child = childPath(path, name);
            H5L_info_t link;
            if (H5Lget_info(group, name.c_str(), &link, H5P_DEFAULT) < 0)
                damaged("cannot read link '" + child + "'");
            if (link.type != H5L_TYPE_HARD) {
                d_.text("link");
                d_.text(child);
                d_.u64(std::uint64_t(link.type));
                continue;
            }
            Handle obj(H5Oopen(group, name.c_str(), H5P_DEFAULT));
            if (!obj.valid()) damaged("cannot open '" + child + "'");
            object(obj, child, depth + 1);
        }
    }

    Digest& d_;
    bool verify_;
    bool readValues_;
};

std::string digestOf(hid_t file, bool verify, bool readValues = false) {
    Handle root(H5Gopen2(file, "/", H5P_DEFAULT));
    if (!root.valid()) damaged("cannot open the root group");
    Digest d;
    d.text("attractor-studio metadata digest 1");
    Walker(d, verify, readValues).object(root, "/", 0);
    return d.hex();
}

}  // namespace

std::vector<hsize_t> chunkShape(const std::vector<hsize_t>& dims, std::size_t elementBytes) {
    std::vector<hsize_t> chunk = dims;
    for (std::size_t a = 0; a < chunk.size(); ++a) {
        hsize_t inner = hsize_t(elementBytes);
        for (std::size_t b = a + 1; b < chunk.size(); ++b) inner *= chunk[b];
        if (inner * chunk[a] <= kMaxChunkBytes) break;
        if (inner >= kMaxChunkBytes) {
            chunk[a] = 1;
            continue;
        }
        // As many chunks as needed along this axis, of equal extent: HDF5 stores edge chunks at
        // full size, so 784 rows in chunks of 262 (786) rather than 334 (1002).
        const hsize_t most = std::max<hsize_t>(1, hsize_t(kMaxChunkBytes) / inner);
        const hsize_t count = (chunk[a] + most - 1) / most;
        chunk[a] = (chunk[a] + count - 1) / count;
        break;
    }
    return chunk;
}

Handle checksummedCreation(const std::vector<hsize_t>& dims, std::size_t elementBytes) {
    Handle dcpl(H5Pcreate(H5P_DATASET_CREATE));
    if (!dcpl.valid()) throw Error("cannot create a dataset property list");
    hsize_t count = 1;
    for (hsize_t d : dims) count *= d;
    if (count == 0 || dims.empty()) return dcpl;
    const std::vector<hsize_t> chunk = chunkShape(dims, elementBytes);
    if (H5Pset_chunk(dcpl, int(chunk.size()), chunk.data()) < 0 || H5Pset_fletcher32(dcpl) < 0)
        throw Error("cannot set up the checksummed layout of a dataset");
    return dcpl;
}

std::string failureReason() {
    StackScan scan;
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, scanError, &scan);
    if (scan.checksum) return "failed its checksum (the file is damaged)";
    if (!scan.innermost.empty())
        return "the file is damaged or truncated (HDF5: " + scan.innermost + ")";
    return {};
}

void datasetReadFailed(const std::string& path) {
    const std::string why = failureReason();
    if (why.find("checksum") != std::string::npos) throw Error("dataset '" + path + "' " + why);
    throw Error("cannot read dataset '" + path +
                "': " + (why.empty() ? "the file is damaged or truncated" : why));
}

void writeChecksums(hid_t file) {
    if (H5Aexists(file, kChecksumAttribute) > 0 && H5Adelete(file, kChecksumAttribute) < 0)
        throw Error("cannot replace attribute '/" + std::string(kChecksumAttribute) + "'");
    writeAttribute(file, kChecksumAttribute, digestOf(file, false));
}

bool hasChecksums(hid_t file) {
    return hasAttribute(file, kChecksumAttribute);
}

void verifyChecksums(hid_t file) {
    const std::string stored = readStringAttribute(file, kChecksumAttribute);
    if (stored.rfind(kDigestPrefix, 0) != 0)
        throw Error("attribute '/" + std::string(kChecksumAttribute) +
                    "' holds an unknown kind of checksum ('" + stored.substr(0, 16) +
                    "'; written by a newer version, or damaged)");
    if (digestOf(file, true) != stored)
        throw Error("attributes do not match their checksum (the file is damaged)");
}

void readEverything(hid_t file) {
    (void)digestOf(file, false, true);
}

}  // namespace as::h5
