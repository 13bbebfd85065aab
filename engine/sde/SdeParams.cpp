#include "sde/SdeParams.h"

#include <cmath>
#include <stdexcept>

#include "core/EnumNames.h"
#include "core/ParamKeysImpl.h"

namespace as::sde {
namespace {

const std::vector<std::string>& patternNames() {
    static const std::vector<std::string> n{"blocks", "blocks-minus", "canonical"};
    return n;
}

}  // namespace

}  // namespace as::sde

namespace as {

template <>
void ParamKeys<sde::SdeParams>::describe(ParamTable<sde::SdeParams>& t) {
    // Positive constants: (0, max].
    auto positive = [](const char* key, const char* label, double defaultValue, double max,
                       double step, int decimals, const char* tooltip) {
        return openBelow(realSpec(key, label, "", defaultValue, 0, max, step, decimals, tooltip));
    };
    t.add<&sde::SdeParams::n>(integerSpec("n", "Nodes N", "", 784, 2, 4096, 1,
                                          "Number of coupled equations; 784 for 28x28 images."));
    t.add<&sde::SdeParams::classes>(
        integerSpec("classes", "Attractors C", "", 10, 1, 64, 1,
                    "Planted attractors, one per class; floor(N/C) >= 1."));
    t.add<&sde::SdeParams::pattern>(choiceSpec("pattern", "Pattern", 0, sde::patternNames(),
                                               "blocks: eq 10 (block of a+); blocks-minus: eq 23 "
                                               "(first entry a-); canonical: a+ e_l."));
    t.add<&sde::SdeParams::node>(
        choiceSpec("node", "Node model", 0, {"cvfr", "hopfield"},
                   "cvfr: g = beta x^2/(c + x^2) (default); hopfield: g = beta tanh(x)."));
    t.add<&sde::SdeParams::c>(
        positive("c", "c", 0.125, 10, 0.01, 4,
                 "CVFR half-saturation constant; a+- are real when beta^2 lambda^2 > 4 c r^2."));
    t.add<&sde::SdeParams::beta>(positive("beta", "beta", 1, 100, 0.1, 3, "Gain of g."));
    t.add<&sde::SdeParams::lambda>(
        positive("lambda", "lambda", 1, 100, 0.1, 3,
                 "Eigenvalue of A on the planted g(x_l) (eq 5); sets a+- (eq 9)."));
    t.add<&sde::SdeParams::r>(positive("r", "Decay r", 1, 100, 0.1, 3, "f(x) = -r x."));
    t.add<&sde::SdeParams::dt>(positive("dt", "Euler step dt", 0.03, 1, 0.01, 3,
                                        "Step of the Euler / Euler–Maruyama integration."));
    t.add<&sde::SdeParams::steps>(
        integerSpec("steps", "Steps", "", 100, 1, 10000, 10,
                    "Euler steps; T = steps x dt is the time the classification is read at."));
    t.add<&sde::SdeParams::eps>(realSpec("eps", "Noise eps", "", 0, 0, 10, 0.01, 3,
                                         "Noise strength epsilon; 0 is the deterministic model."));
    t.add<&sde::SdeParams::noise>(choiceSpec("noise", "Noise matrix G", 0, {"identity", "trained"},
                                             "identity: G = I; trained: the model's trained G."));
    t.add<&sde::SdeParams::averageSteps>(
        withRule(integerSpec("average_steps", "Late-time average", "steps", 20, 1, 10000, 1,
                             "The classification averages the state over the last K steps."),
                 "[1, steps]"));
    t.add<&sde::SdeParams::seed>(seedSpec("Seed", "Seed of the Euler–Maruyama noise."));
}

template struct ParamKeys<sde::SdeParams>;

}  // namespace as

namespace as::sde {

const char* patternName(Pattern p) {
    return nameAt(patternNames(), int(p));
}

Pattern patternFromName(const std::string& name) {
    return enumFromName<Pattern, std::invalid_argument>(patternNames(), name, "pattern");
}

void SdeParams::check() const {
    table().checkRanges(*this);
    const int minL = pattern == Pattern::BlocksMinus ? 2 : 1;
    requireRule(blockLength() >= minL,
                "floor(n / classes) must be >= " + std::to_string(minL) + " for pattern " +
                    patternName(pattern),
                blockLength());
    if (node == NodeModel::Cvfr)
        requireRule(
            beta * beta * lambda * lambda > 4.0 * c * r * r,
            "beta^2 lambda^2 must exceed 4 c r^2 so that a+- (eq 9) are real; beta^2 lambda^2 - 4 "
            "c r^2 is",
            beta * beta * lambda * lambda - 4.0 * c * r * r);
    else
        requireRule(lambda * beta > r,
                    "hopfield needs lambda beta > r for a non-zero attractor; lambda beta - r is",
                    lambda * beta - r);
    requireRule(averageSteps <= steps, "average_steps must be in [1, steps]", averageSteps);
}

}  // namespace as::sde
