#pragma once
// The names an enumeration is spelled with in files, on the CLI and in summaries ("gru",
// "converged"): one list a type, indexed by the enumerator's value (0, 1, ...), read both ways.
#include <string>
#include <vector>

namespace as {

/// "a, b, c": the names as error messages list them.
std::string joinNames(const std::vector<std::string>& names);

/// The name of value i, "?" outside the list.
const char* nameAt(const std::vector<std::string>& names, int i);

/// The value named `name`; throws Error "unknown <what> '<name>' (known: a, b, c)".
template <class E, class Error>
E enumFromName(const std::vector<std::string>& names, const std::string& name,
               const std::string& what) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return E(int(i));
    throw Error("unknown " + what + " '" + name + "' (known: " + joinNames(names) + ")");
}

}  // namespace as
