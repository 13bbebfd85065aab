#pragma once
// A random sparse projection between two populations, stored by presynaptic neuron, so
// propagating a spike touches only that neuron's row (event-driven: work per spike, not per
// synapse per step). All synapses of a projection share one weight (the reference's delta
// distribution), so a row is only the set of its targets, in one of two layouts:
//   Csr   target indices, ascending, in the narrowest type that fits (uint16_t up to 65,536
//         postsynaptic neurons, uint32_t beyond); the layout for sparse rows;
//   Bits  one bit per postsynaptic neuron. At the paper's p = 0.25 a row is 4x smaller than with
//         uint16_t indices, and a spike is 1/8 of a vector instruction per target neuron instead
//         of one scattered load-add-store per synapse (docs/performance.md).
// Auto picks Bits when a bit row is smaller than the index row (p >= 1/16 with uint16_t).
// Both layouts hold the same synapses (one random stream) and deliver bit-identical sums: each
// target receives the weight once per spike, in spike order.
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

/// One bit per (pre, post): bit (t % 8) of byte rowBytes * pre + t / 8.
struct BitRows {
    std::size_t rowBytes = 0;        ///< ceil(nPost / 8) rounded up to 8 (rows start 8-aligned)
    std::vector<std::uint8_t> bits;  ///< nPre * rowBytes, plus 32 bytes so wide loads stay inside
    std::size_t count = 0;           ///< synapses
};

enum class ProjectionLayout { Auto, Csr, Bits };

class SparseProjection {
  public:
    SparseProjection() = default;
    /// Each (pre, post) pair connected with probability p, independently; self-connections
    /// excluded when `noSelf` (recurrent projections). Gaps between connections are drawn from the
    /// geometric distribution, so building costs O(synapses), not O(nPre nPost).
    SparseProjection(int nPre, int nPost, double p, bool noSelf, SpikeRng& rng,
                     ProjectionLayout layout = ProjectionLayout::Auto);

    int nPre() const { return nPre_; }
    int nPost() const { return nPost_; }
    std::size_t synapses() const;
    /// Index layout with uint16_t targets.
    bool narrow() const { return std::holds_alternative<CsrTargets<std::uint16_t>>(rows_); }
    bool bitRows() const { return std::holds_alternative<BitRows>(rows_); }
    /// Bytes held by the connectivity arrays.
    std::size_t bytes() const;

    /// Adds `w` to post[t] for every target t of presynaptic neuron `pre`.
    void deliver(int pre, float w, float* post) const { deliver(&pre, 1, w, post, 0, nPost_); }
    /// The same restricted to targets in [lo, hi) (one thread's block of postsynaptic neurons).
    void deliver(int pre, float w, float* post, int lo, int hi) const {
        deliver(&pre, 1, w, post, lo, hi);
    }
    /// Every spike of `pres[0..count)` in order: post[t] += w once per (spike, target in [lo, hi)).
    void deliver(const int* pres, int count, float w, float* post, int lo, int hi) const;
    /// Targets of one presynaptic neuron, ascending (for tests and export).
    std::vector<int> targetsOf(int pre) const;

  private:
    int nPre_ = 0, nPost_ = 0;
    std::variant<CsrTargets<std::uint16_t>, CsrTargets<std::uint32_t>, BitRows> rows_;
};

}  // namespace as
