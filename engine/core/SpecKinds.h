#pragma once
// Builders for the kinds of parameter every table has (a real number in a range, a whole number,
// a choice, a seed), so that a row of a table reads as one line of a table: key, label, unit,
// default, range, step, help, in ParamSpec's order. What a kind adds (an open end, a rule, the
// form's limits) goes on top with the modifiers below.
#include <string>
#include <utility>
#include <vector>

#include "core/ParamSpec.h"

namespace as {

/// A real number in [min, max], shown with `decimals` digits and stepped by `step` in forms.
inline ParamSpec realSpec(std::string key, std::string label, std::string unit, double defaultValue,
                          double min, double max, double step, int decimals, std::string tooltip) {
    return {.key = std::move(key),
            .label = std::move(label),
            .unit = std::move(unit),
            .defaultValue = defaultValue,
            .min = min,
            .max = max,
            .step = step,
            .decimals = decimals,
            .tooltip = std::move(tooltip)};
}

/// A whole number in [min, max], stepped by `step` in forms.
inline ParamSpec integerSpec(std::string key, std::string label, std::string unit,
                             double defaultValue, double min, double max, double step,
                             std::string tooltip) {
    ParamSpec s = realSpec(std::move(key), std::move(label), std::move(unit), defaultValue, min,
                           max, step, 0, std::move(tooltip));
    s.integer = true;
    return s;
}

/// One of `choices`; the value is the index of the choice (ParamTable sets the range).
inline ParamSpec choiceSpec(std::string key, std::string label, double defaultIndex,
                            std::vector<std::string> choices, std::string tooltip) {
    ParamSpec s = integerSpec(std::move(key), std::move(label), "", defaultIndex, 0, 0, 1,
                              std::move(tooltip));
    s.choices = std::move(choices);
    return s;
}

/// The same spec with its lower end excluded: (min, ...
inline ParamSpec openBelow(ParamSpec s) {
    s.minOpen = true;
    return s;
}

/// The same spec with its range in words, where check() narrows [min, max] with a cross-field
/// rule ("(0, k_c)").
inline ParamSpec withRule(ParamSpec s, std::string rule) {
    s.rule = std::move(rule);
    return s;
}

/// The same spec with limits of the form's spin box other than its range's.
inline ParamSpec withFormRange(ParamSpec s, double formMin, double formMax) {
    s.formMin = formMin;
    s.formMax = formMax;
    return s;
}

/// The seed of a random stream: a whole number in [0, max]; 2^53 is what a double holds exactly.
/// The form offers the same range.
inline ParamSpec seedSpec(std::string label, std::string tooltip, double max = 9007199254740992.0,
                          std::string key = "seed") {
    // The whole range in forms too: ParameterForm shows whole numbers past an int without
    // decimals, so a session's seed of 3e9 is shown and kept as it is.
    return integerSpec(std::move(key), std::move(label), "", 1, 0, max, 1, std::move(tooltip));
}

}  // namespace as
