#pragma once
// Key-based access to a parameter struct, built from a table of (spec, member) rows, so every
// parameter struct gets get/set/parse/specs and the per-parameter half of check() from its one
// description, without writing the same switch statement again.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "core/ParamSpec.h"
#include "core/SpecKinds.h"

namespace as {

/// Table binding ParamSpecs to the members of a struct P. Members may be double, int, long,
/// std::uint64_t, bool or an enum class (stored as its index).
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

    /// A row whose value is computed (an array element, ...).
    void add(ParamSpec spec, Getter g, Setter s) {
        if (!spec.choices.empty()) {  // an enumeration: the index of one of the choices
            spec.integer = true;
            spec.min = 0;
            spec.max = double(spec.choices.size() - 1);
        }
        if (spec.integer) {
            spec.step = std::max(spec.step, 1.0);
            spec.decimals = 0;
        }
        rows_.push_back({std::move(spec), g, s});
    }
    /// A row bound to a member: &P::tau.
    template <auto Member>
    void add(ParamSpec spec) {
        add(
            std::move(spec), [](const P& p) { return toDouble(p.*Member); },
            [](P& p, double v) { fromDouble(p.*Member, v); });
    }

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
    /// The per-parameter rules of check(): every value finite and within its spec's range, in
    /// table order. Throws ParamError naming the first that is not.
    void checkRanges(const P& p) const {
        for (const auto& r : rows_) r.spec.checkValue(r.get(p));
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
    template <class M>
    static double toDouble(const M& m) {
        if constexpr (std::is_enum_v<M>)
            return double(static_cast<std::underlying_type_t<M>>(m));
        else if constexpr (std::is_same_v<M, bool>)
            return m ? 1.0 : 0.0;
        else
            return static_cast<double>(m);
    }
    template <class M>
    static void fromDouble(M& m, double v) {
        if constexpr (std::is_enum_v<M>)
            m = static_cast<M>(static_cast<std::underlying_type_t<M>>(v));
        else if constexpr (std::is_same_v<M, bool>)
            m = v != 0.0;
        else
            m = static_cast<M>(v);
    }
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
