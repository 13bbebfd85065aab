#include "SweepProcess.h"

#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "CliCommand.h"

extern char** environ;

namespace as::cli {

std::string selfExecutable() {
    std::error_code ec;
    const auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        throw CliError("cannot find attractor-cli's own path (/proc/self/exe): " + ec.message(),
                       kExitFailure);
    return p.string();
}

pid_t spawnSelf(const std::vector<std::string>& args, const std::string& stdoutPath,
                const std::string& stderrPath, int threads) {
    const std::string exe = selfExecutable();
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e)
        if ((std::strncmp(*e, "OMP_NUM_THREADS=", 16) != 0 || threads <= 0) &&
            std::strncmp(*e, "AS_SWEEP_JOB=", 13) != 0)
            env.emplace_back(*e);
    if (threads > 0) env.push_back("OMP_NUM_THREADS=" + std::to_string(threads));
    env.push_back("AS_SWEEP_JOB=1");  // main(): reproducible FFT plans
    std::vector<char*> argv{const_cast<char*>(exe.c_str())}, envp;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, stdoutPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&fa, 2, stderrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, exe.c_str(), &fa, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        throw CliError("cannot start a job (" + exe + "): " + std::strerror(rc), kExitFailure);
    return pid;
}

int exitCodeOf(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 1;
}

int availableCores() {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
    const long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? int(n) : 1;
}

void writeTextAtomically(const std::string& path, const std::string& text) {
    const std::string tmp = path + ".part";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            std::remove(tmp.c_str());
            throw CliError("cannot write '" + tmp + "': " + std::strerror(errno), kExitFailure);
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw CliError("cannot write '" + path + "': " + ec.message(), kExitFailure);
}

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    if (in) buf << in.rdbuf();
    return buf.str();
}

}  // namespace as::cli
