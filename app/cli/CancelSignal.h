#pragma once
// Ctrl-C for the CLI's long jobs: while a job that polls the flag runs (a CancelPoll exists), the
// first SIGINT or SIGTERM sets the flag (the engine's cancellation, as the GUI's Stop uses); the
// job then stops, writes its outputs with the state reached and exits kExitCancelled. A second
// signal, or any signal while no job polls, exits kExitCancelled at once.
#include <atomic>

namespace as::cli {

/// Installs the SIGINT and SIGTERM handlers (main() calls it once before running a command).
void installCancelHandlers();
/// The flag the handlers set; pass it to engine calls that take `const std::atomic<bool>* cancel`.
const std::atomic<bool>* cancelFlag();
/// Whether a cancel was requested.
bool cancelRequested();

/// Marks the scope of a job that polls cancelFlag() (and then writes its outputs).
class CancelPoll {
  public:
    CancelPoll();
    ~CancelPoll();
    CancelPoll(const CancelPoll&) = delete;
    CancelPoll& operator=(const CancelPoll&) = delete;
};

}  // namespace as::cli
