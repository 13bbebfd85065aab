#include "sde/NodeFunctions.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "core/ParamAccess.h"

namespace as::sde {
namespace {

class Cvfr final : public NodeFunctions {
  public:
    explicit Cvfr(const NodeParams& p) : NodeFunctions(p) {}
    double f(double x) const override { return -p_.r * x; }
    double df(double) const override { return -p_.r; }
    double g(double x) const override { return p_.beta * x * x / (p_.c + x * x); }
    double dg(double x) const override {
        const double d = p_.c + x * x;
        return 2.0 * p_.beta * p_.c * x / (d * d);
    }
    void f(const Eigen::ArrayXXf& x, Eigen::ArrayXXf& out) const override {
        out = x * float(-p_.r);
    }
    void g(const Eigen::ArrayXXf& x, Eigen::ArrayXXf& out) const override {
        const auto x2 = x.square();
        out = float(p_.beta) * x2 / (float(p_.c) + x2);
    }
    void dg(const Eigen::ArrayXXf& x, Eigen::ArrayXXf& out) const override {
        const auto d = float(p_.c) + x.square();
        out = float(2.0 * p_.beta * p_.c) * x / (d * d);
    }
    double decay() const override { return p_.r; }
    std::vector<double> alphabet(double lambda) const override {
        // f(a) + lambda g(a) = 0 with a != 0:  r (c + a^2) = lambda beta a.
        if (p_.r == 0.0) return {};
        const double bl = p_.beta * lambda / p_.r;
        const double disc = bl * bl - 4.0 * p_.c;
        if (disc < 0.0) return {};
        const double s = std::sqrt(disc);
        return {(bl - s) / 2.0, (bl + s) / 2.0};
    }
};

class Hopfield final : public NodeFunctions {
  public:
    explicit Hopfield(const NodeParams& p) : NodeFunctions(p) {}
    double f(double x) const override { return -p_.r * x; }
    double df(double) const override { return -p_.r; }
    double g(double x) const override { return p_.beta * std::tanh(x); }
    double dg(double x) const override {
        const double t = std::tanh(x);
        return p_.beta * (1.0 - t * t);
    }
    void f(const Eigen::ArrayXXf& x, Eigen::ArrayXXf& out) const override {
        out = x * float(-p_.r);
    }
    void g(const Eigen::ArrayXXf& x, Eigen::ArrayXXf& out) const override {
        out = float(p_.beta) * x.tanh();
    }
    void dg(const Eigen::ArrayXXf& x, Eigen::ArrayXXf& out) const override {
        out = float(p_.beta) * (1.0f - x.tanh().square());
    }
    double decay() const override { return p_.r; }
    std::vector<double> alphabet(double lambda) const override {
        // r a = lambda beta tanh(a): a non-zero pair +-a exists when lambda beta > r. Newton from
        // the saturated guess a = lambda beta / r.
        const double k = lambda * p_.beta;
        if (p_.r <= 0.0 || k <= p_.r) return {};
        double a = k / p_.r;
        for (int it = 0; it < 100; ++it) {
            const double t = std::tanh(a);
            const double h = p_.r * a - k * t, dh = p_.r - k * (1.0 - t * t);
            const double next = a - h / dh;
            if (std::abs(next - a) < 1e-15 * std::abs(a)) break;
            a = next;
        }
        return {-a, a};
    }
};

}  // namespace

std::shared_ptr<const NodeFunctions> NodeFunctions::make(const NodeParams& p) {
    if (!(p.beta > 0.0) || !std::isfinite(p.beta))
        throw std::invalid_argument("beta must be > 0 (got " + formatNumber(p.beta) + ")");
    if (!(p.r >= 0.0) || !std::isfinite(p.r))
        throw std::invalid_argument("r must be >= 0 (got " + formatNumber(p.r) + ")");
    switch (p.model) {
        case NodeModel::Cvfr:
            if (!(p.c > 0.0) || !std::isfinite(p.c))
                throw std::invalid_argument("c must be > 0 (got " + formatNumber(p.c) + ")");
            return std::make_shared<Cvfr>(p);
        case NodeModel::Hopfield:
            return std::make_shared<Hopfield>(p);
    }
    throw std::invalid_argument("unknown node model " + std::to_string(int(p.model)));
}

}  // namespace as::sde
