#include "SweepSpecReader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "CliCommand.h"
#include "JsonLineMap.h"

namespace as::cli {

using nlohmann::json;

namespace {

bool isName(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isalnum((unsigned char)c) && c != '_' && c != '-' && c != '.') return false;
    return true;
}

/// A number as it goes on the command line: integers without a decimal point, others in %.12g
/// (a range's start + i * step then reads 0.3, not 0.30000000000000004).
std::string numberText(double v, bool integral) {
    char buf[40];
    if (integral && std::fabs(v) < 9e15)
        std::snprintf(buf, sizeof buf, "%lld", (long long)std::llround(v));
    else
        std::snprintf(buf, sizeof buf, "%.12g", v);
    return buf;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    const auto e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace

/// Reads one spec: each accessor takes the JSON pointer of the field, so every error names its
/// line.
class SweepSpecReader {
  public:
    SweepSpecReader(const std::string& text, const std::string& name, const std::string& baseDir)
        : text_(text), name_(name), baseDir_(baseDir) {}

    SweepSpec read() {
        try {
            j_ = json::parse(text_);
        } catch (const json::parse_error& e) {
            const auto [line, column] = lineColumnAt(text_, e.byte > 0 ? e.byte - 1 : 0);
            std::string what = e.what();
            const auto colon = what.find(
                ": ");  // drop nlohmann's "[json.exception.parse_error.101] parse error at ..."
            if (colon != std::string::npos) what = what.substr(colon + 2);
            throw CliError(name_ + ":" + std::to_string(line) + ":" + std::to_string(column) +
                           ": not valid JSON: " + what);
        }
        lines_ = std::make_unique<JsonLineMap>(text_);
        if (!j_.is_object()) fail("", "the spec must be a JSON object");
        static const std::set<std::string> known = {
            "label",  "batchLabel", "command",       "params",   "method", "rows",       "csv",
            "output", "saveFolder", "skip_existing", "out_flag", "slurm",  "description"};
        for (const auto& [k, v] : j_.items())
            if (!known.count(k))
                fail("/" + k,
                     "unknown field (known: label, command, params, method, rows, csv, "
                     "output, skip_existing, out_flag, slurm, description)");
        SweepSpec s;
        const std::string labelKey = j_.contains("batchLabel") ? "batchLabel" : "label";
        s.label_ = str("/" + labelKey);
        if (!isName(s.label_)) fail("/" + labelKey, "must be letters, digits, '_', '-' or '.'");
        readCommands(s);
        s.method_ = j_.contains("method") ? str("/method") : "grid";
        if (s.method_ != "grid" && s.method_ != "list")
            fail("/method", "must be \"grid\" or \"list\"");
        readParams(s);
        const std::string outKey = j_.contains("saveFolder") ? "saveFolder" : "output";
        s.output_ = j_.contains(outKey) ? str("/" + outKey) : s.label_;
        if (s.output_.empty()) fail("/" + outKey, "must not be empty");
        if (j_.contains("skip_existing")) s.skipExisting_ = boolean("/skip_existing");
        if (j_.contains("out_flag")) s.outFlag_ = str("/out_flag");
        if (j_.contains("slurm")) readSlurm(s.slurm_);
        if (s.method_ == "grid")
            expandGrid(s);
        else
            expandList(s);
        if (s.jobs_.empty()) fail("/params", "the sweep has no jobs");
        s.hash_ = fnv1a64(canonical(s));
        return s;
    }

  private:
    [[noreturn]] void fail(const std::string& pointer, const std::string& what) const {
        std::string field;  // "/params/1/values" -> "params[1].values"
        std::stringstream in(pointer);
        std::string part;
        std::getline(in, part, '/');
        while (std::getline(in, part, '/')) {
            if (!part.empty() && std::all_of(part.begin(), part.end(), ::isdigit))
                field += "[" + part + "]";
            else
                field += (field.empty() ? "" : ".") + part;
        }
        throw CliError(name_ + ":" + std::to_string(lines_ ? lines_->line(pointer) : 1) + ": " +
                       (field.empty() ? "" : field + ": ") + what);
    }
    const json& at(const std::string& pointer) const {
        const json::json_pointer p(pointer);
        if (!j_.contains(p)) fail(pointer, "missing (required)");
        return j_.at(p);
    }
    std::string str(const std::string& pointer) const {
        const json& v = at(pointer);
        if (!v.is_string()) fail(pointer, "must be a string");
        return v.get<std::string>();
    }
    bool boolean(const std::string& pointer) const {
        const json& v = at(pointer);
        if (!v.is_boolean()) fail(pointer, "must be true or false");
        return v.get<bool>();
    }
    int integer(const std::string& pointer, int lo, int hi) const {
        const json& v = at(pointer);
        if (!v.is_number_integer() || v.get<long long>() < lo || v.get<long long>() > hi)
            fail(pointer,
                 "must be an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
        return v.get<int>();
    }
    std::string scalar(const std::string& pointer) const {
        const json& v = at(pointer);
        if (v.is_string()) return v.get<std::string>();
        if (v.is_number_integer()) return std::to_string(v.get<long long>());
        if (v.is_number()) return numberText(v.get<double>(), false);
        fail(pointer, "must be a number or a string");
    }
    std::vector<std::string> strings(const std::string& pointer) const {
        const json& v = at(pointer);
        if (!v.is_array()) fail(pointer, "must be a list of strings");
        std::vector<std::string> out;
        for (std::size_t i = 0; i < v.size(); ++i)
            out.push_back(str(pointer + "/" + std::to_string(i)));
        return out;
    }

    void readCommands(SweepSpec& s) const {
        const json& c = at("/command");
        if (!c.is_array() || c.empty())
            fail("/command",
                 "must be a list of arguments, e.g. [\"ring\", \"--protocol\", \"moving\"]");
        if (c[0].is_array()) {
            for (std::size_t i = 0; i < c.size(); ++i)
                s.commands_.push_back(strings("/command/" + std::to_string(i)));
        } else {
            s.commands_.push_back(strings("/command"));
        }
        for (std::size_t i = 0; i < s.commands_.size(); ++i) {
            const auto& cmd = s.commands_[i];
            const std::string p =
                "/command" + std::string(s.commands_.size() > 1 ? "/" + std::to_string(i) : "");
            if (cmd.empty() || cmd[0].empty() || cmd[0][0] == '-')
                fail(p, "must start with a lab subcommand (ring, ei, torus, hd2d, sde, surrogate)");
            if (cmd[0] == "sweep") fail(p, "a sweep cannot run sweeps");
        }
    }

    std::vector<std::string> valuesOf(const std::string& p) const {
        const json& v = at(p);
        std::vector<std::string> out;
        if (v.is_array()) {
            if (v.empty()) fail(p, "must not be empty");
            for (std::size_t i = 0; i < v.size(); ++i)
                out.push_back(scalar(p + "/" + std::to_string(i)));
            return out;
        }
        if (!v.is_object() || !v.contains("start") || !v.contains("stop") ||
            (v.contains("step") == v.contains("num")))
            fail(p,
                 "must be a list of values or a range {\"start\", \"stop\", \"step\"} or "
                 "{\"start\", \"stop\", \"num\"}");
        for (const auto& [k, x] : v.items()) {
            if (k != "start" && k != "stop" && k != "step" && k != "num")
                fail(p + "/" + k, "unknown field of a range");
            if (!x.is_number()) fail(p + "/" + k, "must be a number");
        }
        const double a = v["start"].get<double>(), b = v["stop"].get<double>();
        if (v.contains("num")) {
            const int n = integer(p + "/num", 1, 1000000);
            for (int i = 0; i < n; ++i)
                out.push_back(numberText(n == 1 ? a : a + (b - a) * i / (n - 1), false));
            return out;
        }
        const double step = v["step"].get<double>();
        if (!(step != 0) || !std::isfinite(step) || (b - a) / step < 0)
            fail(p + "/step", "must be non-zero and lead from start to stop");
        const double count = std::floor((b - a) / step + 1e-9) + 1;
        if (count > 1e6) fail(p, "has more than 1e6 values");
        const bool integral = v["start"].is_number_integer() && v["step"].is_number_integer();
        for (long i = 0; i < long(count); ++i)
            out.push_back(numberText(a + double(i) * step, integral));
        return out;
    }

    void readParams(SweepSpec& s) const {
        const json& ps = at("/params");
        if (!ps.is_array() || ps.empty())
            fail("/params", "must be a non-empty list of {label, key or flag, values}");
        std::set<std::string> labels;
        for (std::size_t i = 0; i < ps.size(); ++i) {
            const std::string p = "/params/" + std::to_string(i);
            if (!ps[i].is_object()) fail(p, "must be an object {label, key or flag, values}");
            for (const auto& [k, v] : ps[i].items())
                if (k != "label" && k != "key" && k != "flag" && k != "values" && k != "group" &&
                    k != "stage" && k != "seed")
                    fail(p + "/" + k,
                         "unknown field (known: label, key, flag, values, group, stage, seed)");
            SweepParam q;
            q.label = str(p + "/label");
            if (!isName(q.label) || q.label.find_first_of("-.") != std::string::npos)
                fail(p + "/label", "must be letters, digits or '_'");
            if (!labels.insert(q.label).second)
                fail(p + "/label", "'" + q.label + "' is used twice");
            if (ps[i].contains("key") == ps[i].contains("flag"))
                fail(p,
                     "needs exactly one of key (a --set key) or flag (an option such as --seed)");
            if (ps[i].contains("key")) {
                q.key = str(p + "/key");
                if (q.key.empty() || q.key.find('=') != std::string::npos)
                    fail(p + "/key", "must be a parameter key without '='");
            } else {
                q.flag = str(p + "/flag");
                if (q.flag.size() < 2 || q.flag[0] != '-')
                    fail(p + "/flag", "must be an option such as --seed");
            }
            if (s.method_ == "grid")
                q.values = valuesOf(p + "/values");
            else if (ps[i].contains("values"))
                fail(p + "/values", "the list method takes its values from rows or csv");
            if (ps[i].contains("group")) {
                const json& g = ps[i]["group"];
                if (g.is_boolean())
                    q.group = g.get<bool>() ? "group" : "";
                else
                    q.group = str(p + "/group");
                if (s.method_ == "list" && !q.group.empty())
                    fail(p + "/group", "groups are for the grid method");
            }
            if (ps[i].contains("stage"))
                q.stage = integer(p + "/stage", 0, int(s.commands_.size()) - 1);
            if (ps[i].contains("seed")) q.seed = boolean(p + "/seed");
            s.params_.push_back(q);
        }
        for (std::size_t i = 0; i < s.params_.size(); ++i)
            if (s.params_[i].seed) {
                if (s.seedParam_ >= 0)
                    fail("/params/" + std::to_string(i) + "/seed",
                         "only one parameter can be the seed");
                s.seedParam_ = int(i);
            }
        for (std::size_t i = 0; i < s.params_.size() && s.seedParam_ < 0; ++i)
            if (s.params_[i].flag == "--seed" || s.params_[i].key == "seed") s.seedParam_ = int(i);
    }

    void readSlurm(SlurmOptions& o) const {
        const json& v = at("/slurm");
        if (!v.is_object()) fail("/slurm", "must be an object");
        for (const auto& [k, x] : v.items()) {
            const std::string p = "/slurm/" + k;
            if (k == "account")
                o.account = str(p);
            else if (k == "partition")
                o.partition = str(p);
            else if (k == "time")
                o.time = str(p);
            else if (k == "cpus_per_task")
                o.cpusPerTask = integer(p, 1, 4096);
            else if (k == "max_parallel")
                o.maxParallel = integer(p, 0, 1000000);
            else if (k == "jobs_per_task")
                o.jobsPerTask = integer(p, 1, 1000000);
            else if (k == "extra")
                o.extra = strings(p);
            else
                fail(p,
                     "unknown field (known: account, partition, time, cpus_per_task, max_parallel, "
                     "jobs_per_task, extra)");
        }
    }

    void expandGrid(SweepSpec& s) const {
        // Axes in the order of first appearance; a group is one axis whose members zip.
        std::vector<std::vector<int>> axes;
        std::vector<std::string> axisGroup;
        for (std::size_t i = 0; i < s.params_.size(); ++i) {
            const std::string& g = s.params_[i].group;
            std::size_t a = 0;
            while (a < axes.size() && (g.empty() || axisGroup[a] != g)) ++a;
            if (a == axes.size()) {
                axes.push_back({});
                axisGroup.push_back(g);
            }
            axes[a].push_back(int(i));
            const auto& first = s.params_[std::size_t(axes[a][0])];
            if (first.values.size() != s.params_[i].values.size())
                fail("/params/" + std::to_string(i) + "/values",
                     "group '" + g + "' zips its parameters, so it needs as many values as '" +
                         first.label + "' (" + std::to_string(first.values.size()) + "), not " +
                         std::to_string(s.params_[i].values.size()));
        }
        double total = 1;
        for (const auto& a : axes) total *= double(s.params_[std::size_t(a[0])].values.size());
        if (total > 1e6) fail("/params", "the grid has more than 1e6 jobs");
        std::vector<std::size_t> at(axes.size(), 0);
        for (int index = 0; index < int(total); ++index) {
            SweepJob job;
            job.index = index;
            job.values.resize(s.params_.size());
            for (std::size_t a = 0; a < axes.size(); ++a)
                for (int i : axes[a])
                    job.values[std::size_t(i)] = s.params_[std::size_t(i)].values[at[a]];
            s.jobs_.push_back(job);
            for (std::size_t a = axes.size(); a-- > 0;) {  // the last axis fastest
                if (++at[a] < s.params_[std::size_t(axes[a][0])].values.size()) break;
                at[a] = 0;
            }
        }
    }

    void expandList(SweepSpec& s) const {
        if (j_.contains("rows") == j_.contains("csv"))
            fail("", "the list method needs exactly one of rows or csv");
        if (j_.contains("rows")) {
            const json& rows = at("/rows");
            if (!rows.is_array()) fail("/rows", "must be a list of rows, one value per parameter");
            for (std::size_t r = 0; r < rows.size(); ++r) {
                const std::string p = "/rows/" + std::to_string(r);
                if (!rows[r].is_array() || rows[r].size() != s.params_.size())
                    fail(p, "must be a list of " + std::to_string(s.params_.size()) +
                                " values (one per parameter)");
                SweepJob job;
                job.index = int(r);
                for (std::size_t i = 0; i < s.params_.size(); ++i)
                    job.values.push_back(scalar(p + "/" + std::to_string(i)));
                s.jobs_.push_back(job);
            }
            return;
        }
        readCsvRows(s, (std::filesystem::path(baseDir_) / str("/csv")).string());
    }

    void readCsvRows(SweepSpec& s, const std::string& path) const {
        std::ifstream in(path);
        if (!in) fail("/csv", "cannot read '" + path + "'");
        std::string line;
        std::vector<int> column;  // CSV column -> parameter
        int lineNo = 0;
        while (std::getline(in, line)) {
            ++lineNo;
            if (trim(line).empty()) continue;
            std::vector<std::string> cells;
            std::stringstream ls(line);
            std::string cell;
            while (std::getline(ls, cell, ',')) cells.push_back(trim(cell));
            if (!line.empty() && line.back() == ',') cells.push_back("");
            const std::string where = path + ":" + std::to_string(lineNo) + ": ";
            if (column.empty()) {
                for (const auto& c : cells) {
                    std::size_t i = 0;
                    while (i < s.params_.size() && s.params_[i].label != c) ++i;
                    if (i == s.params_.size())
                        throw CliError(where + "column '" + c + "' is not a parameter label");
                    column.push_back(int(i));
                }
                if (column.size() != s.params_.size())
                    throw CliError(where + "the header must name every parameter label once");
                continue;
            }
            if (cells.size() != column.size())
                throw CliError(where + "has " + std::to_string(cells.size()) +
                               " values, expected " + std::to_string(column.size()));
            SweepJob job;
            job.index = int(s.jobs_.size());
            job.values.resize(s.params_.size());
            for (std::size_t c = 0; c < cells.size(); ++c)
                job.values[std::size_t(column[c])] = cells[c];
            s.jobs_.push_back(job);
        }
    }

    static std::string canonical(const SweepSpec& s) {
        json c;
        c["label"] = s.label_;
        c["commands"] = s.commands_;
        c["method"] = s.method_;
        c["out_flag"] = s.outFlag_;
        for (const auto& p : s.params_)
            c["params"].push_back({{"label", p.label},
                                   {"key", p.key},
                                   {"flag", p.flag},
                                   {"group", p.group},
                                   {"stage", p.stage},
                                   {"seed", p.seed}});
        for (const auto& job : s.jobs_) c["jobs"].push_back(job.values);
        return c.dump();
    }

    const std::string& text_;
    std::string name_, baseDir_;
    json j_;
    std::unique_ptr<JsonLineMap> lines_;
};

SweepSpec readSweepSpec(const std::string& text, const std::string& name,
                        const std::string& baseDir) {
    return SweepSpecReader(text, name, baseDir).read();
}

}  // namespace as::cli
