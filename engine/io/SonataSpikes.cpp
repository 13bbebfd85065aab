#include "io/SonataSpikes.h"

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "io/Hdf5Handle.h"
#include "io/Hdf5Integrity.h"

namespace as {
namespace {

// The SONATA spec (AllenInstitute/sonata, docs/SONATA_DEVELOPER_GUIDE.md): every SONATA HDF5 file
// has the root attributes magic (uint32 0x0A7A) and version (2 x uint32, the spec version, 0.1);
// a population's sorting is an HDF5 enum {none = 0, by_id = 1, by_time = 2}. The SONATA report
// writer stores the enum over a little-endian uint8, so do we; readers (libsonata over char, h5py)
// convert enums by member name.
constexpr std::uint32_t kSonataMagic = 0x0A7A;
constexpr std::uint32_t kSonataVersion[2] = {0, 1};

void check(herr_t r, const std::string& what) {
    if (r < 0) throw h5::Error(what);
}

/// type: an enum over memory type `base` (H5T_STD_U8LE in the file, H5T_NATIVE_UINT8 to read).
h5::Handle sortingType(hid_t base) {
    h5::Handle t(H5Tenum_create(base));
    if (!t.valid()) throw h5::Error("cannot create the sorting enum type");
    const char* names[] = {"none", "by_id", "by_time"};
    for (std::uint8_t v = 0; v < 3; ++v) {
        // H5Tenum_insert takes the value in the enum's base type: the same byte for U8LE and
        // native.
        check(H5Tenum_insert(t, names[v], &v), "cannot create the sorting enum type");
    }
    return t;
}

/// A uint32 attribute of `n` values (n = 1: a scalar).
void writeUint32Attribute(hid_t loc, const char* name, const std::uint32_t* values, hsize_t n) {
    h5::Handle space(n == 1 ? H5Screate(H5S_SCALAR) : H5Screate_simple(1, &n, nullptr));
    h5::Handle attr(H5Acreate2(loc, name, H5T_STD_U32LE, space, H5P_DEFAULT, H5P_DEFAULT));
    if (!attr.valid()) throw h5::Error(std::string("cannot create attribute '") + name + "'");
    check(H5Awrite(attr, H5T_NATIVE_UINT32, values),
          std::string("cannot write attribute '") + name + "'");
}

/// A variable-length UTF-8 string attribute (as the SONATA writers store `units`; h5py reads it as
/// str).
void writeVlenStringAttribute(hid_t loc, const char* name, const std::string& value) {
    h5::Handle type(H5Tcopy(H5T_C_S1));
    check(H5Tset_size(type, H5T_VARIABLE), "cannot create a string type");
    check(H5Tset_cset(type, H5T_CSET_UTF8), "cannot create a string type");
    h5::Handle space(H5Screate(H5S_SCALAR));
    h5::Handle attr(H5Acreate2(loc, name, type, space, H5P_DEFAULT, H5P_DEFAULT));
    if (!attr.valid()) throw h5::Error(std::string("cannot create attribute '") + name + "'");
    const char* data[1] = {value.c_str()};
    check(H5Awrite(attr, type, data), std::string("cannot write attribute '") + name + "'");
}

std::string aside(const std::string& path) {
    return path + ".tmp-" + std::to_string(::getpid());
}

}  // namespace

void writeSonataSpikes(const std::string& path, const std::vector<const SpikeRecord*>& records) {
    h5::silenceErrors();
    try {
        // Written aside and renamed, with Fletcher32 on both datasets and the root metadata digest
        // (docs/reliability.md); SONATA readers ignore the extra root attribute.
        h5::writeFileAtomically(path, "SONATA spikes", [&](hid_t file) {
            writeUint32Attribute(file, "magic", &kSonataMagic, 1);
            writeUint32Attribute(file, "version", kSonataVersion, 2);
            h5::Handle spikes = h5::createGroup(file, "spikes");
            for (const SpikeRecord* r : records) {
                h5::Handle pop = h5::createGroup(spikes, r->population);
                {
                    h5::Handle fileType = sortingType(H5T_STD_U8LE);
                    h5::Handle memType = sortingType(H5T_NATIVE_UINT8);
                    h5::Handle space(H5Screate(H5S_SCALAR));
                    h5::Handle attr(
                        H5Acreate2(pop, "sorting", fileType, space, H5P_DEFAULT, H5P_DEFAULT));
                    if (!attr.valid()) throw h5::Error("cannot create attribute 'sorting'");
                    const std::uint8_t byTime = 2;  // the records are in time order (SpikeRecord)
                    check(H5Awrite(attr, memType, &byTime), "cannot write attribute 'sorting'");
                }
                h5::writeDataset(pop, "timestamps", r->times,
                                 {hsize_t(r->times.size())});  // float64
                {
                    h5::Handle ds(H5Dopen2(pop, "timestamps", H5P_DEFAULT));
                    writeVlenStringAttribute(ds, "units", "ms");
                }
                std::vector<std::uint64_t> ids(r->ids.begin(), r->ids.end());
                const hsize_t n = ids.size();
                h5::Handle space(H5Screate_simple(1, &n, nullptr));
                h5::Handle dcpl = h5::checksummedCreation({n}, sizeof(std::uint64_t));
                h5::Handle ds(H5Dcreate2(pop, "node_ids", H5T_STD_U64LE, space, H5P_DEFAULT, dcpl,
                                         H5P_DEFAULT));
                if (!ds.valid()) throw h5::Error("cannot create dataset 'node_ids'");
                if (n)
                    check(
                        H5Dwrite(ds, H5T_NATIVE_UINT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, ids.data()),
                        "cannot write 'node_ids'");
            }
        });
    } catch (const std::exception& e) {
        throw h5::Error("cannot write SONATA spikes '" + path + "': " + e.what());
    }
}

std::vector<SpikeRecord> readSonataSpikes(const std::string& path) {
    h5::silenceErrors();
    if (!h5::isHdf5(path)) throw h5::Error("'" + path + "' is not an HDF5 file");
    h5::Handle file = h5::openFileReadOnly(path);
    h5::Handle spikes = h5::openGroup(file, "spikes");
    hsize_t count = 0;
    check(H5Gget_num_objs(spikes, &count), "cannot list '/spikes'");
    std::vector<SpikeRecord> out;
    for (hsize_t k = 0; k < count; ++k) {
        char name[256];
        H5Gget_objname_by_idx(spikes, k, name, sizeof name);
        h5::Handle pop = h5::openGroup(spikes, name);
        SpikeRecord r;
        r.population = name;
        r.times = h5::readDoubles(pop, "timestamps");
        h5::Handle ds(H5Dopen2(pop, "node_ids", H5P_DEFAULT));
        if (!ds.valid()) throw h5::Error("missing dataset '/spikes/" + r.population + "/node_ids'");
        std::vector<std::uint64_t> ids(r.times.size());
        const auto shape = h5::datasetShape(pop, "node_ids");
        if (shape.size() != 1 || shape[0] != ids.size())
            throw h5::Error("'/spikes/" + r.population +
                            "': node_ids and timestamps differ in length");
        if (!ids.empty())
            check(H5Dread(ds, H5T_NATIVE_UINT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, ids.data()),
                  "cannot read node_ids");
        for (auto id : ids) {
            r.ids.push_back(std::uint32_t(id));
            r.size = std::max(r.size, int(id) + 1);
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::string sonataSorting(const std::string& path, const std::string& population) {
    h5::silenceErrors();
    h5::Handle file = h5::openFileReadOnly(path);
    h5::Handle pop = h5::openGroup(file, "spikes/" + population);
    h5::Handle attr(H5Aopen(pop, "sorting", H5P_DEFAULT));
    if (!attr.valid()) throw h5::Error("missing attribute 'sorting'");
    h5::Handle type = sortingType(H5T_NATIVE_UINT8);
    std::uint8_t v = 0;
    check(H5Aread(attr, type, &v), "cannot read attribute 'sorting'");
    const char* names[] = {"none", "by_id", "by_time"};
    return v < 3 ? names[v] : "?";
}

void writeSpikesCsv(const std::string& path, const std::vector<const SpikeRecord*>& records) {
    const std::string tmp = aside(path);
    {
        std::ofstream f(tmp);
        if (!f) throw std::runtime_error("cannot write '" + path + "'");
        f << "population,node_id,timestamp_ms\n";
        char buf[64];
        for (const SpikeRecord* r : records)
            for (std::size_t k = 0; k < r->times.size(); ++k) {
                std::snprintf(buf, sizeof buf, "%.4f", r->times[k]);
                f << r->population << ',' << r->ids[k] << ',' << buf << '\n';
            }
        f.close();
        if (!f) {
            std::remove(tmp.c_str());
            throw std::runtime_error("cannot write '" + path + "'");
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        throw std::runtime_error("cannot write '" + path + "'");
    }
}

}  // namespace as
