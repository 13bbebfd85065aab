#pragma once
// Parameters of the SDE classifier lab (seed 002 §II–§V; docs/models/sde-classifier.md):
//   dx/dt = f(x) + A g(x) + eps G eta,  A = Atilde (1 - P) + Ptilde   (eq 1–4)
// integrated by Euler / Euler–Maruyama over `steps` steps of `dt`. Every field is a documented,
// settable parameter (GUI form, `--set key=value`, session attributes).
#include <cstdint>
#include <string>
#include <vector>

#include "core/ParamSpec.h"
#include "sde/NodeFunctions.h"

namespace as::sde {

/// Which points are planted (§III, Appendix A). L = floor(N / C).
enum class Pattern {
    Blocks = 0,  ///< eq 10: block l (L entries) equals a_+, the rest 0; 3^C stationary points
    BlocksMinus =
        1,          ///< eq 23: as Blocks but the block's first entry is a_-; 2^C stationary points
    Canonical = 2,  ///< x_l = a_+ e_l (the first C canonical vectors, §III's stability analysis)
};

/// The noise matrix G: the identity (eps sets the strength) or a trained matrix.
enum class NoiseKind { Identity = 0, Trained = 1 };

struct SdeParams : ParamKeys<SdeParams> {
    // Each member's range, unit and help text are described once, in the table behind specs()
    // (SdeParams.cpp); check() enforces them and the rules between members.
    int n = 784;       ///< nodes N (an image's pixels). [2, 4096]
    int classes = 10;  ///< planted attractors C. [1, 64], with floor(N/C) >= 1 (>= 2 for eq 23)
    Pattern pattern = Pattern::Blocks;  ///< planted pattern (eq 10, eq 23 or canonical)
    NodeModel node = NodeModel::Cvfr;   ///< f and g: CVFR (default) or Hopfield (tanh)
    double c = 0.125;   ///< CVFR constant c. Default 1/8, (0, 10]; beta^2 lambda^2 > 4 c r^2
    double beta = 1.0;  ///< gain beta of g. Default 1, (0, 100]
    double lambda =
        1.0;           ///< eigenvalue lambda of A on the planted g(x_l) (eq 5). Default 1, (0, 100]
    double r = 1.0;    ///< decay r in f(x) = -r x. Default 1, (0, 100]
    double dt = 0.03;  ///< Euler step (model time units). Default 0.03 (T = 3, as in §VI), (0, 1]
    int steps = 100;   ///< Euler steps to T = steps dt. Default 100, [1, 10000]
    double eps = 0.0;  ///< noise strength epsilon. Default 0 (deterministic), [0, 10]
    NoiseKind noise = NoiseKind::Identity;  ///< G = identity or the trained G
    int averageSteps = 20;   ///< the late-time average classifies: the last K steps. [1, steps]
    std::uint64_t seed = 1;  ///< seed of the Euler–Maruyama noise

    int blockLength() const { return classes > 0 ? n / classes : 0; }  ///< L = floor(N / C)
    NodeParams nodeParams() const { return {node, c, beta, r}; }

    /// Throws std::invalid_argument naming the violated rule.
    void check() const;
};

const char* patternName(Pattern p);  ///< "blocks", "blocks-minus", "canonical"
Pattern patternFromName(
    const std::string& name);  ///< throws std::invalid_argument listing the names

}  // namespace as::sde
