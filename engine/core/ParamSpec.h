#pragma once
// Describes one user-settable parameter once, so that forms (GUI), `--set key=value` and
// `--list-params` (CLI), session files (HDF5 attributes with units) and the per-parameter part of
// check() are all built from it. Tables write one with the builders of core/SpecKinds.h, e.g.
//     openBelow(realSpec("tau", "Time constant tau", "ms", 1, 0, 1000, 0.1, 3,
//                        "Membrane time constant."))
// Rules that tie several parameters (k < k_c, dt <= 5 tau, ...) stay as code in check(), next to
// the table; `rule` then names the range in words for the tooltip and --list-params.
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace as {

/// Thrown for an unknown key, an ill-typed value or a broken rule; the message names the key.
class ParamError : public std::invalid_argument {
  public:
    using std::invalid_argument::invalid_argument;
};

/// A number as check() messages print it ("130.03"): `precision` significant digits.
std::string formatNumber(double v, int precision = 5);

/// A cross-field rule of check(): throws ParamError "<rule> (got <got>)" unless ok.
void requireRule(bool ok, const std::string& rule, double got, int precision = 5);

struct ParamSpec {
    static constexpr double kInf = std::numeric_limits<double>::infinity();

    std::string key{};    ///< stable identifier used in sessions and on the CLI (e.g. "tau")
    std::string label{};  ///< human-readable name for forms
    std::string unit{};   ///< unit text ("ms", "rad", "" for dimensionless)
    double defaultValue = 0.0;
    double min = 0.0;                    ///< lower end of the range check() enforces (-kInf: none)
    double max = 1.0;                    ///< upper end of the range check() enforces (kInf: none)
    bool minOpen = false;                ///< the range excludes min: (min, ...
    bool maxOpen = false;                ///< the range excludes max: ..., max)
    double step = 0.1;                   ///< spin-box step
    int decimals = 3;                    ///< digits shown in forms
    bool integer = false;                ///< integer-valued (N, seed, ...)
    std::vector<std::string> choices{};  ///< non-empty: an enumeration; the value is the index
    std::string tooltip{};               ///< what it means (help() adds the range)
    /// The range in words where check() narrows [min, max] with a cross-field rule, e.g.
    /// "(0, k_c)"; empty: the range is [min, max] with its ends.
    std::string rule{};
    /// Limits of the form's spin box where the range is unbounded or too wide to type in
    /// (NaN: from the range).
    double formMin = std::numeric_limits<double>::quiet_NaN();
    double formMax = std::numeric_limits<double>::quiet_NaN();

    /// The range as printed: "(0, 1000]", ">= 0", "[2 dx, pi/2]" (rule), or "euler|rk4".
    std::string rangeText() const;
    /// The tooltip with the range and unit: "Membrane time constant. Range (0, 1000] ms."
    std::string help() const;
    /// Lowest and highest value the form offers (an open end moves in by one shown digit).
    double formLow() const;
    double formHigh() const;
    /// Throws ParamError "tau must be in (0, 1000] ms (got 2000)" unless v is finite and in range
    /// (for enumerations: one of the choices; for integers: a whole number).
    void checkValue(double v) const;
};

/// Finds a spec by key; returns nullptr if unknown.
const ParamSpec* findSpec(const std::vector<ParamSpec>& specs, const std::string& key);

template <class P>
class ParamTable;

/// Base of a parameter struct P (struct CannParams : ParamKeys<CannParams>): access by key,
/// served by P's table of ParamSpecs. P's .cpp defines describe() (the table's rows) and
/// instantiates the template (core/ParamKeysImpl.h has the definitions).
template <class P>
struct ParamKeys {
    static const std::vector<ParamSpec>& specs();
    double get(const std::string& key) const;
    /// Sets by key; refuses unknown keys and values the member cannot hold (a whole number for
    /// an integer, one of the choices), not the range: check() does that.
    void set(const std::string& key, double value);
    /// Parses a CLI value ("512", "rk4") for key.
    static double parse(const std::string& key, const std::string& text);
    bool operator==(const ParamKeys&) const = default;

  protected:
    /// The table, built once from describe().
    static const ParamTable<P>& table();

  private:
    /// Adds P's rows to t, in the order of forms and --list-params.
    static void describe(ParamTable<P>& t);
};

}  // namespace as
