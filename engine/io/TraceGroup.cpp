#include "io/TraceGroup.h"

#include <algorithm>
#include <cmath>

#include "io/Hdf5Handle.h"

namespace as {

void writeTraceGroup(hid_t parent, const std::string& name, const TraceBuffer& traces) {
    h5::Handle g = h5::createGroup(parent, name);
    h5::writeAttribute(g, "capacity", std::int64_t(traces.capacity()));
    for (const std::string& c : traces.channels()) {
        const std::vector<double> values = traces.channel(c);
        h5::writeDataset(g, c, values, {hsize_t(values.size())});
    }
}

TraceBuffer readTraceGroup(hid_t parent, const std::string& name,
                           const std::vector<std::string>& channels, const std::string& path,
                           std::size_t fallbackCapacity) {
    h5::Handle g = h5::openGroup(parent, name);
    std::size_t capacity = fallbackCapacity;
    if (h5::hasAttribute(g, "capacity")) {
        const std::int64_t c = h5::readIntAttribute(g, "capacity");
        if (c > 0) capacity = std::size_t(c);
    }
    std::vector<std::vector<double>> columns;
    for (const std::string& c : channels) {
        const auto dims = h5::datasetShape(g, c);
        if (dims.size() != 1)
            throw h5::Error("dataset '" + path + "/" + c + "' must be one-dimensional");
        columns.push_back(h5::readDoubles(g, c));
        if (columns.back().size() != columns.front().size())
            throw h5::Error("trace channels of unequal length ('" + path + "/" + c + "' has " +
                            std::to_string(columns.back().size()) + " rows, '" + channels.front() +
                            "' has " + std::to_string(columns.front().size()) + ")");
    }
    const std::size_t rows = columns.empty() ? 0 : columns.front().size();
    TraceBuffer traces(channels, std::max(capacity, rows));
    std::vector<double> row(channels.size());
    for (std::size_t i = 0; i < rows; ++i) {
        for (std::size_t c = 0; c < channels.size(); ++c) row[c] = columns[c][i];
        traces.append(row);
    }
    return traces;
}

std::vector<double> readFiniteVector(hid_t parent, const std::string& name, std::size_t size,
                                     const std::string& path) {
    const auto dims = h5::datasetShape(parent, name);
    if (dims.size() != 1 || (size > 0 && dims[0] != hsize_t(size)))
        throw h5::Error("dataset '" + path + "/" + name + "' must hold " + std::to_string(size) +
                        " values");
    std::vector<double> v = h5::readDoubles(parent, name);
    for (double x : v)
        if (!std::isfinite(x))
            throw h5::Error("dataset '" + path + "/" + name + "' contains non-finite values");
    return v;
}

}  // namespace as
