#include "spiking/SparseProjection.h"

namespace as {
namespace {

template <class Index>
CsrTargets<Index> build(int nPre, int nPost, double p, bool noSelf, SpikeRng& rng) {
    CsrTargets<Index> c;
    c.rowStart.reserve(std::size_t(nPre) + 1);
    c.targets.reserve(std::size_t(double(nPre) * nPost * p * 1.05) + 16);
    c.rowStart.push_back(0);
    const bool all = p >= 1.0;
    const double logq = all ? 0.0 : std::log1p(-p);
    for (int i = 0; i < nPre; ++i) {
        if (all) {
            for (int j = 0; j < nPost; ++j)
                if (!(noSelf && j == i)) c.targets.push_back(Index(j));
        } else {
            // Next connection after a run of failures: skip ~ Geometric(p).
            long j = -1;
            for (;;) {
                j += 1 + long(std::floor(std::log(rng.uniformOpen()) / logq));
                if (j >= nPost) break;
                if (noSelf && j == i) continue;
                c.targets.push_back(Index(j));
            }
        }
        c.rowStart.push_back(std::uint32_t(c.targets.size()));
    }
    return c;
}

}  // namespace

SparseProjection::SparseProjection(int nPre, int nPost, double p, bool noSelf, SpikeRng& rng)
    : nPre_(nPre), nPost_(nPost) {
    if (nPost <= 65536)
        csr_ = build<std::uint16_t>(nPre, nPost, p, noSelf, rng);
    else
        csr_ = build<std::uint32_t>(nPre, nPost, p, noSelf, rng);
}

std::size_t SparseProjection::synapses() const {
    return std::visit([](const auto& c) { return c.targets.size(); }, csr_);
}

std::size_t SparseProjection::bytes() const {
    return std::visit(
        [](const auto& c) {
            return c.targets.size() * sizeof(c.targets[0]) + c.rowStart.size() * sizeof(std::uint32_t);
        },
        csr_);
}

std::vector<int> SparseProjection::targetsOf(int pre) const {
    return std::visit(
        [&](const auto& c) {
            std::vector<int> out;
            for (std::uint32_t k = c.rowStart[std::size_t(pre)]; k < c.rowStart[std::size_t(pre) + 1]; ++k)
                out.push_back(int(c.targets[k]));
            return out;
        },
        csr_);
}

}  // namespace as
