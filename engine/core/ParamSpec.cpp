#include "core/ParamSpec.h"

namespace as {

const ParamSpec* findSpec(const std::vector<ParamSpec>& specs, const std::string& key) {
    for (const auto& s : specs)
        if (s.key == key) return &s;
    return nullptr;
}

}  // namespace as
