#include "io/Hdf5Probe.h"

#include <cstdio>
#include <exception>
#include <filesystem>
#include <functional>
#include <system_error>

#include "core/IsolatedRun.h"
#include "io/Hdf5Handle.h"
#include "io/Hdf5Integrity.h"

namespace as::h5 {

namespace {

struct LockedWork {
    const std::function<void()>* work;
    bool ran = false;
    std::exception_ptr error;  // not thrown through libhdf5's C frames
};

herr_t runCallback(hid_t, void* data) {
    auto* w = static_cast<LockedWork*>(data);
    w->ran = true;
    try {
        (*w->work)();
    } catch (...) {
        w->error = std::current_exception();
    }
    return 0;
}

/// Runs `work` while this thread holds libhdf5's API lock (Debian builds the library thread-safe:
/// one recursive lock around every API call): inside the create callback of a property list
/// class of its own. No other thread is then inside libhdf5, so a child forked here inherits a
/// library that no vanished thread holds locked; its own calls re-enter the lock, which it owns.
/// If libhdf5 does not call back, `work` runs without the lock (a busy library may then make the
/// child time out).
void underLibraryLock(const std::function<void()>& work) {
    LockedWork w{&work};
    Handle cls(H5Pcreate_class(H5P_ROOT, "attractor-studio probe", runCallback, &w, nullptr,
                               nullptr, nullptr, nullptr));
    if (cls.valid()) {
        Handle plist(H5Pcreate(cls));  // calls runCallback, under the lock
    }
    if (w.error) std::rethrow_exception(w.error);
    if (!w.ran) work();
}

}  // namespace

double probeSeconds(unsigned long long bytes) {
    return 1.0 + 0.05 * double(bytes) / 1e6;
}

void probeUnsealedFile(const std::string& path) {
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(path, ec);
    const double limit = probeSeconds(ec ? 0 : bytes);
    IsolatedOutcome o;
    underLibraryLock([&] {
        o = runIsolated(
            [&] {
                silenceErrors();
                Handle f(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
                if (!f.valid()) {
                    const std::string why = failureReason();
                    throw Error("the HDF5 file cannot be opened" + (why.empty() ? "" : ": " + why));
                }
                readEverything(f);
            },
            limit);
    });
    switch (o.kind) {
        case IsolatedOutcome::Kind::Finished:
        case IsolatedOutcome::Kind::NotRun:
            return;
        case IsolatedOutcome::Kind::Threw:
            throw Error(o.message);
        case IsolatedOutcome::Kind::Crashed:
            throw Error("libhdf5 crashed reading this file (" + o.message +
                        " in a separate checking process): the file is damaged, or was not "
                        "written by Attractor Studio; nothing was read from it");
        case IsolatedOutcome::Kind::TimedOut: {
            char s[32];
            std::snprintf(s, sizeof s, "%.1f", limit);
            throw Error(std::string("libhdf5 did not finish reading this file in ") + s +
                        " s (in a separate checking process): the file is damaged, or was not "
                        "written by Attractor Studio; nothing was read from it");
        }
    }
}

}  // namespace as::h5
