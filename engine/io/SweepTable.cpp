#include "io/SweepTable.h"

#include <charconv>
#include <cmath>

#include "io/Hdf5Handle.h"

namespace as {

namespace {

std::string joined(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
    return out;
}

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (true) {
        const std::size_t next = text.find(sep, at);
        out.push_back(text.substr(at, next == std::string::npos ? std::string::npos : next - at));
        if (next == std::string::npos) return out;
        at = next + 1;
    }
}

/// A column with its values as text in the attribute "values".
void writeTextColumn(hid_t group, const std::string& name, const std::vector<std::string>& text) {
    std::vector<double> v;
    for (const auto& t : text) v.push_back(SweepTable::number(t));
    h5::writeDataset(group, name, v, {hsize_t(v.size())});
    h5::Handle d(H5Dopen2(group, name.c_str(), H5P_DEFAULT));
    if (!d.valid()) throw h5::Error("cannot reopen dataset '" + name + "'");
    h5::writeAttribute(d, "values", joined(text, "\n"));
}

std::vector<std::string> readTextColumn(hid_t group, const std::string& name, std::size_t n) {
    h5::Handle d(H5Dopen2(group, name.c_str(), H5P_DEFAULT));
    if (!d.valid()) throw h5::Error("missing dataset '" + name + "'");
    std::vector<std::string> text =
        n == 0 ? std::vector<std::string>{} : split(h5::readStringAttribute(d, "values"), '\n');
    if (text.size() != n)
        throw h5::Error("'" + name + "' lists " + std::to_string(text.size()) + " values, not " +
                        std::to_string(n));
    return text;
}

std::vector<double> column(hid_t group, const std::string& name, std::size_t n) {
    std::vector<double> v = h5::readDoubles(group, name);
    if (v.size() != n)
        throw h5::Error("dataset '" + name + "' has " + std::to_string(v.size()) + " values, not " +
                        std::to_string(n));
    return v;
}

std::vector<std::string> listAttribute(hid_t loc, const std::string& name, char sep) {
    const std::string text = h5::readStringAttribute(loc, name);
    return text.empty() ? std::vector<std::string>{} : split(text, sep);
}

}  // namespace

double SweepTable::number(const std::string& text) {
    double v = NAN;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    return (r.ec == std::errc() && r.ptr == text.data() + text.size()) ? v : NAN;
}

void writeSweepTable(const std::string& path, const SweepTable& t) {
    const hsize_t n = t.jobCount();
    h5::writeFileAtomically(path, "merged sweep", [&](hid_t file) {
        h5::writeAttribute(file, "format", std::string(kSweepTableFormat));
        h5::writeAttribute(file, "format_version", std::int64_t(kSweepTableVersion));
        h5::writeAttribute(file, "label", t.label);
        h5::writeAttribute(file, "spec_hash", t.specHash);
        h5::writeAttribute(file, "jobs", std::int64_t(n));
        h5::writeAttribute(file, "ok", std::int64_t(t.ok));
        h5::writeAttribute(file, "failed", std::int64_t(t.failed));
        h5::writeAttribute(file, "missing", std::int64_t(t.missing));
        h5::Handle jobs = h5::createGroup(file, "jobs");
        h5::writeDataset(jobs, "index", t.index, {n});
        h5::writeDataset(jobs, "exit_code", t.exitCode, {n});
        h5::writeDataset(jobs, "wall_s", t.wallSeconds, {n});
        h5::writeDataset(jobs, "seed", t.seed, {n});
        h5::writeAttribute(jobs, "status", joined(t.status, "\n"));
        h5::writeAttribute(jobs, "log", joined(t.log, "\n"));
        h5::writeAttribute(jobs, "param_labels", joined(t.paramLabels, ","));
        h5::writeAttribute(jobs, "result_fields", joined(t.resultFields, ","));
        h5::Handle params = h5::createGroup(jobs, "params");
        for (std::size_t i = 0; i < t.paramLabels.size(); ++i)
            writeTextColumn(params, t.paramLabels[i], t.paramValues.at(i));
        h5::Handle results = h5::createGroup(jobs, "results");
        for (std::size_t f = 0; f < t.resultFields.size(); ++f)
            h5::writeDataset(results, t.resultFields[f], t.results.at(f), {n});
        if (t.groupBy.empty()) return;
        h5::Handle groups = h5::createGroup(file, "groups");
        h5::writeAttribute(groups, "by", joined(t.groupBy, ","));
        const hsize_t g = t.groupKeys.empty() ? 0 : t.groupKeys[0].size();
        for (std::size_t k = 0; k < t.groupBy.size(); ++k)
            writeTextColumn(groups, t.groupBy[k], t.groupKeys.at(k));
        for (std::size_t f = 0; f < t.resultFields.size(); ++f) {
            h5::writeDataset(groups, t.resultFields[f] + "_mean", t.groupMean.at(f), {g});
            h5::writeDataset(groups, t.resultFields[f] + "_std", t.groupStd.at(f), {g});
            h5::writeDataset(groups, t.resultFields[f] + "_n", t.groupN.at(f), {g});
        }
    });
}

SweepTable readSweepTable(const std::string& path) {
    try {
        if (!h5::isHdf5(path)) throw h5::Error("not an HDF5 file (or missing)");
        h5::Handle file = h5::openFileReadOnly(path);  // verifies the checksums
        if (!h5::hasAttribute(file, "format") ||
            h5::readStringAttribute(file, "format") != kSweepTableFormat)
            throw h5::Error("not a merged sweep (root attribute format is not \"" +
                            std::string(kSweepTableFormat) + "\")");
        const auto version = h5::readIntAttribute(file, "format_version");
        if (version < 1 || version > kSweepTableVersion)
            throw h5::Error("format_version " + std::to_string(version) +
                            " is newer than this build reads (" +
                            std::to_string(kSweepTableVersion) + ")");
        SweepTable t;
        t.label = h5::readStringAttribute(file, "label");
        t.specHash = h5::readStringAttribute(file, "spec_hash");
        t.ok = int(h5::readIntAttribute(file, "ok"));
        t.failed = int(h5::readIntAttribute(file, "failed"));
        t.missing = int(h5::readIntAttribute(file, "missing"));
        const auto n = std::size_t(h5::readIntAttribute(file, "jobs"));
        h5::Handle jobs = h5::openGroup(file, "jobs");
        t.index = column(jobs, "index", n);
        t.exitCode = column(jobs, "exit_code", n);
        t.wallSeconds = column(jobs, "wall_s", n);
        t.seed = column(jobs, "seed", n);
        t.status = n ? listAttribute(jobs, "status", '\n') : std::vector<std::string>{};
        t.log = n ? listAttribute(jobs, "log", '\n') : std::vector<std::string>{};
        if (t.status.size() != n || t.log.size() != n)
            throw h5::Error("/jobs status or log does not list every job");
        t.paramLabels = listAttribute(jobs, "param_labels", ',');
        t.resultFields = listAttribute(jobs, "result_fields", ',');
        h5::Handle params = h5::openGroup(jobs, "params");
        for (const auto& p : t.paramLabels) t.paramValues.push_back(readTextColumn(params, p, n));
        h5::Handle results = h5::openGroup(jobs, "results");
        for (const auto& f : t.resultFields) t.results.push_back(column(results, f, n));
        if (!h5::hasChild(file, "groups")) return t;
        h5::Handle groups = h5::openGroup(file, "groups");
        t.groupBy = listAttribute(groups, "by", ',');
        const std::size_t g = t.groupBy.empty() ? 0 : h5::readDoubles(groups, t.groupBy[0]).size();
        for (const auto& b : t.groupBy) t.groupKeys.push_back(readTextColumn(groups, b, g));
        for (const auto& f : t.resultFields) {
            t.groupMean.push_back(column(groups, f + "_mean", g));
            t.groupStd.push_back(column(groups, f + "_std", g));
            t.groupN.push_back(column(groups, f + "_n", g));
        }
        return t;
    } catch (const h5::Error& e) {
        throw h5::Error("merged sweep '" + path + "': " + e.what());
    }
}

}  // namespace as
