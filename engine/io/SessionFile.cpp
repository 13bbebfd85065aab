#include "io/SessionFile.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "io/FileSeal.h"
#include "io/Hdf5Handle.h"
#include "io/Hdf5Integrity.h"

// Compatibility rules (docs/session-format.md):
//  - format_version is bumped only when an existing field changes meaning or layout; adding a
//    parameter, attribute, channel or group does not bump it.
//  - Loading ignores keys it does not know (files from later versions of the same format), and a
//    parameter missing from the file takes its default (files from earlier versions), so every file
//    written by this version keeps loading in later versions.

namespace as {
namespace {

namespace fs = std::filesystem;

std::string tempPathFor(const std::string& path) {
    return path + ".tmp-" + std::to_string(::getpid());
}

std::string errnoText() {
    return std::strerror(errno);
}

}  // namespace

// --- writer ---------------------------------------------------------------------------------

struct SessionWriter::Impl {
    std::string path, tmp;
    h5::Handle file;
    bool created = false, committed = false;
};

SessionWriter::SessionWriter(const std::string& path, const std::string& openLab)
    : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    impl_->tmp = tempPathFor(path);
    // Create the temporary file first so an unwritable directory is reported with the operating
    // system's reason rather than HDF5's generic one.
    std::FILE* f = std::fopen(impl_->tmp.c_str(), "wb");
    if (!f) fail("cannot create '" + impl_->tmp + "': " + errnoText());
    std::fclose(f);
    impl_->created = true;
    try {
        impl_->file = h5::createFile(impl_->tmp);
        h5::writeAttribute(impl_->file, "format", std::string(kSessionFormatName));
        h5::writeAttribute(impl_->file, "format_version", std::int64_t(kSessionFormatVersion));
        h5::writeAttribute(impl_->file, "app_version", std::string(AS_VERSION));
        h5::writeAttribute(impl_->file, "lab", openLab);
    } catch (const std::exception& e) {
        fail(e.what());
    }
}

SessionWriter::~SessionWriter() {
    if (!impl_) return;
    impl_->file.reset();
    if (impl_->created && !impl_->committed) std::remove(impl_->tmp.c_str());
}

hid_t SessionWriter::root() const {
    return impl_->file;
}

void SessionWriter::fail(const std::string& why) {
    impl_->file.reset();
    if (impl_->created) std::remove(impl_->tmp.c_str());
    impl_->created = false;
    throw SessionError("cannot write session '" + impl_->path + "': " + why);
}

void SessionWriter::commit() {
    try {
        h5::writeChecksums(impl_->file);  // last: covers every lab's group
        impl_->file.close();
        h5::sealFile(impl_->tmp);  // the whole file, checked before libhdf5 reads it
    } catch (const std::exception& e) {
        fail(e.what());
    }
    if (std::rename(impl_->tmp.c_str(), impl_->path.c_str()) != 0)
        fail("cannot rename '" + impl_->tmp + "' over it: " + errnoText());
    impl_->committed = true;
}

// --- reader ---------------------------------------------------------------------------------

struct SessionReader::Impl {
    std::string path, lab = "ring";
    int version = 0;
    h5::Handle file;
};

SessionReader::SessionReader(const std::string& path) : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) fail("no such file");
    if (!fs::is_regular_file(status)) fail("not a regular file");
    {
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) fail("cannot open: " + errnoText());
        std::fclose(f);
    }
    if (fs::file_size(path, ec) == 0) fail("the file is empty (not an HDF5 session file)");
    if (!h5::isHdf5(path)) fail("not an HDF5 file (no HDF5 signature; is it a session file?)");
    read([&](hid_t) {
        impl_->file = h5::openFileReadOnly(path);
        const hid_t f = impl_->file;
        if (!h5::hasAttribute(f, "format"))
            throw h5::Error(
                "not an Attractor Studio session file (HDF5 without a 'format' attribute)");
        const std::string format = h5::readStringAttribute(f, "format");
        if (format != kSessionFormatName)
            throw h5::Error("not an Attractor Studio session file (format is '" + format +
                            "', expected '" + kSessionFormatName + "')");
        const std::int64_t version = h5::readIntAttribute(f, "format_version");
        if (version > kSessionFormatVersion)
            throw h5::Error("written by a newer Attractor Studio (format " +
                            std::to_string(version) + "), this version reads up to " +
                            std::to_string(kSessionFormatVersion));
        if (version < 1) throw h5::Error("invalid format_version " + std::to_string(version));
        if (version >= kFirstChecksummedSessionVersion && !h5::hasChecksums(f))
            throw h5::Error("a format " + std::to_string(version) +
                            " file must carry attribute '/" + h5::kChecksumAttribute +
                            "' (damaged, or altered by another program)");
        impl_->version = int(version);
        if (h5::hasAttribute(f, "lab")) impl_->lab = h5::readStringAttribute(f, "lab");
        return 0;
    });
}

SessionReader::~SessionReader() = default;

hid_t SessionReader::root() const {
    return impl_->file;
}
const std::string& SessionReader::path() const {
    return impl_->path;
}
const std::string& SessionReader::lab() const {
    return impl_->lab;
}
int SessionReader::formatVersion() const {
    return impl_->version;
}
bool SessionReader::hasGroup(const std::string& name) const {
    return read([&](hid_t root) { return h5::hasChild(root, name); });  // a failure names the file
}

void SessionReader::fail(const std::string& why) const {
    throw SessionError("cannot load session '" + impl_->path + "': " + why);
}

// --- CSV ------------------------------------------------------------------------------------

void exportTracesCsv(const std::string& path, const TraceBuffer& traces) {
    const std::string tmp = tempPathFor(path);
    std::FILE* f = std::fopen(tmp.c_str(), "w");
    if (!f)
        throw SessionError("cannot write CSV '" + path + "': cannot create '" + tmp +
                           "': " + errnoText());
    const auto& names = traces.channels();
    for (std::size_t c = 0; c < names.size(); ++c)
        std::fprintf(f, "%s%s", c ? "," : "", names[c].c_str());
    std::fputc('\n', f);
    for (std::size_t i = 0; i < traces.size(); ++i) {
        for (std::size_t c = 0; c < names.size(); ++c)
            std::fprintf(f, "%s%.9g", c ? "," : "", traces.at(c, i));
        std::fputc('\n', f);
    }
    const bool ok = !std::ferror(f);
    const std::string why = errnoText();
    if (std::fclose(f) != 0 || !ok) {
        std::remove(tmp.c_str());
        throw SessionError("cannot write CSV '" + path + "': " + why);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string err = errnoText();
        std::remove(tmp.c_str());
        throw SessionError("cannot write CSV '" + path +
                           "': cannot rename the temporary file: " + err);
    }
}

}  // namespace as
