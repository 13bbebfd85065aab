#pragma once
// A random sparse projection between two populations stored as CSR by presynaptic neuron, so
// propagating a spike touches only that neuron's targets (event-driven: work per spike, not per
// synapse per step). All synapses of a projection share one weight (the reference's delta
// distribution), so only target indices are stored, in the narrowest type that fits:
// uint16_t up to 65,536 postsynaptic neurons, uint32_t beyond.
#include <cmath>
#include <cstdint>
#include <variant>
#include <vector>

#include "spiking/SpikeRng.h"

namespace as {

template <class Index>
struct CsrTargets {
    std::vector<std::uint32_t> rowStart;  ///< nPre + 1 offsets into targets
    std::vector<Index> targets;           ///< postsynaptic indices, ascending within a row
};

class SparseProjection {
public:
    SparseProjection() = default;
    /// Each (pre, post) pair connected with probability p, independently; self-connections
    /// excluded when `noSelf` (recurrent projections). Gaps between connections are drawn from the
    /// geometric distribution, so building costs O(synapses), not O(nPre nPost).
    SparseProjection(int nPre, int nPost, double p, bool noSelf, SpikeRng& rng);

    int nPre() const { return nPre_; }
    int nPost() const { return nPost_; }
    std::size_t synapses() const;
    bool narrow() const { return std::holds_alternative<CsrTargets<std::uint16_t>>(csr_); }
    /// Bytes held by the index arrays.
    std::size_t bytes() const;

    /// Adds `w` to post[t] for every target t of presynaptic neuron `pre`.
    void deliver(int pre, float w, float* post) const {
        std::visit(
            [&](const auto& c) {
                const auto* t = c.targets.data();
                const std::uint32_t b = c.rowStart[std::size_t(pre)], e = c.rowStart[std::size_t(pre) + 1];
                for (std::uint32_t k = b; k < e; ++k) post[t[k]] += w;
            },
            csr_);
    }
    /// The same restricted to targets in [lo, hi) (one thread's block of postsynaptic neurons).
    void deliver(int pre, float w, float* post, int lo, int hi) const {
        std::visit(
            [&](const auto& c) {
                const auto* t = c.targets.data();
                std::uint32_t b = c.rowStart[std::size_t(pre)], e = c.rowStart[std::size_t(pre) + 1];
                // rows are ascending: binary search the block's first target
                std::uint32_t lo_b = b, hi_b = e;
                while (lo_b < hi_b) {
                    const std::uint32_t m = (lo_b + hi_b) / 2;
                    if (int(t[m]) < lo) lo_b = m + 1; else hi_b = m;
                }
                for (std::uint32_t k = lo_b; k < e && int(t[k]) < hi; ++k) post[t[k]] += w;
            },
            csr_);
    }
    /// Targets of one presynaptic neuron (for tests and export).
    std::vector<int> targetsOf(int pre) const;

private:
    int nPre_ = 0, nPost_ = 0;
    std::variant<CsrTargets<std::uint16_t>, CsrTargets<std::uint32_t>> csr_;
};

}  // namespace as
