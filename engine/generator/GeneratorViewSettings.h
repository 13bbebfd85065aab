#pragma once
// What the Generator lab's pages show (docs/guide/generator.md), described once (ParamSpec) for
// the lab's form, its undo steps, `--set` at start-up and the session group (GeneratorSession.h):
// the gallery's images per class, seed and centre, the PNG export scale, the reconstruction
// filmstrip's stride, the Langevin chain (with its target scale) and the interpolation/traversal.
#include <cstdint>

#include "core/ParamSpec.h"

namespace as::generator {

struct GeneratorViewSettings : ParamKeys<GeneratorViewSettings> {
    /// At most this many decoded states in a Langevin chain (langevin_steps / langevin_every).
    static constexpr int kMaxLangevinFrames = 2000;
    int perClass = 24;               ///< gallery images per class, [1, 1000]
    std::uint64_t seed = 1;          ///< seed of the gallery's draws, [0, 2^32 - 1]
    int centre = 0;                  ///< 0: N(xbar_l, Sigma_T^l); 1: N(m_l, S_T^l)
    int exportScale = 4;             ///< PNG export magnification, [1, 16]
    int filmEvery = 10;              ///< reconstruction filmstrip: every k-th Euler step, [1, 100]
    int langevinSteps = 300;         ///< Langevin chain length in steps, [10, 100000]
    int langevinEvery = 10;          ///< decode every k-th state, [1, 1000]
    std::uint64_t langevinSeed = 1;  ///< seed of the chain's noise
    double langevinTargetScale = 1;  ///< s: the chain targets s^2 Sigma_T (noise s G_T), (0, 1000]
    int interpSteps = 10;            ///< images of an interpolation or traversal, [2, 64]
    double traverseRange = 2.5;      ///< traversal from -range to +range standard deviations

    /// Throws ParamError naming the violated rule.
    void check() const;
};

}  // namespace as::generator
