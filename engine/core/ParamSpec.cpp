#include "core/ParamSpec.h"

#include <cmath>
#include <sstream>

namespace as {

std::string formatNumber(double v, int precision) {
    std::ostringstream s;
    s.precision(precision);
    s << v;
    return s.str();
}

void requireRule(bool ok, const std::string& rule, double got, int precision) {
    if (!ok) throw ParamError(rule + " (got " + formatNumber(got, precision) + ")");
}

std::string ParamSpec::rangeText() const {
    std::string out;
    if (!choices.empty()) {
        for (const auto& c : choices) out.append(out.empty() ? "" : "|").append(c);
        return out;
    }
    if (!rule.empty()) return rule;
    const bool lo = std::isfinite(min), hi = std::isfinite(max);
    const int digits = integer ? 16 : 5;  // whole numbers in full: [0, 9007199254740992]
    if (lo && hi)
        return out.append(minOpen ? "(" : "[")
            .append(formatNumber(min, digits))
            .append(", ")
            .append(formatNumber(max, digits))
            .append(maxOpen ? ")" : "]");
    if (lo) return out.append(minOpen ? "> " : ">= ").append(formatNumber(min, digits));
    if (hi) return out.append(maxOpen ? "< " : "<= ").append(formatNumber(max, digits));
    return "any number";
}

std::string ParamSpec::help() const {
    std::string out = tooltip;
    if (!choices.empty()) return out;
    if (!out.empty() && out.back() != '.') out += '.';
    out.append(out.empty() ? "Range " : " Range ").append(rangeText());
    if (!unit.empty()) out.append(" ").append(unit);
    return out.append(".");
}

double ParamSpec::formLow() const {
    if (!std::isnan(formMin)) return formMin;
    if (!std::isfinite(min)) return -1e9;
    return minOpen ? min + (integer ? 1.0 : std::pow(10.0, -decimals)) : min;
}

double ParamSpec::formHigh() const {
    if (!std::isnan(formMax)) return formMax;
    if (!std::isfinite(max)) return 1e9;
    return maxOpen ? max - (integer ? 1.0 : std::pow(10.0, -decimals)) : max;
}

void ParamSpec::checkValue(double v) const {
    std::string rule = key + " must be ";
    if (!choices.empty()) {
        if (v >= 0 && v < double(choices.size()) && v == std::trunc(v)) return;
        for (std::size_t i = 0; i < choices.size(); ++i)
            rule.append(i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ").append(choices[i]);
    } else {
        if (std::isfinite(v) && (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max) &&
            (!integer || v == std::trunc(v)))
            return;
        const std::string range = rangeText();
        if (range.front() == '(' || range.front() == '[') rule.append("in ");
        rule.append(range);
        if (!unit.empty()) rule.append(" ").append(unit);
        if (integer && v != std::trunc(v)) rule.append(", a whole number");
    }
    throw ParamError(rule.append(" (got ").append(formatNumber(v, 6)).append(")"));
}

const ParamSpec* findSpec(const std::vector<ParamSpec>& specs, const std::string& key) {
    for (const auto& s : specs)
        if (s.key == key) return &s;
    return nullptr;
}

}  // namespace as
