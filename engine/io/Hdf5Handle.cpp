#include "io/Hdf5Handle.h"

#include <filesystem>

#include "io/FileSeal.h"
#include "io/Hdf5Integrity.h"
#include "io/Hdf5Probe.h"

namespace as::h5 {
namespace {

/// Full HDF5 path of `name` under `loc`, for messages ("/ring/state/u").
std::string where(hid_t loc, const std::string& name) {
    std::string base;
    const ssize_t n = H5Iget_name(loc, nullptr, 0);
    if (n > 0) {
        base.resize(std::size_t(n) + 1);
        H5Iget_name(loc, base.data(), base.size());
        base.resize(std::size_t(n));
    }
    if (base.empty() || base.back() != '/') base += '/';
    return base + name;
}

/// "<what>: <why>" with HDF5's reason for the call that just failed (see failureReason()). `what`
/// must be built before the failing call: any HDF5 call in between clears HDF5's error stack.
[[noreturn]] void fail(const std::string& what) {
    const std::string why = failureReason();
    throw Error(why.empty() ? what : what + ": " + why);
}

Handle check(hid_t id, const std::string& what) {
    if (id < 0) fail(what);
    return Handle(id);
}

void checkStatus(herr_t status, const std::string& what) {
    if (status < 0) fail(what);
}

Handle openAttribute(hid_t loc, const std::string& name) {
    const std::string path = where(loc, name);
    if (!hasAttribute(loc, name)) throw Error("missing attribute '" + path + "'");
    return check(H5Aopen(loc, name.c_str(), H5P_DEFAULT), "cannot open attribute '" + path + "'");
}

void requireScalarNumber(hid_t attr, const std::string& path) {
    Handle space = check(H5Aget_space(attr), "cannot read attribute '" + path + "'");
    Handle type = check(H5Aget_type(attr), "cannot read attribute '" + path + "'");
    const H5T_class_t cls = H5Tget_class(type);
    if (H5Sget_simple_extent_npoints(space) != 1 || (cls != H5T_INTEGER && cls != H5T_FLOAT))
        throw Error("attribute '" + path + "' is not a number");
}

Handle openDataset(hid_t loc, const std::string& name) {
    const std::string path = where(loc, name);
    if (!hasChild(loc, name)) throw Error("missing dataset '" + path + "'");
    return check(H5Dopen2(loc, name.c_str(), H5P_DEFAULT), "cannot open dataset '" + path + "'");
}

template <class T>
void writeDatasetT(hid_t loc, const std::string& name, const std::vector<T>& data,
                   const std::vector<hsize_t>& dims, hid_t memType, hid_t fileType) {
    hsize_t count = 1;
    for (hsize_t d : dims) count *= d;
    const std::string path = where(loc, name);
    if (count != data.size()) throw Error("dataset '" + path + "': shape does not match the data");
    Handle space = check(H5Screate_simple(int(dims.size()), dims.data(), nullptr),
                         "cannot create dataspace for '" + path + "'");
    // Chunked with the Fletcher32 filter: HDF5 verifies every chunk on read (Hdf5Integrity.h).
    Handle dcpl = checksummedCreation(dims, sizeof(T));
    Handle set =
        check(H5Dcreate2(loc, name.c_str(), fileType, space, H5P_DEFAULT, dcpl, H5P_DEFAULT),
              "cannot create dataset '" + path + "'");
    if (count > 0)
        checkStatus(H5Dwrite(set, memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()),
                    "cannot write dataset '" + path + "'");
}

/// Refuses a dataset whose shape claims more data than the file stores for it (a damaged shape
/// would otherwise make the reader allocate terabytes). Only the Fletcher32 checksum filter keeps
/// stored and raw sizes equal; with any other (compressing) filter the stored bytes may be up to
/// 1000 times fewer.
void checkStoredSize(hid_t set, hid_t type, hssize_t n, const std::string& path) {
    const std::size_t elementSize = H5Tget_size(type);
    if (n == 0 || elementSize == 0) return;
    Handle dcpl = check(H5Dget_create_plist(set), "cannot read dataset '" + path + "'");
    double ratio = 1.0;
    const int filters = H5Pget_nfilters(dcpl);
    for (int i = 0; i < filters; ++i) {
        unsigned flags = 0, config = 0;
        std::size_t nelmts = 0;
        if (H5Pget_filter2(dcpl, unsigned(i), &flags, &nelmts, nullptr, 0, nullptr, &config) !=
            H5Z_FILTER_FLETCHER32)
            ratio = 1000.0;
    }
    const double raw = double(n) * double(elementSize);
    const double stored = double(H5Dget_storage_size(set));
    if (raw > ratio * stored)
        throw Error(
            "dataset '" + path + "' claims " + std::to_string(n) + " values but the file stores " +
            std::to_string(static_cast<long long>(stored)) + " bytes for it (damaged file?)");
}

template <class T>
std::vector<T> readDatasetT(hid_t loc, const std::string& name, hid_t memType) {
    const std::string path = where(loc, name);
    Handle set = openDataset(loc, name);
    Handle type = check(H5Dget_type(set), "cannot read dataset '" + path + "'");
    const H5T_class_t cls = H5Tget_class(type);
    if (cls != H5T_INTEGER && cls != H5T_FLOAT)
        throw Error("dataset '" + path + "' is not numeric");
    Handle space = check(H5Dget_space(set), "cannot read dataset '" + path + "'");
    const hssize_t n = H5Sget_simple_extent_npoints(space);
    if (n < 0) throw Error("cannot read the shape of dataset '" + path + "'");
    checkStoredSize(set, type, n, path);
    std::vector<T> out(static_cast<std::size_t>(n));
    if (n > 0 && H5Dread(set, memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0)
        datasetReadFailed(path);
    return out;
}

}  // namespace

void silenceErrors() {
    // Per thread: a thread-safe HDF5 keeps the error-printing setting per thread (a worker thread
    // loading a damaged model would otherwise print HDF5's error stack to stderr).
    thread_local bool silenced = false;
    if (silenced) return;
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    silenced = true;
}

Handle& Handle::operator=(Handle&& o) noexcept {
    if (this != &o) {
        reset();
        id_ = o.id_;
        o.id_ = H5I_INVALID_HID;
    }
    return *this;
}

void Handle::close() {
    if (id_ < 0) return;
    const hid_t id = id_;
    id_ = H5I_INVALID_HID;
    if (H5Idec_ref(id) < 0) throw Error("closing an HDF5 object failed");
}

void Handle::reset() noexcept {
    if (id_ >= 0) H5Idec_ref(id_);
    id_ = H5I_INVALID_HID;
}

bool isHdf5(const std::string& path) {
    silenceErrors();
    return H5Fis_hdf5(path.c_str()) > 0;
}

namespace {

/// Keeps a group's links and attributes in compact storage, inside its object header, which the
/// 1.10 format checksums. Past 8 of either HDF5 would move them to a fractal heap whose direct
/// blocks carry no checksum: a byte flipped there was decoded by libhdf5 1.10.8 into a bad free
/// (an ASan build of test_file_integrity), not refused.
void keepCompact(hid_t gcpl) {
    constexpr unsigned kMaxCompact = 65535;  // the most HDF5 allows
    checkStatus(H5Pset_link_phase_change(gcpl, kMaxCompact, kMaxCompact),
                "cannot keep a group's links compact");
    checkStatus(H5Pset_attr_phase_change(gcpl, kMaxCompact, kMaxCompact),
                "cannot keep a group's attributes compact");
}

}  // namespace

Handle createFile(const std::string& path) {
    silenceErrors();
    // The HDF5 1.10 file format: its superblock, object headers (attributes) and chunk indexes
    // carry checksums that HDF5 verifies on read (the 1.8 format's chunk B-trees have none).
    Handle fapl = check(H5Pcreate(H5P_FILE_ACCESS), "cannot create a file access property list");
    checkStatus(H5Pset_libver_bounds(fapl, H5F_LIBVER_V110, H5F_LIBVER_V110),
                "cannot select the HDF5 1.10 file format");
    Handle fcpl = check(H5Pcreate(H5P_FILE_CREATE), "cannot create a file creation property list");
    keepCompact(fcpl);  // the root group
    // A user block for the whole-file seal (io/FileSeal.h), written once the file is closed.
    checkStatus(H5Pset_userblock(fcpl, kSealBlockBytes), "cannot reserve the seal's user block");
    return check(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl, fapl),
                 "cannot create HDF5 file '" + path + "'");
}

Handle openFileReadOnly(const std::string& path) {
    silenceErrors();
    // Before libhdf5 parses anything: a damaged sealed file is refused here; a file without a seal
    // is read whole by libhdf5 in a child process first (io/Hdf5Probe.h).
    if (!checkSeal(path)) probeUnsealedFile(path);
    Handle f =
        check(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "the HDF5 file cannot be opened");
    if (hasChecksums(f)) verifyChecksums(f);
    return f;
}

bool hasChild(hid_t loc, const std::string& name) {
    const std::string path = where(loc, name);
    const htri_t r = H5Lexists(loc, name.c_str(), H5P_DEFAULT);
    if (r < 0) fail("cannot look up '" + path + "'");
    return r > 0;
}

Handle createGroup(hid_t loc, const std::string& name) {
    const std::string path = where(loc, name);
    Handle gcpl =
        check(H5Pcreate(H5P_GROUP_CREATE), "cannot create a group creation property list");
    keepCompact(gcpl);
    return check(H5Gcreate2(loc, name.c_str(), H5P_DEFAULT, gcpl, H5P_DEFAULT),
                 "cannot create group '" + path + "'");
}

Handle openGroup(hid_t loc, const std::string& name) {
    const std::string path = where(loc, name);
    if (!hasChild(loc, name)) throw Error("missing group '" + path + "'");
    H5O_info_t info;
#if H5_VERSION_GE(1, 12, 0)
    const herr_t st = H5Oget_info_by_name3(loc, name.c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT);
#else
    const herr_t st = H5Oget_info_by_name2(loc, name.c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT);
#endif
    if (st < 0) fail("cannot open '" + path + "'");
    if (info.type != H5O_TYPE_GROUP) throw Error("'" + path + "' is not a group");
    return check(H5Gopen2(loc, name.c_str(), H5P_DEFAULT), "cannot open group '" + path + "'");
}

bool hasAttribute(hid_t loc, const std::string& name) {
    const std::string path = where(loc, name);
    const htri_t r = H5Aexists(loc, name.c_str());
    if (r < 0) fail("cannot look up attribute '" + path + "'");
    return r > 0;
}

namespace {

/// A scalar attribute of fileType holding *value (memType in memory).
void writeScalarAttribute(hid_t loc, const std::string& name, hid_t fileType, hid_t memType,
                          const void* value) {
    const std::string path = where(loc, name);
    Handle space = check(H5Screate(H5S_SCALAR), "cannot create dataspace");
    Handle attr = check(H5Acreate2(loc, name.c_str(), fileType, space, H5P_DEFAULT, H5P_DEFAULT),
                        "cannot create attribute '" + path + "'");
    checkStatus(H5Awrite(attr, memType, value), "cannot write attribute '" + path + "'");
}

}  // namespace

void writeAttribute(hid_t loc, const std::string& name, double value) {
    writeScalarAttribute(loc, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value);
}

void writeAttribute(hid_t loc, const std::string& name, std::int64_t value) {
    writeScalarAttribute(loc, name, H5T_STD_I64LE, H5T_NATIVE_INT64, &value);
}

void writeAttribute(hid_t loc, const std::string& name, const std::string& value) {
    Handle type = check(H5Tcopy(H5T_C_S1), "cannot create string type");
    checkStatus(H5Tset_size(type, value.empty() ? 1 : value.size()), "cannot size string type");
    checkStatus(H5Tset_strpad(type, H5T_STR_NULLPAD), "cannot pad string type");
    checkStatus(H5Tset_cset(type, H5T_CSET_UTF8), "cannot set string charset");
    const std::string buf = value.empty() ? std::string(1, '\0') : value;
    writeScalarAttribute(loc, name, type, type, buf.data());
}

double readDoubleAttribute(hid_t loc, const std::string& name) {
    const std::string path = where(loc, name);
    Handle attr = openAttribute(loc, name);
    requireScalarNumber(attr, path);
    double v = 0;
    checkStatus(H5Aread(attr, H5T_NATIVE_DOUBLE, &v), "cannot read attribute '" + path + "'");
    return v;
}

std::int64_t readIntAttribute(hid_t loc, const std::string& name) {
    const std::string path = where(loc, name);
    Handle attr = openAttribute(loc, name);
    requireScalarNumber(attr, path);
    Handle type = check(H5Aget_type(attr), "cannot read attribute '" + path + "'");
    if (H5Tget_class(type) != H5T_INTEGER)
        throw Error("attribute '" + path + "' is not an integer");
    std::int64_t v = 0;
    checkStatus(H5Aread(attr, H5T_NATIVE_INT64, &v), "cannot read attribute '" + path + "'");
    return v;
}

std::string readStringAttribute(hid_t loc, const std::string& name) {
    const std::string path = where(loc, name);
    Handle attr = openAttribute(loc, name);
    Handle type = check(H5Aget_type(attr), "cannot read attribute '" + path + "'");
    Handle space = check(H5Aget_space(attr), "cannot read attribute '" + path + "'");
    if (H5Tget_class(type) != H5T_STRING || H5Sget_simple_extent_npoints(space) != 1)
        throw Error("attribute '" + path + "' is not a string");
    if (H5Tis_variable_str(type) > 0) {
        Handle mem = check(H5Tcopy(H5T_C_S1), "cannot create string type");
        H5Tset_size(mem, H5T_VARIABLE);
        H5Tset_cset(mem, H5Tget_cset(type));
        char* s = nullptr;
        checkStatus(H5Aread(attr, mem, &s), "cannot read attribute '" + path + "'");
        std::string out = s ? s : "";
        H5free_memory(s);
        return out;
    }
    const std::size_t size = H5Tget_size(type);
    if (size > H5Aget_storage_size(attr))  // a damaged type must not make us allocate its claim
        throw Error("attribute '" + path + "' claims " + std::to_string(size) +
                    " bytes but the file stores fewer (damaged file?)");
    std::string buf(size, '\0');
    checkStatus(H5Aread(attr, type, buf.data()), "cannot read attribute '" + path + "'");
    const auto end = buf.find('\0');
    if (end != std::string::npos) buf.resize(end);
    while (!buf.empty() && buf.back() == ' ') buf.pop_back();  // space-padded strings
    return buf;
}

void writeDataset(hid_t loc, const std::string& name, const std::vector<double>& data,
                  const std::vector<hsize_t>& dims) {
    writeDatasetT(loc, name, data, dims, H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE);
}

void writeDataset(hid_t loc, const std::string& name, const std::vector<float>& data,
                  const std::vector<hsize_t>& dims) {
    writeDatasetT(loc, name, data, dims, H5T_NATIVE_FLOAT, H5T_IEEE_F32LE);
}

std::vector<hsize_t> datasetShape(hid_t loc, const std::string& name) {
    const std::string path = where(loc, name);
    Handle set = openDataset(loc, name);
    Handle space = check(H5Dget_space(set), "cannot read dataset '" + path + "'");
    const int rank = H5Sget_simple_extent_ndims(space);
    if (rank < 0) throw Error("cannot read the shape of dataset '" + path + "'");
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    if (rank > 0) H5Sget_simple_extent_dims(space, dims.data(), nullptr);
    return dims;
}

std::vector<double> readDoubles(hid_t loc, const std::string& name) {
    return readDatasetT<double>(loc, name, H5T_NATIVE_DOUBLE);
}

std::vector<float> readFloats(hid_t loc, const std::string& name) {
    return readDatasetT<float>(loc, name, H5T_NATIVE_FLOAT);
}

void writeFileAtomically(const std::string& path, const std::string& what,
                         const std::function<void(hid_t file)>& write) {
    const std::string tmp = path + ".part";
    try {
        Handle f = createFile(tmp);
        write(f);
        writeChecksums(f);
        f.close();
        sealFile(tmp);
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        throw;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw Error("cannot write " + what + " '" + path + "': " + ec.message());
}

}  // namespace as::h5
