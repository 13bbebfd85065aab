#include "SweepSpec.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "CliCommand.h"
#include "SweepSpecReader.h"

namespace as::cli {

std::string fnv1a64(const std::string& bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "fnv1a64:%016llx", (unsigned long long)h);
    return buf;
}

SweepSpec SweepSpec::fromText(const std::string& text, const std::string& name,
                              const std::string& baseDir) {
    return readSweepSpec(text, name, baseDir);
}

SweepSpec SweepSpec::fromFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CliError("cannot read sweep spec '" + path + "'");
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string dir = std::filesystem::path(path).parent_path().string();
    SweepSpec s = fromText(buf.str(), path, dir.empty() ? "." : dir);
    s.path_ = path;
    return s;
}

std::string SweepSpec::jobName(int index) const {
    return label_ + "_" + std::to_string(index);
}

std::string SweepSpec::describe(const SweepJob& job) const {
    std::string out;
    for (std::size_t i = 0; i < params_.size(); ++i)
        out += (i ? ", " : "") + params_[i].label + "=" + job.values[i];
    return out;
}

namespace {
std::string substitute(std::string arg, const std::string& name, const std::string& value) {
    for (std::size_t at = arg.find(name); at != std::string::npos;
         at = arg.find(name, at + value.size()))
        arg.replace(at, name.size(), value);
    return arg;
}
}  // namespace

std::vector<std::string> SweepSpec::stageArgs(const SweepJob& job, int stage, int upTo,
                                              const std::string& outPath) const {
    std::vector<std::string> args;
    bool namesOut = false;
    for (const std::string& a : commands_[std::size_t(stage)]) {
        namesOut = namesOut || a.find("{out}") != std::string::npos;
        args.push_back(substitute(
            substitute(substitute(a, "{out}", outPath), "{index}", std::to_string(job.index)),
            "{label}", label_));
    }
    for (int i = 0; i <= upTo && i < int(params_.size()); ++i) {
        const SweepParam& p = params_[std::size_t(i)];
        if (p.stage != stage) continue;
        if (!p.key.empty()) {
            args.push_back("--set");
            args.push_back(p.key + "=" + job.values[std::size_t(i)]);
        } else {
            args.push_back(p.flag);
            args.push_back(job.values[std::size_t(i)]);
        }
    }
    if (stage == 0 && !namesOut && !outFlag_.empty()) {
        args.push_back(outFlag_);
        args.push_back(outPath);
    }
    args.push_back("--quiet");
    return args;
}

std::vector<std::vector<std::string>> SweepSpec::jobArgs(const SweepJob& job,
                                                         const std::string& outPath) const {
    std::vector<std::vector<std::string>> out;
    for (std::size_t s = 0; s < commands_.size(); ++s)
        out.push_back(stageArgs(job, int(s), int(params_.size()) - 1, outPath));
    return out;
}

}  // namespace as::cli
