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
const ParamTable<sde::SdeParams>& ParamKeys<sde::SdeParams>::table() {
    static const ParamTable<sde::SdeParams> t = [] {
        ParamTable<sde::SdeParams> t;
        // Positive constants: (0, max].
        auto positive = [](ParamSpec s) {
            s.min = 0;
            s.minOpen = true;
            return s;
        };
        t.add<&sde::SdeParams::n>(
            {.key = "n",
             .label = "Nodes N",
             .defaultValue = 784,
             .min = 2,
             .max = 4096,
             .integer = true,
             .tooltip = "Number of coupled equations; 784 for 28x28 images."});
        t.add<&sde::SdeParams::classes>(
            {.key = "classes",
             .label = "Attractors C",
             .defaultValue = 10,
             .min = 1,
             .max = 64,
             .integer = true,
             .tooltip = "Planted attractors, one per class; floor(N/C) >= 1."});
        t.add<&sde::SdeParams::pattern>({.key = "pattern",
                                         .label = "Pattern",
                                         .defaultValue = 0,
                                         .choices = sde::patternNames(),
                                         .tooltip =
                                             "blocks: eq 10 (block of a+); blocks-minus: eq 23 "
                                             "(first entry a-); canonical: a+ e_l."});
        t.add<&sde::SdeParams::node>(
            {.key = "node",
             .label = "Node model",
             .defaultValue = 0,
             .choices = {"cvfr", "hopfield"},
             .tooltip = "cvfr: g = beta x^2/(c + x^2) (default); hopfield: g = beta tanh(x)."});
        t.add<&sde::SdeParams::c>(positive(
            {.key = "c",
             .label = "c",
             .defaultValue = 0.125,
             .max = 10,
             .step = 0.01,
             .decimals = 4,
             .tooltip =
                 "CVFR half-saturation constant; a+- are real when beta^2 lambda^2 > 4 c r^2."}));
        t.add<&sde::SdeParams::beta>(positive({.key = "beta",
                                               .label = "beta",
                                               .defaultValue = 1,
                                               .max = 100,
                                               .step = 0.1,
                                               .decimals = 3,
                                               .tooltip = "Gain of g."}));
        t.add<&sde::SdeParams::lambda>(positive(
            {.key = "lambda",
             .label = "lambda",
             .defaultValue = 1,
             .max = 100,
             .step = 0.1,
             .decimals = 3,
             .tooltip = "Eigenvalue of A on the planted g(x_l) (eq 5); sets a+- (eq 9)."}));
        t.add<&sde::SdeParams::r>(positive({.key = "r",
                                            .label = "Decay r",
                                            .defaultValue = 1,
                                            .max = 100,
                                            .step = 0.1,
                                            .decimals = 3,
                                            .tooltip = "f(x) = -r x."}));
        t.add<&sde::SdeParams::dt>(
            positive({.key = "dt",
                      .label = "Euler step dt",
                      .defaultValue = 0.03,
                      .max = 1,
                      .step = 0.01,
                      .decimals = 3,
                      .tooltip = "Step of the Euler / Euler–Maruyama integration."}));
        t.add<&sde::SdeParams::steps>(
            {.key = "steps",
             .label = "Steps",
             .defaultValue = 100,
             .min = 1,
             .max = 10000,
             .step = 10,
             .integer = true,
             .tooltip = "Euler steps; T = steps x dt is the time the classification is read at."});
        t.add<&sde::SdeParams::eps>(
            {.key = "eps",
             .label = "Noise eps",
             .defaultValue = 0,
             .min = 0,
             .max = 10,
             .step = 0.01,
             .decimals = 3,
             .tooltip = "Noise strength epsilon; 0 is the deterministic model."});
        t.add<&sde::SdeParams::noise>(
            {.key = "noise",
             .label = "Noise matrix G",
             .defaultValue = 0,
             .choices = {"identity", "trained"},
             .tooltip = "identity: G = I; trained: the model's trained G."});
        t.add<&sde::SdeParams::averageSteps>(
            {.key = "average_steps",
             .label = "Late-time average",
             .unit = "steps",
             .defaultValue = 20,
             .min = 1,
             .max = 10000,
             .integer = true,
             .tooltip = "The classification averages the state over the last K steps.",
             .rule = "[1, steps]"});
        t.add<&sde::SdeParams::seed>(seedSpec("Seed", "Seed of the Euler–Maruyama noise."));
        return t;
    }();
    return t;
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
