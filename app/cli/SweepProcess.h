#pragma once
// Child processes of a sweep: each job runs as this same attractor-cli binary, started with
// posix_spawn, its stdout and stderr in files, its OpenMP threads set through OMP_NUM_THREADS.
#include <sys/types.h>

#include <string>
#include <vector>

namespace as::cli {

/// The running program's own path (/proc/self/exe).
std::string selfExecutable();

/// Starts selfExecutable() with `args` (without the program name), stdout to `stdoutPath`, stderr
/// to `stderrPath`, and OMP_NUM_THREADS=threads when threads > 0. Returns its process id. Throws
/// CliError (kExitFailure) naming the reason when it cannot start.
pid_t spawnSelf(const std::vector<std::string>& args, const std::string& stdoutPath,
                const std::string& stderrPath, int threads);

/// The exit code of a wait status: the code of a normal exit, 128 + signal for a killed process.
int exitCodeOf(int waitStatus);

/// CPUs this process may run on (sched_getaffinity; at least 1).
int availableCores();

/// Writes `text` to `path` atomically (path + ".part", then rename). Throws CliError(kExitFailure).
void writeTextAtomically(const std::string& path, const std::string& text);
/// The whole file as text ("" if it cannot be read).
std::string readText(const std::string& path);

}  // namespace as::cli
