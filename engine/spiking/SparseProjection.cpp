#include "spiking/SparseProjection.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "spiking/SpikeKernels.h"

namespace as {
namespace {

/// Draws the connections row by row and hands each to `add(pre, post)`, rows ascending and
/// targets ascending within a row; `endRow()` after each row. The draws do not depend on the
/// layout.
template <class Add, class EndRow>
void drawConnections(int nPre, int nPost, double p, bool noSelf, SpikeRng& rng, Add&& add,
                     EndRow&& endRow) {
    const bool all = p >= 1.0;
    const double logq = all ? 0.0 : std::log1p(-p);
    for (int i = 0; i < nPre; ++i) {
        if (all) {
            for (int j = 0; j < nPost; ++j)
                if (!(noSelf && j == i)) add(i, j);
        } else {
            // Next connection after a run of failures: skip ~ Geometric(p).
            long j = -1;
            for (;;) {
                j += 1 + long(std::floor(std::log(rng.uniformOpen()) / logq));
                if (j >= nPost) break;
                if (noSelf && j == i) continue;
                add(i, int(j));
            }
        }
        endRow();
    }
}

template <class Index>
CsrTargets<Index> buildCsr(int nPre, int nPost, double p, bool noSelf, SpikeRng& rng) {
    CsrTargets<Index> c;
    c.rowStart.reserve(std::size_t(nPre) + 1);
    c.targets.reserve(std::size_t(double(nPre) * nPost * std::min(p, 1.0) * 1.05) + 16);
    c.rowStart.push_back(0);
    drawConnections(
        nPre, nPost, p, noSelf, rng, [&](int, int j) { c.targets.push_back(Index(j)); },
        [&] { c.rowStart.push_back(std::uint32_t(c.targets.size())); });
    return c;
}

BitRows buildBits(int nPre, int nPost, double p, bool noSelf, SpikeRng& rng) {
    BitRows b;
    b.rowBytes = (std::size_t(nPost) + 63) / 64 * 8;
    b.bits.assign(b.rowBytes * std::size_t(nPre) + 32, 0);
    drawConnections(
        nPre, nPost, p, noSelf, rng,
        [&](int i, int j) {
            b.bits[b.rowBytes * std::size_t(i) + std::size_t(j >> 3)] |=
                std::uint8_t(1u << (j & 7));
            ++b.count;
        },
        [] {});
    return b;
}

}  // namespace

SparseProjection::SparseProjection(int nPre, int nPost, double p, bool noSelf, SpikeRng& rng,
                                   ProjectionLayout layout)
    : nPre_(nPre), nPost_(nPost) {
    const int indexBytes = nPost <= 65536 ? 2 : 4;
    // A bit row is nPost / 8 bytes, an index row p nPost indexBytes.
    if (layout == ProjectionLayout::Auto)
        layout = p * indexBytes * 8.0 >= 1.0 ? ProjectionLayout::Bits : ProjectionLayout::Csr;
    if (layout == ProjectionLayout::Bits)
        rows_ = buildBits(nPre, nPost, p, noSelf, rng);
    else if (indexBytes == 2)
        rows_ = buildCsr<std::uint16_t>(nPre, nPost, p, noSelf, rng);
    else
        rows_ = buildCsr<std::uint32_t>(nPre, nPost, p, noSelf, rng);
}

std::size_t SparseProjection::synapses() const {
    return std::visit(
        [](const auto& c) -> std::size_t {
            if constexpr (std::is_same_v<std::decay_t<decltype(c)>, BitRows>)
                return c.count;
            else
                return c.targets.size();
        },
        rows_);
}

std::size_t SparseProjection::bytes() const {
    return std::visit(
        [](const auto& c) -> std::size_t {
            if constexpr (std::is_same_v<std::decay_t<decltype(c)>, BitRows>)
                return c.bits.size();
            else
                return c.targets.size() * sizeof(c.targets[0]) +
                       c.rowStart.size() * sizeof(std::uint32_t);
        },
        rows_);
}

void SparseProjection::deliver(const int* pres, int count, float w, float* post, int lo,
                               int hi) const {
    if (const auto* b = std::get_if<BitRows>(&rows_)) {
        constexpr int kChunk = 64;  // row pointers gathered on the stack, 64 spikes at a time
        const unsigned char* rows[kChunk];
        for (int s0 = 0; s0 < count; s0 += kChunk) {
            const int n = std::min(kChunk, count - s0);
            for (int s = 0; s < n; ++s)
                rows[s] = b->bits.data() + b->rowBytes * std::size_t(pres[s0 + s]);
            spike::addBitRows(rows, n, w, post, lo, hi);
        }
        return;
    }
    std::visit(
        [&](const auto& c) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(c)>, BitRows>) {
                const auto* t = c.targets.data();
                for (int s = 0; s < count; ++s) {
                    const std::uint32_t e = c.rowStart[std::size_t(pres[s]) + 1];
                    // rows are ascending: binary search the block's first target
                    std::uint32_t first = c.rowStart[std::size_t(pres[s])], last = e;
                    while (first < last) {
                        const std::uint32_t m = (first + last) / 2;
                        if (int(t[m]) < lo)
                            first = m + 1;
                        else
                            last = m;
                    }
                    for (std::uint32_t k = first; k < e && int(t[k]) < hi; ++k) post[t[k]] += w;
                }
            }
        },
        rows_);
}

std::vector<int> SparseProjection::targetsOf(int pre) const {
    std::vector<int> out;
    std::visit(
        [&](const auto& c) {
            if constexpr (std::is_same_v<std::decay_t<decltype(c)>, BitRows>) {
                const std::uint8_t* row = c.bits.data() + c.rowBytes * std::size_t(pre);
                for (int j = 0; j < nPost_; ++j)
                    if ((row[j >> 3] >> (j & 7)) & 1) out.push_back(j);
            } else {
                for (std::uint32_t k = c.rowStart[std::size_t(pre)];
                     k < c.rowStart[std::size_t(pre) + 1]; ++k)
                    out.push_back(int(c.targets[k]));
            }
        },
        rows_);
    return out;
}

}  // namespace as
