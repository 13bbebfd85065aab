#pragma once
// The spikes of one population over a run: parallel arrays of times (ms) and neuron ids, in the
// order they happened (time-sorted). Bounded: beyond `capacity` spikes recording stops and
// `dropped` counts the rest, so a long run cannot exhaust memory.
#include <cstdint>
#include <string>
#include <vector>

namespace as {

struct SpikeRecord {
    std::string population;     ///< "E", "Ip", "Id"
    int size = 0;               ///< neurons in the population
    std::vector<double> times;  ///< ms
    std::vector<std::uint32_t> ids;
    std::size_t capacity = 20'000'000;
    std::size_t dropped = 0;

    void add(double t, int id) {
        if (times.size() < capacity) {
            times.push_back(t);
            ids.push_back(std::uint32_t(id));
        } else {
            ++dropped;
        }
    }
    void clear() {
        times.clear();
        ids.clear();
        dropped = 0;
    }
};

}  // namespace as
