// Threads of the spiking network: the persistent StepTeam (every member runs each job, the
// barrier orders the two phases of a step) and the automatic thread count (AdaptiveThreadCount
// keeps the count whose measured steps are faster, and never measures with max = 1).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <vector>

#include "spiking/AdaptiveThreadCount.h"
#include "spiking/EiNetwork.h"
#include "spiking/StepTeam.h"
#include "tests/engine/spiking/ThreadPair.h"

using namespace as;

namespace {

// Steps whose cost depends on the thread count the tuner asks for, on a simulated clock that
// advances by each step's cost (no real waiting, so a busy machine cannot change the outcome);
// returns the count the tuner settles on after 150 ms of simulated steps.
int settle(AdaptiveThreadCount& tuner, std::chrono::microseconds one,
           std::chrono::microseconds multi) {
    auto now = AdaptiveThreadCount::Clock::time_point{} + std::chrono::seconds(1);
    tuner.setClock([&now] { return now; });
    const auto until = now + std::chrono::milliseconds(150);
    while (now < until) {
        now += tuner.current() > 1 ? multi : one;
        tuner.stepDone();
    }
    return tuner.current();
}

}  // namespace

TEST(StepTeam, EveryMemberRunsEachJobAndTheBarrierSeparatesPhases) {
    StepTeam team(2);
    ASSERT_EQ(team.size(), 2);
    std::vector<int> written(2, 0), seen(2, -1);
    for (int round = 1; round <= 2000; ++round) {
        team.run([&](int t) {
            written[std::size_t(t)] = round;  // phase 1: own slot
            team.barrier();
            seen[std::size_t(t)] = written[std::size_t(1 - t)];  // phase 2: the other member's slot
        });
        ASSERT_EQ(seen[0], round) << "member 0 read member 1's slot before the barrier";
        ASSERT_EQ(seen[1], round) << "member 1 read member 0's slot before the barrier";
    }
    // after an idle pause the workers sleep; the next job still runs on every member
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::atomic<int> ran{0};
    team.run([&](int) { ran.fetch_add(1); });
    EXPECT_EQ(ran.load(), 2);
}

TEST(AdaptiveThreadCount, OneThreadWhenMaxIsOne) {
    AdaptiveThreadCount tuner;
    tuner.setMax(1);
    for (int s = 0; s < 1000; ++s) tuner.stepDone();
    EXPECT_EQ(tuner.current(), 1);
    EXPECT_EQ(tuner.nsPerStep(false), 0.0) << "nothing to choose, nothing measured";
}

TEST(AdaptiveThreadCount, KeepsTheFasterCount) {
    AdaptiveThreadCount faster, slower;
    faster.setMax(2);
    slower.setMax(2);
    // fake steps: 4x cheaper with two threads, or 4x dearer
    EXPECT_EQ(settle(faster, std::chrono::microseconds(40), std::chrono::microseconds(10)), 2);
    EXPECT_GT(faster.nsPerStep(false), faster.nsPerStep(true));
    EXPECT_EQ(settle(slower, std::chrono::microseconds(10), std::chrono::microseconds(40)), 1);
}

TEST(EiNetwork, AutomaticThreadsGiveTheSameSpikesAsOne) {
    // The automatic count may switch in mid-run; the spike trains must not notice.
    test::ThreadPair t(4, false, {0.3, 0.9, 0.1});
    EiNetwork &a = t.one, &b = t.two;
    for (int s = 0; s < 3000; ++s) {
        a.step();
        b.step();
        for (int pop = 0; pop < 3; ++pop) ASSERT_EQ(a.spikes(pop), b.spikes(pop)) << "step " << s;
    }
}
