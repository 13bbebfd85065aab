#pragma once
// A tiny writer for the one-line JSON object every attractor-cli run prints last.
// Keys keep insertion order; NaN and infinities become null.
#include <optional>
#include <string>
#include <vector>

namespace as::cli {

class JsonSummary {
  public:
    JsonSummary& add(const std::string& key, double value);
    JsonSummary& add(const std::string& key, long long value);
    JsonSummary& add(const std::string& key, bool value);
    JsonSummary& add(const std::string& key, const std::string& value);
    JsonSummary& add(const std::string& key, const char* value) {
        return add(key, std::string(value));
    }
    JsonSummary& add(const std::string& key, std::optional<double> value);  ///< nullopt -> null
    JsonSummary& addNull(const std::string& key);
    /// An optional output path: null when empty.
    JsonSummary& addOrNull(const std::string& key, const std::string& value) {
        return value.empty() ? addNull(key) : add(key, value);
    }
    /// The object on one line, e.g. {"protocol":"moving","lag_rad":0.12,"t95_ms":null}.
    std::string str() const;

    static std::string quote(const std::string& text);

  private:
    std::vector<std::pair<std::string, std::string>> fields_;  // key, encoded value
};

}  // namespace as::cli
