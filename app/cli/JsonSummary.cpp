#include "JsonSummary.h"

#include <cmath>
#include <cstdio>

namespace as::cli {

JsonSummary& JsonSummary::add(const std::string& key, double value) {
    if (!std::isfinite(value)) return addNull(key);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.10g", value);
    fields_.emplace_back(key, buf);
    return *this;
}

JsonSummary& JsonSummary::add(const std::string& key, long long value) {
    fields_.emplace_back(key, std::to_string(value));
    return *this;
}

JsonSummary& JsonSummary::add(const std::string& key, bool value) {
    fields_.emplace_back(key, value ? "true" : "false");
    return *this;
}

JsonSummary& JsonSummary::add(const std::string& key, const std::string& value) {
    fields_.emplace_back(key, quote(value));
    return *this;
}

JsonSummary& JsonSummary::add(const std::string& key, std::optional<double> value) {
    return value ? add(key, *value) : addNull(key);
}

JsonSummary& JsonSummary::addNull(const std::string& key) {
    fields_.emplace_back(key, "null");
    return *this;
}

std::string JsonSummary::str() const {
    std::string out = "{";
    for (std::size_t i = 0; i < fields_.size(); ++i) {
        if (i) out += ",";
        out += quote(fields_[i].first) + ":" + fields_[i].second;
    }
    return out + "}";
}

std::string JsonSummary::quote(const std::string& text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += char(c);
                }
        }
    }
    return out + "\"";
}

}  // namespace as::cli
