#include "surrogate/InputProcess.h"

#include <cmath>
#include <stdexcept>

#include "cann/Trajectory.h"
#include "core/Angles.h"
#include "core/EnumNames.h"

namespace as::surrogate {
namespace {

double wrap(double a) {
    return a - 2 * kPi * std::floor((a + kPi) / (2 * kPi));
}

/// Reflects into [-pi/2, pi/2] (a triangle wave of period 2 pi).
double reflect(double a) {
    double x = wrap(a - kPi / 2);  // (-pi, pi]; x = a - pi/2 shifted
    // map x in (-pi, pi] to a triangle: |x| in [0, pi] -> pi/2 - |x| in [-pi/2, pi/2]
    return kPi / 2 - std::abs(x);
}

}  // namespace

const std::vector<std::string>& processNames() {
    static const std::vector<std::string> n = {"walk", "ou",       "jumps", "mixture",
                                               "all",  "random3d", "helix"};
    return n;
}

ProcessKind processFromName(const std::string& name) {
    return enumFromName<ProcessKind, std::invalid_argument>(processNames(), name, "process");
}

void ProcessParams::check() const {
    auto bad = [](bool c, const std::string& m) {
        if (c) throw std::invalid_argument(m);
    };
    bad(!(momentum >= 0 && momentum < 1), "momentum must be in [0, 1)");
    bad(!(walkSigma >= 0 && walkSigma <= 1), "walk_sigma must be in [0, 1] rad");
    bad(!(ouTheta >= 0 && ouTheta <= 1), "ou_theta must be in [0, 1]");
    bad(!(ouSigma >= 0 && ouSigma <= 1), "ou_sigma must be in [0, 1] rad");
    bad(!(jumpRate >= 0 && jumpRate <= 1), "jump_rate must be in [0, 1]");
}

std::vector<double> generateSequence(const ProcessParams& p, ProcessKind kind, int steps,
                                     std::uint64_t seed) {
    if (kind == ProcessKind::Random3d || kind == ProcessKind::Helix)
        return generateInputs(p, kind, 1, steps, 1.0, seed);
    if (kind == ProcessKind::All)
        throw std::invalid_argument("generateSequence: 'all' is not a single process");
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_real_distribution<double> uniform(-kPi, kPi), unit(0.0, 1.0);
    std::uniform_int_distribution<int> segLen(50, 300), pick(0, 2);
    const double span = p.halfRange ? 0.5 : 1.0;
    double angle = uniform(rng) * span, v = 0.0, mu = uniform(rng) * span;
    ProcessKind current = kind == ProcessKind::Mixture ? ProcessKind(pick(rng)) : kind;
    int segmentLeft = segLen(rng);
    std::vector<double> out(std::size_t(std::max(steps, 0)));
    for (int t = 0; t < steps; ++t) {
        if (kind == ProcessKind::Mixture && --segmentLeft <= 0) {
            current = ProcessKind(pick(rng));
            segmentLeft = segLen(rng);
            mu = uniform(rng) * span;
        }
        switch (current) {
            case ProcessKind::Walk:
                v = p.momentum * v + p.walkSigma * normal(rng);
                angle += v;
                break;
            case ProcessKind::OrnsteinUhlenbeck: {
                // Reversion towards mu along the shortest arc, so wrapping does not fling the walk.
                const double d = p.halfRange ? mu - angle : wrap(mu - angle);
                angle += p.ouTheta * d + p.ouSigma * normal(rng);
                break;
            }
            case ProcessKind::Jumps:
                if (unit(rng) < p.jumpRate) angle = uniform(rng) * span;
                break;
            default:
                break;
        }
        angle = p.halfRange ? reflect(angle) : wrap(angle);
        out[std::size_t(t)] = angle;
    }
    return out;
}

std::vector<double> generateInputs(const ProcessParams& p, ProcessKind kind, int axes, int steps,
                                   double stepMs, std::uint64_t seed) {
    if (axes < 1 || axes > 3) throw std::invalid_argument("generateInputs: axes must be 1 to 3");
    if (!(stepMs > 0)) throw std::invalid_argument("generateInputs: the step must be > 0 ms");
    const std::size_t A = std::size_t(axes), T = std::size_t(std::max(steps, 0));
    std::vector<double> out(A * T);
    if (kind != ProcessKind::Random3d && kind != ProcessKind::Helix) {
        for (std::size_t a = 0; a < A; ++a) {
            const auto seq = generateSequence(p, kind, steps, seed + 7907ull * a);
            for (std::size_t t = 0; t < T; ++t) out[t * A + a] = seq[t];
        }
        return out;
    }
    TrajectoryParams tp;
    tp.kind = kind == ProcessKind::Random3d ? TrajectoryKind::Random : TrajectoryKind::Helix;
    tp.seed = seed;
    Trajectory path(tp);
    std::mt19937_64 rng(seed ^ 0x3d3d3dULL);
    std::uniform_real_distribution<double> start(0.0, kTrajectorySpacingCm);
    path.setPosition({start(rng), start(rng), start(rng)});
    for (std::size_t t = 0; t < T; ++t) {
        path.advance(stepMs);
        for (std::size_t a = 0; a < A; ++a)
            out[t * A + a] = wrap(2 * kPi * path.position()[a] / kTrajectorySpacingCm);
    }
    return out;
}

const char* liveSourceName(LiveSource source) {
    static constexpr const char* names[kLiveSourceCount] = {"mouse",   "walk",     "ou",   "jumps",
                                                            "mixture", "random3d", "helix"};
    return names[int(source)];
}

std::vector<double> liveInputs(LiveSource source, int axes, int steps, double stepMs) {
    static constexpr ProcessKind kinds[kLiveSourceCount] = {
        ProcessKind::Walk,  ProcessKind::Walk,    ProcessKind::OrnsteinUhlenbeck,
        ProcessKind::Jumps, ProcessKind::Mixture, ProcessKind::Random3d,
        ProcessKind::Helix};
    if (source == LiveSource::Mouse) return {};
    const ProcessKind kind = kinds[int(source)];
    const std::uint64_t seed = 4242 + std::uint64_t(source);
    ProcessParams p;
    const bool path = kind == ProcessKind::Random3d || kind == ProcessKind::Helix;
    if (axes == 3 || (axes == 1 && path)) return generateInputs(p, kind, axes, steps, stepMs, seed);
    if (axes == 1) return generateSequence(p, kind, steps, seed);
    std::vector<double> az, pitch, out;
    if (path) {
        const auto xy = generateInputs(p, kind, 2, steps, stepMs, seed);
        for (int t = 0; t < steps; ++t) {
            az.push_back(xy[std::size_t(2 * t)]);
            pitch.push_back(std::asin(std::sin(xy[std::size_t(2 * t + 1)])));
        }
    } else {
        az = generateSequence(p, kind, steps, seed);
        p.halfRange = true;
        pitch = generateSequence(p, kind, steps, seed + 1000);
    }
    for (int t = 0; t < steps; ++t) {
        out.push_back(az[std::size_t(t)]);
        out.push_back(pitch[std::size_t(t)]);
    }
    return out;
}

}  // namespace as::surrogate
