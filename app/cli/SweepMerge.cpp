#include "SweepMerge.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "CliCommand.h"
#include "SweepJobFile.h"
#include "SweepProcess.h"
#include "io/Hdf5Handle.h"
#include "io/SweepTable.h"

namespace as::cli {

namespace fs = std::filesystem;

std::string shortestText(double v) {
    if (std::isnan(v)) return "";
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

namespace {

struct Row {
    int index = 0;
    std::string status = "missing", log;
    int exitCode = -1;
    double wall = NAN, seed = NAN;
    std::map<std::string, double> results;
};

std::string csvCell(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string joinLines(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
    return out;
}

/// A JSON field's column: '/' (an HDF5 path separator) becomes '_', and a name taken by a parameter
/// or a fixed column gets "job_" in front (an SDE job's own "eps" and "wall_s").
std::string columnName(std::string key, const std::vector<SweepParam>& params) {
    for (char& c : key)
        if (c == '/') c = '_';
    bool taken = key == "index" || key == "status" || key == "exit_code" || key == "wall_s" ||
                 key == "log" || key == "seed";
    for (const auto& p : params) taken = taken || p.label == key;
    return taken ? "job_" + key : key;
}

}  // namespace

SweepMergeReport mergeSweep(const SweepSpec& spec, const std::string& dir,
                            const SweepMergeOptions& o) {
    const auto& params = spec.params();
    std::vector<int> by;
    for (const auto& g : o.groupBy) {
        std::size_t i = 0;
        while (i < params.size() && params[i].label != g) ++i;
        if (i == params.size()) {
            std::string known;
            for (const auto& p : params) known += (known.empty() ? "" : ", ") + p.label;
            throw CliError("--group-by: '" + g + "' is not a parameter label (known: " + known +
                           ")");
        }
        by.push_back(int(i));
    }

    SweepMergeReport rep;
    std::vector<Row> rows(spec.jobCount());
    std::vector<std::string> fields;  // numeric JSON fields, in first-seen order
    for (const SweepJob& job : spec.jobs()) {
        Row& row = rows[std::size_t(job.index)];
        row.index = job.index;
        const std::string stem = (fs::path(dir) / spec.jobName(job.index)).string();
        row.log = stem + ".log";
        if (!fs::exists(stem + ".h5")) {
            ++rep.missing;
            rep.problems.push_back(
                spec.jobName(job.index) + " (" + spec.describe(job) + "): missing" +
                (fs::exists(row.log) ? ", log " + row.log : ", no log (never ran)"));
            continue;
        }
        SweepRecord r;
        try {
            r = readSweepRecord(stem + ".h5");
        } catch (const h5::Error& e) {
            ++rep.failed;
            row.status = "damaged";
            rep.problems.push_back(spec.jobName(job.index) + " (" + spec.describe(job) +
                                   "): " + e.what());
            continue;
        }
        if (r.specHash != spec.hash() || r.index != job.index)
            throw CliError("'" + stem + ".h5' belongs to another sweep (spec hash " + r.specHash +
                           ", this spec " + spec.hash() + ")");
        row.exitCode = r.exitCode;
        row.wall = r.wallSeconds;
        row.seed = r.seed >= 0 ? double(r.seed) : NAN;
        row.log = r.log;
        row.status = r.exitCode == 0 ? "ok" : "failed";
        if (r.exitCode == 0)
            ++rep.ok;
        else {
            ++rep.failed;
            rep.problems.push_back(spec.jobName(job.index) + " (" + spec.describe(job) +
                                   "): failed with exit code " + std::to_string(r.exitCode) +
                                   ", log " + r.log);
        }
        const auto j = nlohmann::ordered_json::parse(r.summaryJson, nullptr, false);
        if (!j.is_object()) continue;
        for (const auto& [key, v] : j.items()) {
            const std::string k = columnName(key, params);
            double x = NAN;
            if (v.is_number())
                x = v.get<double>();
            else if (v.is_boolean())
                x = v.get<bool>() ? 1 : 0;
            else if (!v.is_null())
                continue;
            if (std::find(fields.begin(), fields.end(), k) == fields.end()) fields.push_back(k);
            row.results[k] = x;
        }
    }
    rep.resultFields = fields;
    auto result = [&](const Row& row, const std::string& f) {
        const auto it = row.results.find(f);
        return it == row.results.end() ? NAN : it->second;
    };

    // One row per job.
    std::string csv = "index";
    for (const auto& p : params) csv += "," + p.label;
    csv += ",status,exit_code,wall_s,log";
    for (const auto& f : fields) csv += "," + csvCell(f);
    csv += "\n";
    for (const Row& row : rows) {
        csv += std::to_string(row.index);
        for (const auto& v : spec.jobs()[std::size_t(row.index)].values) csv += "," + csvCell(v);
        csv += "," + row.status + "," + (row.exitCode >= 0 ? std::to_string(row.exitCode) : "") +
               "," + shortestText(row.wall) + "," + csvCell(row.log);
        for (const auto& f : fields) csv += "," + shortestText(result(row, f));
        csv += "\n";
    }
    rep.csv = (fs::path(dir) / (spec.label() + "_merged.csv")).string();
    writeTextAtomically(rep.csv, csv);

    // Groups: mean, sample std and n of each field over the finished jobs of each key.
    std::vector<std::vector<std::string>> keys;
    std::vector<std::map<std::string, std::vector<double>>> samples;
    if (!by.empty()) {
        for (const Row& row : rows) {
            std::vector<std::string> key;
            for (int i : by)
                key.push_back(spec.jobs()[std::size_t(row.index)].values[std::size_t(i)]);
            auto it = std::find(keys.begin(), keys.end(), key);
            if (it == keys.end()) {
                keys.push_back(key);
                samples.emplace_back();
                it = keys.end() - 1;
            }
            auto& s = samples[std::size_t(it - keys.begin())];
            if (row.status != "ok") continue;
            for (const auto& f : fields)
                if (std::isfinite(result(row, f))) s[f].push_back(result(row, f));
        }
    }
    std::vector<std::vector<double>> groupCols;  // per field: mean, std, n interleaved by group
    if (!by.empty()) {
        std::string g;
        for (std::size_t k = 0; k < by.size(); ++k)
            g += (k ? "," : "") + params[std::size_t(by[k])].label;
        for (const auto& f : fields) g += "," + f + "_mean," + f + "_std," + f + "_n";
        g += "\n";
        groupCols.assign(fields.size() * 3, std::vector<double>(keys.size(), NAN));
        for (std::size_t k = 0; k < keys.size(); ++k) {
            g += joinLines(keys[k], ",");
            for (std::size_t fi = 0; fi < fields.size(); ++fi) {
                const auto it = samples[k].find(fields[fi]);
                const std::vector<double> x =
                    it == samples[k].end() ? std::vector<double>{} : it->second;
                double mean = NAN, sd = NAN;
                if (!x.empty()) {
                    mean = 0;
                    for (double v : x) mean += v;
                    mean /= double(x.size());
                }
                if (x.size() > 1) {
                    sd = 0;
                    for (double v : x) sd += (v - mean) * (v - mean);
                    sd = std::sqrt(sd / double(x.size() - 1));
                }
                groupCols[fi * 3][k] = mean;
                groupCols[fi * 3 + 1][k] = sd;
                groupCols[fi * 3 + 2][k] = double(x.size());
                g += "," + shortestText(mean) + "," + shortestText(sd) + "," +
                     std::to_string(x.size());
            }
            g += "\n";
        }
        rep.groupedCsv = (fs::path(dir) / (spec.label() + "_grouped.csv")).string();
        writeTextAtomically(rep.groupedCsv, g);
    }

    rep.h5 = (fs::path(dir) / (spec.label() + "_merged.h5")).string();
    SweepTable t;
    t.label = spec.label();
    t.specHash = spec.hash();
    t.ok = rep.ok;
    t.failed = rep.failed;
    t.missing = rep.missing;
    for (const Row& r : rows) {
        t.index.push_back(r.index);
        t.exitCode.push_back(r.exitCode);
        t.wallSeconds.push_back(r.wall);
        t.seed.push_back(r.seed);
        t.status.push_back(r.status);
        t.log.push_back(r.log);
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
        t.paramLabels.push_back(params[i].label);
        t.paramValues.emplace_back();
        for (const auto& job : spec.jobs()) t.paramValues.back().push_back(job.values[i]);
    }
    t.resultFields = fields;
    for (const auto& f : fields) {
        t.results.emplace_back();
        for (const Row& r : rows) t.results.back().push_back(result(r, f));
    }
    for (int i : by) t.groupBy.push_back(params[std::size_t(i)].label);
    for (std::size_t k = 0; k < by.size(); ++k) {
        t.groupKeys.emplace_back();
        for (const auto& key : keys) t.groupKeys.back().push_back(key[k]);
    }
    for (std::size_t fi = 0; fi < fields.size() && !by.empty(); ++fi) {
        t.groupMean.push_back(groupCols[fi * 3]);
        t.groupStd.push_back(groupCols[fi * 3 + 1]);
        t.groupN.push_back(groupCols[fi * 3 + 2]);
    }
    try {
        writeSweepTable(rep.h5, t);
    } catch (const h5::Error& e) {
        throw CliError(e.what(), kExitFailure);
    }
    return rep;
}

}  // namespace as::cli
