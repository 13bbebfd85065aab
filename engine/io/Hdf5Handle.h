#pragma once
// Small RAII wrappers around the HDF5 C API for session files: one owning handle type, and
// free functions for groups, scalar attributes and 1D/2D datasets. HDF5's automatic error
// printing is silenced; every failure becomes an h5::Error whose message names the object.
#include <hdf5.h>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace as::h5 {

class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Turns off HDF5's printing of error stacks to stderr for the calling thread (idempotent; call
/// before any HDF5 use on a thread).
void silenceErrors();

/// An owning hid_t (file, group, dataset, attribute, dataspace or datatype), closed on destruction.
class Handle {
  public:
    Handle() = default;
    explicit Handle(hid_t id) : id_(id) {}
    Handle(Handle&& o) noexcept : id_(o.id_) { o.id_ = H5I_INVALID_HID; }
    Handle& operator=(Handle&& o) noexcept;
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    ~Handle() { reset(); }
    hid_t id() const { return id_; }
    operator hid_t() const { return id_; }
    bool valid() const { return id_ >= 0; }
    /// Closes now; throws Error if closing fails (e.g. the final flush of a file).
    void close();
    void reset() noexcept;

  private:
    hid_t id_ = H5I_INVALID_HID;
};

/// Whether `path` carries the HDF5 signature (false for text files, empty files, ...).
bool isHdf5(const std::string& path);
Handle createFile(const std::string& path);  ///< truncates
/// Writes a whole file atomically: `write` fills a new file at path + ".part", which then replaces
/// path by a rename, so a failure (exception from `write`, full disk) leaves the old file intact
/// and removes the partial one. Throws Error("cannot write <what> '<path>': ...") if the rename
/// fails.
void writeFileAtomically(const std::string& path, const std::string& what,
                         const std::function<void(hid_t file)>& write);
Handle openFileReadOnly(const std::string& path);

bool hasChild(hid_t loc, const std::string& name);
Handle createGroup(hid_t loc, const std::string& name);
/// Throws Error("missing group '<name>'") if absent.
Handle openGroup(hid_t loc, const std::string& name);

bool hasAttribute(hid_t loc, const std::string& name);
void writeAttribute(hid_t loc, const std::string& name, double value);
void writeAttribute(hid_t loc, const std::string& name, std::int64_t value);
void writeAttribute(hid_t loc, const std::string& name, const std::string& value);
/// Reads a numeric scalar attribute as double; throws Error naming it if missing or not numeric.
double readDoubleAttribute(hid_t loc, const std::string& name);
std::int64_t readIntAttribute(hid_t loc, const std::string& name);
/// Reads a string attribute (fixed or variable length).
std::string readStringAttribute(hid_t loc, const std::string& name);

/// Writes a dataset of the given shape (product of dims == data.size()).
void writeDataset(hid_t loc, const std::string& name, const std::vector<double>& data,
                  const std::vector<hsize_t>& dims);
void writeDataset(hid_t loc, const std::string& name, const std::vector<float>& data,
                  const std::vector<hsize_t>& dims);
/// Shape of a dataset; throws Error("missing dataset '<name>'") if absent.
std::vector<hsize_t> datasetShape(hid_t loc, const std::string& name);
std::vector<double> readDoubles(hid_t loc, const std::string& name);
std::vector<float> readFloats(hid_t loc, const std::string& name);

}  // namespace as::h5
