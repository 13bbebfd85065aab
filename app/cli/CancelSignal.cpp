#include "CancelSignal.h"

#include <unistd.h>

#include <csignal>

#include "CliCommand.h"

namespace as::cli {
namespace {

std::atomic<bool> gCancel{false};
std::atomic<int> gPolls{0};  // live CancelPoll objects
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free count");

extern "C" void onCancelSignal(int) {
    // Only async-signal-safe calls here: write(2) and _exit(2).
    if (gPolls.load() == 0) {
        static const char now[] = "attractor-cli: interrupted\n";
        [[maybe_unused]] auto n = ::write(2, now, sizeof now - 1);
        ::_exit(kExitCancelled);
    }
    if (gCancel.exchange(true)) {
        static const char quit[] =
            "attractor-cli: interrupted again: quitting without writing the outputs\n";
        [[maybe_unused]] auto n = ::write(2, quit, sizeof quit - 1);
        ::_exit(kExitCancelled);
    }
    static const char msg[] =
        "attractor-cli: interrupted: stopping and writing the outputs (interrupt again to quit at "
        "once)\n";
    [[maybe_unused]] auto n = ::write(2, msg, sizeof msg - 1);
}

}  // namespace

void installCancelHandlers() {
    struct sigaction sa {};
    sa.sa_handler = onCancelSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

const std::atomic<bool>* cancelFlag() {
    return &gCancel;
}

bool cancelRequested() {
    return gCancel.load();
}

CancelPoll::CancelPoll() {
    ++gPolls;
}

CancelPoll::~CancelPoll() {
    --gPolls;
}

}  // namespace as::cli
