// core/IsolatedRun.h: work run in a forked child reports how it ended (returned, threw, died,
// hung) without taking the calling process with it, and changes nothing in the caller's memory.
#include <gtest/gtest.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <stdexcept>

#include "core/IsolatedRun.h"

using as::IsolatedOutcome;
using as::runIsolated;
using Kind = IsolatedOutcome::Kind;

TEST(IsolatedRun, WorkThatReturnsFinishedAndLeavesTheCallersMemoryAlone) {
    int value = 1;
    const IsolatedOutcome o = runIsolated([&] { value = 2; }, 10.0);
    EXPECT_EQ(o.kind, Kind::Finished);
    EXPECT_EQ(o.message, "");
    EXPECT_EQ(value, 1);  // the child wrote its own copy
}

TEST(IsolatedRun, AnExceptionComesBackWithItsMessage) {
    const IsolatedOutcome o =
        runIsolated([] { throw std::runtime_error("cannot open attribute '/a/b'"); }, 10.0);
    EXPECT_EQ(o.kind, Kind::Threw);
    EXPECT_EQ(o.message, "cannot open attribute '/a/b'");
}

TEST(IsolatedRun, ACrashEndsTheChildNotTheCaller) {
    const IsolatedOutcome segv = runIsolated([] { std::raise(SIGSEGV); }, 10.0);
    EXPECT_EQ(segv.kind, Kind::Crashed);
    EXPECT_NE(segv.message.find("signal 11"), std::string::npos) << segv.message;
    const IsolatedOutcome abrt = runIsolated([] { std::abort(); }, 10.0);
    EXPECT_EQ(abrt.kind, Kind::Crashed);
    EXPECT_NE(abrt.message.find("signal 6"), std::string::npos) << abrt.message;
    // A sanitizer's or an allocator's report ends the process with an exit code instead.
    const IsolatedOutcome exited = runIsolated([] { ::_exit(1); }, 10.0);
    EXPECT_EQ(exited.kind, Kind::Crashed);
    EXPECT_EQ(exited.message, "exit 1");
}

TEST(IsolatedRun, AHangIsKilledAtTheTimeLimit) {
    const IsolatedOutcome o = runIsolated(
        [] {
            for (;;) ::pause();
        },
        0.2);
    EXPECT_EQ(o.kind, Kind::TimedOut);
    // The caller goes on as before: the next run works.
    EXPECT_EQ(runIsolated([] {}, 10.0).kind, Kind::Finished);
}
