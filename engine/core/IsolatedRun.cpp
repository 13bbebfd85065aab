#include "core/IsolatedRun.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <exception>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define AS_HAVE_SANITIZER_RUNTIME 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define AS_HAVE_SANITIZER_RUNTIME 1
#endif
#ifdef AS_HAVE_SANITIZER_RUNTIME
#include <sanitizer/common_interface_defs.h>
#endif

namespace as {

namespace {

constexpr int kThrewExit = 3;                   // the child's exit code when the work threw
constexpr std::size_t kMaxMessageBytes = 4096;  // what() beyond this is cut

[[noreturn]] void childBody(const std::function<void()>& work, int out) {
    for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP}) std::signal(sig, SIG_DFL);
#ifdef AS_HAVE_SANITIZER_RUNTIME
    // libFuzzer registers a death callback that saves the current input as a crash; a finding
    // in the child is the child's end, reported to the parent by its exit status.
    __sanitizer_set_death_callback(nullptr);
#endif
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) {
        ::dup2(null, STDERR_FILENO);
        ::close(null);
    }
    int code = 0;
    try {
        work();
    } catch (const std::exception& e) {
        const std::size_t n = std::min(std::strlen(e.what()), kMaxMessageBytes);
        if (::write(out, e.what(), n) < 0) { /* the parent then reports the exit code alone */
        }
        code = kThrewExit;
    } catch (...) {
        code = kThrewExit;
    }
    ::_exit(code);
}

std::string signalName(int sig) {
    const char* d = ::strsignal(sig);
    return "signal " + std::to_string(sig) + (d ? std::string(" (") + d + ")" : std::string());
}

}  // namespace

IsolatedOutcome runIsolated(const std::function<void()>& work, double seconds) {
    IsolatedOutcome r;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return r;  // NotRun
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return r;
    }
    if (pid == 0) {
        ::close(fds[0]);
        childBody(work, fds[1]);
    }
    ::close(fds[1]);

    // Read the child's message until it closes the pipe (it ends), or the time is up.
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
    std::string message;
    bool timedOut = false;
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            timedOut = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, int(std::min<long long>(left.count() + 1, 60000)));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;  // re-check the deadline
        char buf[512];
        const ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // EOF: the child ended
        if (message.size() < kMaxMessageBytes) message.append(buf, std::size_t(n));
    }
    ::close(fds[0]);
    if (timedOut) ::kill(pid, SIGKILL);
    int status = 0;
    pid_t waited;
    while ((waited = ::waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
    }
    if (waited != pid) return r;  // cannot tell how it ended (SIGCHLD ignored): NotRun
    if (timedOut) {
        r.kind = IsolatedOutcome::Kind::TimedOut;
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        r.kind = IsolatedOutcome::Kind::Finished;
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == kThrewExit) {
        r.kind = IsolatedOutcome::Kind::Threw;
        r.message = message.empty() ? "the work failed without a message" : message;
    } else {
        r.kind = IsolatedOutcome::Kind::Crashed;
        r.message = WIFSIGNALED(status) ? signalName(WTERMSIG(status))
                                        : "exit " + std::to_string(WEXITSTATUS(status));
    }
    return r;
}

}  // namespace as
