#pragma once
// A small, fast, platform-independent random stream (SplitMix64 seeding a xoshiro256+ core) for
// the spiking network: connectivity, initial potentials and noise. Written out here rather than
// using <random>'s distributions, whose output differs between standard libraries, so a seed gives
// the same network (and the golden spike checksum) everywhere.
#include <cmath>
#include <cstdint>

namespace as {

class SpikeRng {
  public:
    explicit SpikeRng(std::uint64_t seed, std::uint64_t stream = 0) {
        std::uint64_t x = seed ^ (0x9E3779B97F4A7C15ull * (stream + 1));
        for (auto& s : s_) s = splitmix(x);
    }
    std::uint64_t next() {
        const std::uint64_t result = s_[0] + s_[3];
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = (s_[3] << 45) | (s_[3] >> 19);
        return result;
    }
    /// Uniform in [0, 1) with 53 random bits.
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    /// Uniform in (0, 1].
    double uniformOpen() { return 1.0 - uniform(); }
    /// Standard normal (Box-Muller; one value per call, the second is discarded for simplicity).
    double normal() {
        const double u = uniformOpen(), v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
    }

  private:
    static std::uint64_t splitmix(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::uint64_t s_[4];
};

}  // namespace as
