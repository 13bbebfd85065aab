#pragma once
// Runs a piece of work in a forked child process, so that a crash, an abort or a hang inside it
// ends the child, not the program. Used where a third-party library is fed input we cannot vouch
// for: libhdf5 1.10.8 can crash or hang on a damaged file that carries no seal
// (io/Hdf5Probe.h, docs/reliability.md "Files without a seal"). The child hands back nothing but
// how it ended and, if the work threw, the exception's message.
#include <functional>
#include <string>

namespace as {

struct IsolatedOutcome {
    enum class Kind {
        Finished,  ///< the work returned
        Threw,     ///< the work threw; `message` is its what()
        Crashed,   ///< the child died (a signal, or a sanitizer's or an allocator's exit)
        TimedOut,  ///< the child was still running after the time limit and was killed
        NotRun     ///< no child could be made (fork failed); the work did not run
    };
    Kind kind = Kind::NotRun;
    std::string message;  ///< Threw: what(); Crashed: "signal 11 (Segmentation fault)" or "exit 1"
};

/// Runs `work` in a child made by fork() and waits at most `seconds` for it (then kills it). In
/// the child, the crash signals get their default action back, stderr goes to /dev/null, a
/// sanitizer runtime's death callback (libFuzzer's) is removed, and the child ends with _exit: no
/// atexit handler, leak check or crash report of the parent runs there. The work must not rely on
/// other threads (the child has only the calling one) and should not write files. The child
/// shares the parent's open descriptors (and the flock() locks on them) until it ends.
IsolatedOutcome runIsolated(const std::function<void()>& work, double seconds);

}  // namespace as
