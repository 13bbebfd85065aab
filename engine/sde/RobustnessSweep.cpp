#include "sde/RobustnessSweep.h"

#include <algorithm>
#include <cmath>

namespace as::sde {

namespace {

int paramIndex(const SweepTable& t, const std::string& label) {
    const auto it = std::find(t.paramLabels.begin(), t.paramLabels.end(), label);
    return it == t.paramLabels.end() ? -1 : int(it - t.paramLabels.begin());
}

std::string modelName(const SweepTable& t, std::size_t job) {
    const int eps = paramIndex(t, "eps"), g = paramIndex(t, "train_g");
    if (g >= 0) {
        const std::string v = t.paramValues[std::size_t(g)][job];
        if (v == "on" || v == "1" || v == "true") return "gtrained";
    }
    if (eps >= 0) {
        std::string v = t.paramValues[std::size_t(eps)][job];
        v.erase(std::remove(v.begin(), v.end(), '.'), v.end());
        return "eps" + v;
    }
    std::string name;
    for (std::size_t p = 0; p < t.paramLabels.size(); ++p)
        if (t.paramLabels[p] != "seed")
            name += (name.empty() ? "" : ";") + t.paramLabels[p] + "=" + t.paramValues[p][job];
    return name.empty() ? "model" : name;
}

}  // namespace

std::vector<RobustnessRecord> robustnessFromSweep(const SweepTable& t, std::string* error) {
    std::vector<RobustnessRecord> out;
    const std::string where = "merged sweep '" + t.label + "'";
    const auto nField = std::find(t.resultFields.begin(), t.resultFields.end(), "n_test");
    std::vector<std::pair<std::string, std::size_t>> accFields;  // corruption key, field index
    for (const std::string& key : robustnessColumnKeys()) {
        const auto it = std::find(t.resultFields.begin(), t.resultFields.end(), key + "_acc");
        if (it != t.resultFields.end())
            accFields.push_back({key, std::size_t(it - t.resultFields.begin())});
    }
    if (accFields.empty() || nField == t.resultFields.end()) {
        if (error)
            *error = where +
                     " has no accuracy fields (clean_acc, ...) and n_test: it is not a "
                     "sweep of `sde eval`";
        return out;
    }
    const std::size_t nIndex = std::size_t(nField - t.resultFields.begin());
    const int seedParam = paramIndex(t, "seed");
    for (std::size_t j = 0; j < t.jobCount(); ++j) {
        const double n = t.results[nIndex][j];
        if (t.status[j] != "ok" || !(n > 0)) continue;
        const std::string model = modelName(t, j);
        const double seed =
            seedParam >= 0 ? SweepTable::number(t.paramValues[std::size_t(seedParam)][j]) : 1.0;
        for (const auto& [key, f] : accFields) {
            const double acc = t.results[f][j];
            if (!std::isfinite(acc)) continue;
            out.push_back({model, key, std::isfinite(seed) ? int(seed) : 1, acc, int(n)});
        }
    }
    if (out.empty() && error) *error = where + " has no finished evaluation";
    if (error && !out.empty()) error->clear();
    return out;
}

}  // namespace as::sde
