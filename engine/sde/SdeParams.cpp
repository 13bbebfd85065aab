#include "sde/SdeParams.h"

#include <cmath>
#include <stdexcept>

#include "core/ParamAccess.h"

namespace as::sde {
namespace {

template <double SdeParams::*M>
double getD(const SdeParams& p) {
    return p.*M;
}
template <double SdeParams::*M>
void setD(SdeParams& p, double v) {
    p.*M = v;
}
template <int SdeParams::*M>
double getI(const SdeParams& p) {
    return p.*M;
}
template <int SdeParams::*M>
void setI(SdeParams& p, double v) {
    p.*M = int(v);
}

const std::vector<std::string>& patternNames() {
    static const std::vector<std::string> n{"blocks", "blocks-minus", "canonical"};
    return n;
}

const ParamTable<SdeParams>& table() {
    static const ParamTable<SdeParams> t = [] {
        ParamTable<SdeParams> t;
        t.add({"n",
               "Nodes N",
               "",
               784,
               2,
               4096,
               1,
               0,
               true,
               {},
               "Number of coupled equations; 784 for 28x28 images."},
              &getI<&SdeParams::n>, &setI<&SdeParams::n>);
        t.add({"classes",
               "Attractors C",
               "",
               10,
               1,
               64,
               1,
               0,
               true,
               {},
               "Planted attractors, one per class; floor(N/C) >= 1."},
              &getI<&SdeParams::classes>, &setI<&SdeParams::classes>);
        t.add(
            {"pattern", "Pattern", "", 0, 0, 2, 1, 0, true, patternNames(),
             "blocks: eq 10 (block of a+); blocks-minus: eq 23 (first entry a-); canonical: a+ "
             "e_l."},
            [](const SdeParams& p) { return double(int(p.pattern)); },
            [](SdeParams& p, double v) { p.pattern = Pattern(int(v)); });
        t.add(
            {"node",
             "Node model",
             "",
             0,
             0,
             1,
             1,
             0,
             true,
             {"cvfr", "hopfield"},
             "cvfr: g = beta x^2/(c + x^2) (default); hopfield: g = beta tanh(x)."},
            [](const SdeParams& p) { return double(int(p.node)); },
            [](SdeParams& p, double v) { p.node = NodeModel(int(v)); });
        t.add({"c",
               "c",
               "",
               0.125,
               0.001,
               10,
               0.01,
               4,
               false,
               {},
               "CVFR half-saturation constant; a+- are real when beta^2 lambda^2 > 4 c r^2."},
              &getD<&SdeParams::c>, &setD<&SdeParams::c>);
        t.add({"beta", "beta", "", 1, 0.01, 100, 0.1, 3, false, {}, "Gain of g."},
              &getD<&SdeParams::beta>, &setD<&SdeParams::beta>);
        t.add({"lambda",
               "lambda",
               "",
               1,
               0.01,
               100,
               0.1,
               3,
               false,
               {},
               "Eigenvalue of A on the planted g(x_l) (eq 5); sets a+- (eq 9)."},
              &getD<&SdeParams::lambda>, &setD<&SdeParams::lambda>);
        t.add({"r", "Decay r", "", 1, 0.001, 100, 0.1, 3, false, {}, "f(x) = -r x."},
              &getD<&SdeParams::r>, &setD<&SdeParams::r>);
        t.add({"dt",
               "Euler step dt",
               "",
               0.03,
               0.001,
               1,
               0.01,
               3,
               false,
               {},
               "Step of the Euler / Euler–Maruyama integration, (0, 1]."},
              &getD<&SdeParams::dt>, &setD<&SdeParams::dt>);
        t.add({"steps",
               "Steps",
               "",
               100,
               1,
               10000,
               10,
               0,
               true,
               {},
               "Euler steps; T = steps x dt is the time the classification is read at."},
              &getI<&SdeParams::steps>, &setI<&SdeParams::steps>);
        t.add({"eps",
               "Noise eps",
               "",
               0,
               0,
               10,
               0.01,
               3,
               false,
               {},
               "Noise strength epsilon; 0 is the deterministic model."},
              &getD<&SdeParams::eps>, &setD<&SdeParams::eps>);
        t.add(
            {"noise",
             "Noise matrix G",
             "",
             0,
             0,
             1,
             1,
             0,
             true,
             {"identity", "trained"},
             "identity: G = I; trained: the model's trained G."},
            [](const SdeParams& p) { return double(int(p.noise)); },
            [](SdeParams& p, double v) { p.noise = NoiseKind(int(v)); });
        t.add({"average_steps",
               "Late-time average",
               "steps",
               20,
               1,
               10000,
               1,
               0,
               true,
               {},
               "The classification averages the state over the last K steps."},
              &getI<&SdeParams::averageSteps>, &setI<&SdeParams::averageSteps>);
        t.add(
            {"seed",
             "Seed",
             "",
             1,
             0,
             4294967295.0,
             1,
             0,
             true,
             {},
             "Seed of the Euler–Maruyama noise."},
            [](const SdeParams& p) { return double(p.seed); },
            [](SdeParams& p, double v) { p.seed = std::uint64_t(v); });
        return t;
    }();
    return t;
}

void need(bool ok, const std::string& rule, double got) {
    if (!ok) throw std::invalid_argument(rule + " (got " + formatNumber(got) + ")");
}

}  // namespace

const char* patternName(Pattern p) {
    const int i = int(p);
    return (i >= 0 && i < 3) ? patternNames()[std::size_t(i)].c_str() : "?";
}

Pattern patternFromName(const std::string& name) {
    for (std::size_t i = 0; i < patternNames().size(); ++i)
        if (patternNames()[i] == name) return Pattern(int(i));
    throw std::invalid_argument("unknown pattern '" + name +
                                "' (known: blocks, blocks-minus, canonical)");
}

void SdeParams::check() const {
    auto fin = [](double v) { return std::isfinite(v); };
    need(n >= 2 && n <= 4096, "n must be in [2, 4096]", n);
    need(classes >= 1 && classes <= 64, "classes must be in [1, 64]", classes);
    need(int(pattern) >= 0 && int(pattern) <= 2,
         "pattern must be blocks, blocks-minus or canonical", int(pattern));
    need(int(node) >= 0 && int(node) <= 1, "node must be cvfr or hopfield", int(node));
    need(int(noise) >= 0 && int(noise) <= 1, "noise must be identity or trained", int(noise));
    const int minL = pattern == Pattern::BlocksMinus ? 2 : 1;
    need(blockLength() >= minL,
         "floor(n / classes) must be >= " + std::to_string(minL) + " for pattern " +
             patternName(pattern),
         blockLength());
    need(fin(c) && c > 0 && c <= 10, "c must be in (0, 10]", c);
    need(fin(beta) && beta > 0 && beta <= 100, "beta must be in (0, 100]", beta);
    need(fin(lambda) && lambda > 0 && lambda <= 100, "lambda must be in (0, 100]", lambda);
    need(fin(r) && r > 0 && r <= 100, "r must be in (0, 100]", r);
    if (node == NodeModel::Cvfr)
        need(beta * beta * lambda * lambda > 4.0 * c * r * r,
             "beta^2 lambda^2 must exceed 4 c r^2 so that a+- (eq 9) are real; beta^2 lambda^2 - 4 "
             "c r^2 is",
             beta * beta * lambda * lambda - 4.0 * c * r * r);
    else
        need(lambda * beta > r,
             "hopfield needs lambda beta > r for a non-zero attractor; lambda beta - r is",
             lambda * beta - r);
    need(fin(dt) && dt > 0 && dt <= 1, "dt must be in (0, 1]", dt);
    need(steps >= 1 && steps <= 10000, "steps must be in [1, 10000]", steps);
    need(fin(eps) && eps >= 0 && eps <= 10, "eps must be in [0, 10]", eps);
    need(averageSteps >= 1 && averageSteps <= steps, "average_steps must be in [1, steps]",
         averageSteps);
}

const std::vector<ParamSpec>& SdeParams::specs() {
    static const std::vector<ParamSpec> s = table().specs();
    return s;
}
double SdeParams::get(const std::string& key) const {
    return table().get(*this, key);
}
void SdeParams::set(const std::string& key, double value) {
    table().set(*this, key, value);
}
double SdeParams::parse(const std::string& key, const std::string& text) {
    return table().parse(key, text);
}

}  // namespace as::sde
