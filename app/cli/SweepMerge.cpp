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

double numberOf(const std::string& text) {
    double v = NAN;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    return (r.ec == std::errc() && r.ptr == text.data() + text.size()) ? v : NAN;
}

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
    bool taken = key == "index" || key == "status" || key == "exit_code" || key == "wall_s" || key == "log" || key == "seed";
    for (const auto& p : params) taken = taken || p.label == key;
    return taken ? "job_" + key : key;
}

}  // namespace

SweepMergeReport mergeSweep(const SweepSpec& spec, const std::string& dir, const SweepMergeOptions& o) {
    const auto& params = spec.params();
    std::vector<int> by;
    for (const auto& g : o.groupBy) {
        std::size_t i = 0;
        while (i < params.size() && params[i].label != g) ++i;
        if (i == params.size()) {
            std::string known;
            for (const auto& p : params) known += (known.empty() ? "" : ", ") + p.label;
            throw CliError("--group-by: '" + g + "' is not a parameter label (known: " + known + ")");
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
            rep.problems.push_back(spec.jobName(job.index) + " (" + spec.describe(job) + "): missing" +
                                   (fs::exists(row.log) ? ", log " + row.log : ", no log (never ran)"));
            continue;
        }
        SweepRecord r;
        try {
            r = readSweepRecord(stem + ".h5");
        } catch (const h5::Error& e) {
            ++rep.failed;
            row.status = "damaged";
            rep.problems.push_back(spec.jobName(job.index) + " (" + spec.describe(job) + "): " + e.what());
            continue;
        }
        if (r.specHash != spec.hash() || r.index != job.index)
            throw CliError("'" + stem + ".h5' belongs to another sweep (spec hash " + r.specHash + ", this spec " +
                           spec.hash() + ")");
        row.exitCode = r.exitCode;
        row.wall = r.wallSeconds;
        row.seed = r.seed >= 0 ? double(r.seed) : NAN;
        row.log = r.log;
        row.status = r.exitCode == 0 ? "ok" : "failed";
        if (r.exitCode == 0) ++rep.ok;
        else {
            ++rep.failed;
            rep.problems.push_back(spec.jobName(job.index) + " (" + spec.describe(job) + "): failed with exit code " +
                                   std::to_string(r.exitCode) + ", log " + r.log);
        }
        const auto j = nlohmann::ordered_json::parse(r.summaryJson, nullptr, false);
        if (!j.is_object()) continue;
        for (const auto& [key, v] : j.items()) {
            const std::string k = columnName(key, params);
            double x = NAN;
            if (v.is_number()) x = v.get<double>();
            else if (v.is_boolean()) x = v.get<bool>() ? 1 : 0;
            else if (!v.is_null()) continue;
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
        csv += "," + row.status + "," + (row.exitCode >= 0 ? std::to_string(row.exitCode) : "") + "," +
               shortestText(row.wall) + "," + csvCell(row.log);
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
            for (int i : by) key.push_back(spec.jobs()[std::size_t(row.index)].values[std::size_t(i)]);
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
        for (std::size_t k = 0; k < by.size(); ++k) g += (k ? "," : "") + params[std::size_t(by[k])].label;
        for (const auto& f : fields) g += "," + f + "_mean," + f + "_std," + f + "_n";
        g += "\n";
        groupCols.assign(fields.size() * 3, std::vector<double>(keys.size(), NAN));
        for (std::size_t k = 0; k < keys.size(); ++k) {
            g += joinLines(keys[k], ",");
            for (std::size_t fi = 0; fi < fields.size(); ++fi) {
                const auto it = samples[k].find(fields[fi]);
                const std::vector<double> x = it == samples[k].end() ? std::vector<double>{} : it->second;
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
                g += "," + shortestText(mean) + "," + shortestText(sd) + "," + std::to_string(x.size());
            }
            g += "\n";
        }
        rep.groupedCsv = (fs::path(dir) / (spec.label() + "_grouped.csv")).string();
        writeTextAtomically(rep.groupedCsv, g);
    }

    rep.h5 = (fs::path(dir) / (spec.label() + "_merged.h5")).string();
    const hsize_t n = rows.size();
    try {
        h5::writeFileAtomically(rep.h5, "merged sweep", [&](hid_t file) {
            h5::writeAttribute(file, "format", std::string("attractor-studio-sweep"));
            h5::writeAttribute(file, "format_version", std::int64_t(1));
            h5::writeAttribute(file, "label", spec.label());
            h5::writeAttribute(file, "spec_hash", spec.hash());
            h5::writeAttribute(file, "jobs", std::int64_t(n));
            h5::writeAttribute(file, "ok", std::int64_t(rep.ok));
            h5::writeAttribute(file, "failed", std::int64_t(rep.failed));
            h5::writeAttribute(file, "missing", std::int64_t(rep.missing));
            h5::Handle jobs = h5::createGroup(file, "jobs");
            std::vector<double> index, code, wall, seed;
            std::vector<std::string> status, logs, labels;
            for (const Row& r : rows) {
                index.push_back(r.index);
                code.push_back(r.exitCode);
                wall.push_back(r.wall);
                seed.push_back(r.seed);
                status.push_back(r.status);
                logs.push_back(r.log);
            }
            h5::writeDataset(jobs, "index", index, {n});
            h5::writeDataset(jobs, "exit_code", code, {n});
            h5::writeDataset(jobs, "wall_s", wall, {n});
            h5::writeDataset(jobs, "seed", seed, {n});
            h5::writeAttribute(jobs, "status", joinLines(status, "\n"));
            h5::writeAttribute(jobs, "log", joinLines(logs, "\n"));
            for (const auto& p : params) labels.push_back(p.label);
            h5::writeAttribute(jobs, "param_labels", joinLines(labels, ","));
            h5::writeAttribute(jobs, "result_fields", joinLines(fields, ","));
            h5::Handle pg = h5::createGroup(jobs, "params");
            for (std::size_t i = 0; i < params.size(); ++i) {
                std::vector<double> v;
                std::vector<std::string> text;
                for (const auto& job : spec.jobs()) {
                    v.push_back(numberOf(job.values[i]));
                    text.push_back(job.values[i]);
                }
                h5::writeDataset(pg, params[i].label, v, {n});
                h5::Handle d(H5Dopen2(pg, params[i].label.c_str(), H5P_DEFAULT));
                h5::writeAttribute(d, "values", joinLines(text, "\n"));
            }
            h5::Handle rg = h5::createGroup(jobs, "results");
            for (const auto& f : fields) {
                std::vector<double> v;
                for (const Row& r : rows) v.push_back(result(r, f));
                h5::writeDataset(rg, f, v, {n});
            }
            if (by.empty()) return;
            h5::Handle gg = h5::createGroup(file, "groups");
            std::vector<std::string> byLabels;
            for (int i : by) byLabels.push_back(params[std::size_t(i)].label);
            h5::writeAttribute(gg, "by", joinLines(byLabels, ","));
            for (std::size_t k = 0; k < by.size(); ++k) {
                std::vector<double> v;
                std::vector<std::string> text;
                for (const auto& key : keys) {
                    v.push_back(numberOf(key[k]));
                    text.push_back(key[k]);
                }
                h5::writeDataset(gg, byLabels[k], v, {hsize_t(keys.size())});
                h5::Handle d(H5Dopen2(gg, byLabels[k].c_str(), H5P_DEFAULT));
                h5::writeAttribute(d, "values", joinLines(text, "\n"));
            }
            for (std::size_t fi = 0; fi < fields.size(); ++fi) {
                h5::writeDataset(gg, fields[fi] + "_mean", groupCols[fi * 3], {hsize_t(keys.size())});
                h5::writeDataset(gg, fields[fi] + "_std", groupCols[fi * 3 + 1], {hsize_t(keys.size())});
                h5::writeDataset(gg, fields[fi] + "_n", groupCols[fi * 3 + 2], {hsize_t(keys.size())});
            }
        });
    } catch (const h5::Error& e) {
        throw CliError(e.what(), kExitFailure);
    }
    return rep;
}

}  // namespace as::cli
