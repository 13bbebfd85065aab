#pragma once
// Session files: one HDF5 file per session (docs/session-format.md).
//   /  attrs: format = "attractor-studio-session", format_version (int), app_version, lab (open
//   tab)
//   /<lab>/...  one group per lab that has state (ring: engine/io/RingSession.h)
// SessionWriter writes "<path>.tmp-<pid>", seals it with checksums and renames it over <path> on
// commit(), so the last good file survives a crash or a failed save. SessionReader validates the
// file (exists, HDF5, format, version) before any lab reads its group; every failure is a
// SessionError whose message names the file and the problem (a damaged file: the dataset or
// attribute that failed its checksum). Readers build new objects and never touch what the caller
// holds.
#include <hdf5.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "core/TraceBuffer.h"

namespace as {

inline constexpr const char* kSessionFormatName = "attractor-studio-session";
/// Version written by this build. Loading accepts 1..kSessionFormatVersion and refuses newer ones.
/// Version 2 = version 1's layout with checksums (docs/session-format.md, "Checksums").
inline constexpr int kSessionFormatVersion = 2;
/// First version whose files must carry checksums (io/Hdf5Integrity.h); older files load
/// unverified.
inline constexpr int kFirstChecksummedSessionVersion = 2;

class SessionError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class SessionWriter {
  public:
    /// Starts a session file at `path` (written aside until commit()); `openLab` is the tab that
    /// was open. Throws SessionError("cannot write session '<path>': ...").
    SessionWriter(const std::string& path, const std::string& openLab);
    /// Removes the temporary file unless commit() succeeded.
    ~SessionWriter();
    SessionWriter(const SessionWriter&) = delete;
    SessionWriter& operator=(const SessionWriter&) = delete;

    /// The file's root group, where each lab creates its own group.
    hid_t root() const;
    /// Runs `write(root())`, turning any exception into a SessionError naming the file.
    template <class F>
    void write(F&& write) {
        try {
            write(root());
        } catch (const std::exception& e) {
            fail(e.what());
        }
    }
    /// Closes the file and renames it over the target. Throws SessionError.
    void commit();
    [[noreturn]] void fail(const std::string& why);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

class SessionReader {
  public:
    /// Opens and validates `path`. Throws SessionError("cannot load session '<path>': ...").
    explicit SessionReader(const std::string& path);
    ~SessionReader();
    SessionReader(const SessionReader&) = delete;
    SessionReader& operator=(const SessionReader&) = delete;

    hid_t root() const;
    const std::string& path() const;
    /// The lab that was open when the file was saved ("ring" if the file does not say).
    const std::string& lab() const;
    int formatVersion() const;
    bool hasGroup(const std::string& name) const;
    /// Runs `read(root())` and returns its result, turning any exception into a SessionError.
    template <class F>
    auto read(F&& read) const -> decltype(read(hid_t{})) {
        try {
            return read(root());
        } catch (const SessionError&) {
            throw;
        } catch (const std::bad_alloc&) {
            fail("a dataset is too large to load (damaged file?)");
        } catch (const std::exception& e) {
            fail(e.what());
        }
    }
    [[noreturn]] void fail(const std::string& why) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Writes the recorded traces as CSV (header row of channel names, one row per step), atomically.
void exportTracesCsv(const std::string& path, const TraceBuffer& traces);

}  // namespace as
