#include "io/SweepSeries.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace as {

namespace {

std::size_t indexOf(const std::vector<std::string>& names, const std::string& name,
                    const char* what) {
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
        std::string known;
        for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
        throw std::invalid_argument(std::string("the sweep has no ") + what + " '" + name +
                                    "' (it has: " + known + ")");
    }
    return std::size_t(it - names.begin());
}

/// The numeric position of each job's value: the number itself, or for text the order of first
/// appearance.
std::vector<double> positions(const std::vector<std::string>& values) {
    std::vector<double> x(values.size());
    std::map<std::string, double> textIndex;
    for (std::size_t j = 0; j < values.size(); ++j) {
        x[j] = SweepTable::number(values[j]);
        if (std::isnan(x[j])) {
            auto [it, added] = textIndex.emplace(values[j], double(textIndex.size()));
            x[j] = it->second;
        }
    }
    return x;
}

}  // namespace

std::vector<SweepCurve> sweepSeries(const SweepTable& t, const SweepSeriesRequest& r) {
    const std::size_t p = indexOf(t.paramLabels, r.xParam, "parameter");
    const std::vector<double>* y = nullptr;
    if (r.field == "wall_s") {
        y = &t.wallSeconds;
    } else {
        y = &t.results[indexOf(t.resultFields, r.field, "result field")];
    }
    const std::vector<double> x = positions(t.paramValues[p]);
    std::vector<std::string> curveOf(t.jobCount(), r.field);
    if (!r.split.empty()) {
        const std::size_t s = indexOf(t.paramLabels, r.split, "parameter");
        for (std::size_t j = 0; j < t.jobCount(); ++j)
            curveOf[j] = r.split + " = " + t.paramValues[s][j];
    }
    // curve name -> x -> (values, the x value's text); curves in order of first appearance.
    std::vector<std::string> order;
    std::map<std::string, std::map<double, std::pair<std::vector<double>, std::string>>> groups;
    for (std::size_t j = 0; j < t.jobCount(); ++j) {
        if (t.status[j] != "ok" || !std::isfinite((*y)[j])) continue;
        if (!groups.count(curveOf[j])) order.push_back(curveOf[j]);
        auto& g = groups[curveOf[j]][x[j]];
        g.first.push_back((*y)[j]);
        g.second = t.paramValues[p][j];
    }
    std::vector<SweepCurve> curves;
    for (const auto& name : order) {
        SweepCurve c;
        c.name = name;
        for (const auto& [xv, g] : groups[name]) {
            const auto& v = g.first;
            double sum = 0;
            for (double e : v) sum += e;
            const double mean = sum / double(v.size());
            double ss = 0;
            for (double e : v) ss += (e - mean) * (e - mean);
            c.x.push_back(xv);
            c.xText.push_back(g.second);
            c.mean.push_back(mean);
            c.std.push_back(v.size() > 1 ? std::sqrt(ss / double(v.size() - 1)) : NAN);
            c.n.push_back(double(v.size()));
        }
        curves.push_back(std::move(c));
    }
    return curves;
}

}  // namespace as
