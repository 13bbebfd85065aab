#pragma once
// Damaged copies of a file for the integrity tests: byte flips at seeded offsets spread across the
// whole file, each variant either loaded (then its data is compared with the original's) or refused
// (then the message must name the file). Header-only: used by tests/engine and tests/app.
//
// "Loaded data" is compared through the product's own writer: the loaded object is saved again
// and the re-saved file's content (every attribute's value and every dataset's bytes, by path) is
// compared with that of the original re-saved the same way (fileContent()).
#include <hdf5.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace as::test {

/// Every attribute's value and every dataset's bytes, keyed "<object path>@<attribute>" or the
/// dataset path; the root checksum attribute and app_version are left out.
using FileContent = std::map<std::string, std::vector<unsigned char>>;

namespace detail {

inline void attributesOf(hid_t obj, const std::string& path, FileContent& out) {
    struct Ctx {
        std::string path;
        FileContent* out;
    } ctx{path, &out};
    hsize_t idx = 0;
    H5Aiterate2(
        obj, H5_INDEX_NAME, H5_ITER_INC, &idx,
        [](hid_t loc, const char* name, const H5A_info_t*, void* data) -> herr_t {
            auto* c = static_cast<Ctx*>(data);
            const std::string n = name;
            if (c->path == "/" && (n == "metadata_checksum" || n == "app_version")) return 0;
            const hid_t a = H5Aopen(loc, name, H5P_DEFAULT);
            const hid_t t = H5Aget_type(a), s = H5Aget_space(a);
            std::vector<unsigned char> v(std::size_t(H5Sget_simple_extent_npoints(s)) *
                                         H5Tget_size(t));
            if (!v.empty()) H5Aread(a, t, v.data());
            (*c->out)[c->path + "@" + n] = v;
            H5Sclose(s);
            H5Tclose(t);
            H5Aclose(a);
            return 0;
        },
        &ctx);
}

inline void walk(hid_t obj, const std::string& path, FileContent& out) {
    attributesOf(obj, path, out);
    if (H5Iget_type(obj) == H5I_DATASET) {
        const hid_t t = H5Dget_type(obj), s = H5Dget_space(obj);
        std::vector<unsigned char> v(std::size_t(H5Sget_simple_extent_npoints(s)) * H5Tget_size(t));
        if (!v.empty()) H5Dread(obj, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data());
        hsize_t dims[8] = {};
        const int rank = H5Sget_simple_extent_ndims(s);
        H5Sget_simple_extent_dims(s, dims, nullptr);
        for (int d = 0; d < rank; ++d)  // the shape is part of the content
            for (int b = 0; b < 8; ++b) v.push_back(static_cast<unsigned char>(dims[d] >> (8 * b)));
        out[path] = v;
        H5Sclose(s);
        H5Tclose(t);
        return;
    }
    H5G_info_t info;
    if (H5Gget_info(obj, &info) < 0) return;
    for (hsize_t i = 0; i < info.nlinks; ++i) {
        char name[512];
        H5Lget_name_by_idx(obj, ".", H5_INDEX_NAME, H5_ITER_INC, i, name, sizeof name, H5P_DEFAULT);
        const hid_t child = H5Oopen(obj, name, H5P_DEFAULT);
        std::string childPath = path;
        if (childPath != "/") childPath += '/';
        childPath += name;
        walk(child, childPath, out);
        H5Oclose(child);
    }
}

}  // namespace detail

/// The content of an (undamaged) HDF5 file, for comparing two saves of the same data.
inline FileContent fileContent(const std::string& path) {
    FileContent out;
    const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (f < 0) return out;
    const hid_t root = H5Gopen2(f, "/", H5P_DEFAULT);
    detail::walk(root, "/", out);
    H5Gclose(root);
    H5Fclose(f);
    return out;
}

/// Changes one byte among the stored values of `dataset` (a path such as "/ring/state/u") in
/// `file`, found by searching the file for the dataset's first bytes (the product stores values
/// unencoded, followed by their Fletcher32 checksum). Returns false if the dataset or its bytes
/// were not found.
inline bool damageDataset(const std::string& file, const std::string& dataset) {
    std::vector<unsigned char> values;
    {
        const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
        if (f < 0) return false;
        const hid_t d = H5Dopen2(f, dataset.c_str(), H5P_DEFAULT);
        if (d >= 0) {
            const hid_t t = H5Dget_type(d), s = H5Dget_space(d);
            values.resize(std::size_t(H5Sget_simple_extent_npoints(s)) * H5Tget_size(t));
            if (!values.empty()) H5Dread(d, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
            H5Sclose(s);
            H5Tclose(t);
            H5Dclose(d);
        }
        H5Fclose(f);
    }
    if (values.size() < 32) return false;
    std::ifstream in(file, std::ios::binary);
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)),
                                     std::istreambuf_iterator<char>());
    in.close();
    const auto it = std::search(bytes.begin(), bytes.end(), values.begin(), values.begin() + 32);
    if (it == bytes.end()) return false;
    *(it + 5) ^= 0x20;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    return true;
}

struct FlipCounts {
    int variants = 0, identical = 0, refused = 0, different = 0, unnamed = 0;
    std::vector<std::string> problems;  ///< one line per silently different or unnamed refusal
};

/// Writes `variants` damaged copies of `original` (one byte XORed with a nonzero seeded mask at an
/// offset drawn from the i-th of `variants` equal strata of the file) and runs `loadAndResave` on
/// each: it loads the variant and saves what it loaded to its second argument, or throws. A refusal
/// must name the variant's path; a load must give the content of `reference` (the original loaded
/// and re-saved the same way).
inline FlipCounts flipVariants(
    const std::string& original, const FileContent& reference, int variants, std::uint64_t seed,
    const std::function<void(const std::string&, const std::string&)>& loadAndResave) {
    std::ifstream in(original, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    std::mt19937_64 rng(seed);
    FlipCounts c;
    const std::string variant = original + ".flipped.h5", resaved = original + ".resaved.h5";
    for (int i = 0; i < variants; ++i) {
        const std::size_t lo = bytes.size() * std::size_t(i) / std::size_t(variants);
        const std::size_t hi = bytes.size() * std::size_t(i + 1) / std::size_t(variants);
        const std::size_t offset =
            lo + std::size_t(rng() % std::uint64_t(std::max<std::size_t>(1, hi - lo)));
        const auto mask = static_cast<char>(1 + rng() % 255);
        std::vector<char> damaged = bytes;
        damaged[offset] = static_cast<char>(damaged[offset] ^ mask);
        {
            std::ofstream out(variant, std::ios::binary | std::ios::trunc);
            out.write(damaged.data(), std::streamsize(damaged.size()));
        }
        ++c.variants;
        std::filesystem::remove(resaved);
        try {
            loadAndResave(variant, resaved);
        } catch (const std::exception& e) {
            ++c.refused;
            if (std::string(e.what()).find(variant) == std::string::npos) {
                ++c.unnamed;
                c.problems.push_back("offset " + std::to_string(offset) +
                                     ": refusal without the file: " + e.what());
            }
            continue;
        }
        if (fileContent(resaved) == reference) {
            ++c.identical;
        } else {
            ++c.different;
            c.problems.push_back("offset " + std::to_string(offset) + ": loaded different data");
        }
    }
    std::filesystem::remove(variant);
    std::filesystem::remove(resaved);
    return c;
}

}  // namespace as::test
