#pragma once
// Two copies of one small E-I network (N_E = 400, the given seed) for the tests that threads change
// nothing: `one` steps on exactly one thread, `two` on two (exactly, or as the automatic count
// chooses, up to two), both on the same input.
#include <cstdint>

#include "spiking/EiNetwork.h"

namespace as::test {

struct ThreadPair {
    ThreadPair(std::uint64_t seed, bool exactTwo, const EiInput& input)
        : one(params(seed)), two(params(seed)) {
        one.setThreads(1, true);
        two.setThreads(2, exactTwo);
        for (EiNetwork* n : {&one, &two}) n->setInput(input);
    }
    static EiParams params(std::uint64_t seed) {
        EiParams p;
        p.NE = 400;
        p.seed = seed;
        return p;
    }

    EiNetwork one, two;
};

}  // namespace as::test
