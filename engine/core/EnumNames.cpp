#include "core/EnumNames.h"

namespace as {

std::string joinNames(const std::vector<std::string>& names) {
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    return known;
}

const char* nameAt(const std::vector<std::string>& names, int i) {
    return (i >= 0 && std::size_t(i) < names.size()) ? names[std::size_t(i)].c_str() : "?";
}

}  // namespace as
