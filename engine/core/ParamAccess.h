#pragma once
// Key-based access to a parameter struct, built from a table of (spec, member pointer) rows, so
// every parameter struct gets get/set/specs without writing the same switch statement again.
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/ParamSpec.h"

namespace as {

/// A number as check() messages print it ("130.03"): `precision` significant digits.
inline std::string formatNumber(double v, int precision = 5) {
    std::ostringstream s;
    s.precision(precision);
    s << v;
    return s.str();
}

/// Thrown for an unknown key or an ill-typed value; message names the key.
class ParamError : public std::invalid_argument {
  public:
    using std::invalid_argument::invalid_argument;
};

/// Table binding ParamSpecs to the members of a struct P. Members may be double, int,
/// std::uint64_t or an enum class (stored as its index).
template <class P>
class ParamTable {
  public:
    using Getter = double (*)(const P&);
    using Setter = void (*)(P&, double);
    struct Row {
        ParamSpec spec;
        Getter get;
        Setter set;
    };

    void add(ParamSpec spec, Getter g, Setter s) { rows_.push_back({std::move(spec), g, s}); }

    std::vector<ParamSpec> specs() const {
        std::vector<ParamSpec> out;
        for (const auto& r : rows_) out.push_back(r.spec);
        return out;
    }
    double get(const P& p, const std::string& key) const { return row(key).get(p); }
    void set(P& p, const std::string& key, double v) const {
        const Row& r = row(key);
        if (r.spec.integer || !r.spec.choices.empty()) {
            // Within what the member holds before any cast (NaN and infinities fail too): int, or
            // [0, 2^53] for the unsigned 64-bit seeds (range past INT_MAX); a spec with min >= 0
            // (every unsigned member) refuses negatives here.
            const double lo = r.spec.min >= 0 ? 0.0 : -2147483648.0;
            const double hi = r.spec.max > 2147483647.0 ? 9007199254740992.0 : 2147483647.0;
            if (!(v >= lo && v <= hi) || v != std::trunc(v))
                throw ParamError(key + " must be an integer in [" + formatNumber(lo, 16) + ", " +
                                 formatNumber(hi, 16) + "] (got " + formatNumber(v, 6) + ")");
        }
        if (!r.spec.choices.empty() && (v < 0 || v >= static_cast<double>(r.spec.choices.size())))
            throw ParamError(key + " must be one of its " + std::to_string(r.spec.choices.size()) +
                             " choices");
        r.set(p, v);
    }
    /// Parses "value" for `key`: a number, or for enumerations one of the choice names.
    double parse(const std::string& key, const std::string& text) const {
        const Row& r = row(key);
        for (std::size_t i = 0; i < r.spec.choices.size(); ++i)
            if (r.spec.choices[i] == text) return static_cast<double>(i);
        try {
            std::size_t used = 0;
            double v = std::stod(text, &used);
            if (used != text.size()) throw std::invalid_argument(text);
            return v;
        } catch (const std::exception&) {
            std::string msg = key + ": '" + text + "' is not a number";
            if (!r.spec.choices.empty()) {
                msg += " nor one of";
                for (const auto& c : r.spec.choices) msg += " " + c;
            }
            throw ParamError(msg);
        }
    }
    bool has(const std::string& key) const {
        for (const auto& r : rows_)
            if (r.spec.key == key) return true;
        return false;
    }

  private:
    const Row& row(const std::string& key) const {
        for (const auto& r : rows_)
            if (r.spec.key == key) return r;
        std::string known;
        for (const auto& r : rows_) known += (known.empty() ? "" : ", ") + r.spec.key;
        throw ParamError("unknown parameter '" + key + "' (known: " + known + ")");
    }
    std::vector<Row> rows_;
};

}  // namespace as
