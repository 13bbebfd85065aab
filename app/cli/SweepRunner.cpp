#include "SweepRunner.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "CancelSignal.h"
#include "CliCommand.h"
#include "SweepJobFile.h"
#include "SweepProcess.h"
#include "io/Hdf5Handle.h"

namespace as::cli {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct SweepRunner::Running {
    int index = 0;
    int stage = 0;
    pid_t pid = -1;
    Clock::time_point start;
    std::vector<int> exitCodes;
    int lock = -1;  ///< the job's lock file, held while it runs
};

namespace {
/// Takes <work>.lock with flock (released by the kernel if this process dies), or returns -1 when
/// another process holds it: a second `sweep run` of the same folder leaves that job alone.
int lockJob(const std::string& work) {
    const int fd = ::open((work + ".lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
    if (fd < 0) return -1;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}
}  // namespace

SweepRunner::SweepRunner(const SweepSpec& spec, std::string dir)
    : spec_(spec), dir_(std::move(dir)) {}

std::string SweepRunner::jobFile(int index, const std::string& extension) const {
    return (fs::path(dir_) / (spec_.jobName(index) + extension)).string();
}

void SweepRunner::prepareFolder() const {
    std::error_code ec;
    fs::create_directories(fs::path(dir_) / ".work", ec);
    if (ec)
        throw CliError("cannot create the sweep folder '" + dir_ + "': " + ec.message(),
                       kExitFailure);
    const std::string manifest = (fs::path(dir_) / "sweep_spec.json").string();
    const nlohmann::json m = {{"label", spec_.label()},
                              {"spec_hash", spec_.hash()},
                              {"jobs", spec_.jobCount()},
                              {"spec", spec_.path()}};
    if (!fs::exists(manifest)) {
        // Create it only if absent (link(2) is atomic), so concurrent ranks or tasks agree on one.
        const std::string tmp = manifest + ".tmp-" + std::to_string(::getpid());
        writeTextAtomically(tmp, m.dump(1) + "\n");
        const int rc = ::link(tmp.c_str(), manifest.c_str());
        std::remove(tmp.c_str());
        if (rc != 0 && errno != EEXIST)
            throw CliError("cannot write '" + manifest + "'", kExitFailure);
    }
    std::string hash, label;
    try {
        const auto j = nlohmann::json::parse(readText(manifest));
        hash = j.at("spec_hash").get<std::string>();
        label = j.at("label").get<std::string>();
    } catch (const std::exception&) {
        throw CliError("'" + manifest +
                       "' is not a sweep manifest (remove it or use another output folder)");
    }
    if (hash != spec_.hash())
        throw CliError("the folder '" + dir_ + "' holds another sweep ('" + label +
                       "', spec hash " + hash + "); this spec's hash is " + spec_.hash() +
                       ": use another output folder");
}

bool SweepRunner::finished(int index) const {
    const std::string f = jobFile(index, ".h5");
    if (!fs::exists(f)) return false;
    try {
        const SweepRecord r = readSweepRecord(f);
        return r.exitCode == 0 && r.specHash == spec_.hash() && r.index == index;
    } catch (const h5::Error&) {
        return false;  // damaged: run it again
    }
}

void SweepRunner::startStage(Running& job, const SweepRunOptions& o) const {
    const std::string work = (fs::path(dir_) / ".work" / spec_.jobName(job.index)).string();
    const auto args = spec_.stageArgs(spec_.jobs()[std::size_t(job.index)], job.stage,
                                      int(spec_.params().size()) - 1, work + ".h5");
    const std::string s = ".s" + std::to_string(job.stage);
    job.pid = spawnSelf(args, work + s + ".out", work + s + ".err", o.threads);
}

int SweepRunner::finish(const Running& job, int exitCode, double wall) const {
    const SweepJob& spec = spec_.jobs()[std::size_t(job.index)];
    const std::string work = (fs::path(dir_) / ".work" / spec_.jobName(job.index)).string();
    nlohmann::ordered_json summary = nlohmann::ordered_json::object();
    std::string log, command;
    const auto args = spec_.jobArgs(spec, work + ".h5");
    for (std::size_t s = 0; s < job.exitCodes.size(); ++s) {
        const std::string out = readText(work + ".s" + std::to_string(s) + ".out");
        const std::string err = readText(work + ".s" + std::to_string(s) + ".err");
        std::string line = "attractor-cli";
        for (const auto& a : args[s]) line += " " + a;
        command += (s ? "\n" : "") + line;
        log += "$ " + line + "\n" + out + err + "# exit code " + std::to_string(job.exitCodes[s]) +
               "\n";
        // The last line that is a JSON object is the command's summary.
        std::size_t end = out.size();
        while (end > 0) {
            const std::size_t begin =
                out.rfind('\n', end - 1) == std::string::npos ? 0 : out.rfind('\n', end - 1) + 1;
            const std::string l = out.substr(begin, end - begin);
            if (!l.empty() && l[0] == '{') {
                const auto j = nlohmann::ordered_json::parse(l, nullptr, false);
                if (j.is_object()) summary.update(j);
                break;
            }
            end = begin > 0 ? begin - 1 : 0;
        }
    }
    log += "# job " + std::to_string(job.index) + " (" + spec_.describe(spec) + "): exit code " +
           std::to_string(exitCode) + ", " + std::to_string(wall) + " s\n";
    SweepRecord r;
    r.specHash = spec_.hash();
    r.label = spec_.label();
    r.index = job.index;
    for (const auto& p : spec_.params()) r.paramLabels.push_back(p.label);
    r.values = spec.values;
    if (spec_.seedParam() >= 0) {
        try {
            r.seed = std::stoll(spec.values[std::size_t(spec_.seedParam())]);
        } catch (const std::exception&) {
            r.seed = -1;
        }
    }
    r.exitCode = exitCode;
    r.wallSeconds = wall;
    r.summaryJson = summary.dump();
    r.command = command;
    r.log = jobFile(job.index, ".log");
    writeTextAtomically(jobFile(job.index, ".json"), r.summaryJson + "\n");
    try {
        writeSweepJobFile(jobFile(job.index, ".h5"), exitCode == 0 ? work + ".h5" : "", r);
    } catch (const h5::Error& e) {
        // The job's own file could not be kept (damaged, or of a kind the copy does not know): the
        // job counts as failed, with the reason in its log, and the sweep goes on.
        log += "# sweep: the job's output cannot be kept: " + std::string(e.what()) + "\n";
        r.exitCode = kExitFailure;
        try {
            writeSweepJobFile(jobFile(job.index, ".h5"), "", r);
        } catch (const h5::Error& again) {
            writeTextAtomically(r.log, log);
            throw CliError(again.what(), kExitFailure);
        }
    }
    writeTextAtomically(r.log, log);
    std::error_code ec;
    fs::remove(work + ".h5", ec);
    for (std::size_t s = 0; s < job.exitCodes.size(); ++s) {
        fs::remove(work + ".s" + std::to_string(s) + ".out", ec);
        fs::remove(work + ".s" + std::to_string(s) + ".err", ec);
    }
    return r.exitCode;
}

SweepRunTotals SweepRunner::run(const std::vector<int>& indices, const SweepRunOptions& o) const {
    SweepRunTotals t;
    std::map<pid_t, Running> running;
    std::size_t next = 0;
    bool signalled = false;
    while (true) {
        while (!cancelRequested() && int(running.size()) < std::max(1, o.parallel) &&
               next < indices.size()) {
            const int index = indices[next++];
            if (o.claim && !o.claim(index)) continue;  // another rank runs (or skips) it
            const int lock = lockJob((fs::path(dir_) / ".work" / spec_.jobName(index)).string());
            if (lock < 0) {
                ++t.busy;
                continue;
            }
            if (spec_.skipExisting() && finished(index)) {
                ++t.skipped;
                ::close(lock);
                continue;
            }
            Running job;
            job.index = index;
            job.lock = lock;
            job.start = Clock::now();
            startStage(job, o);
            running.emplace(job.pid, job);
        }
        if (running.empty()) break;
        if (cancelRequested() && !signalled) {
            for (auto& [pid, job] : running) ::kill(pid, SIGTERM);
            signalled = true;
        }
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, WNOHANG);
        if (pid <= 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            continue;
        }
        auto it = running.find(pid);
        if (it == running.end()) continue;
        Running job = it->second;
        running.erase(it);
        int code = exitCodeOf(status);
        job.exitCodes.push_back(code);
        if (code == 0 && job.stage + 1 < int(spec_.commands().size()) && !cancelRequested()) {
            ++job.stage;
            startStage(job, o);
            running.emplace(job.pid, job);
            continue;
        }
        const double wall = std::chrono::duration<double>(Clock::now() - job.start).count();
        code = finish(job, code, wall);
        std::error_code
            gone;  // unlink before unlocking: a run that locks it next sees the job finished
        fs::remove((fs::path(dir_) / ".work" / (spec_.jobName(job.index) + ".lock")), gone);
        ::close(job.lock);
        ++t.ran;
        if (code != 0) ++t.failed;
        if (!o.quiet)
            std::printf("%s%s (%s): %s in %.3g s\n", o.tag.c_str(),
                        spec_.jobName(job.index).c_str(),
                        spec_.describe(spec_.jobs()[std::size_t(job.index)]).c_str(),
                        code == 0 ? "ok"
                                  : ("failed, exit code " + std::to_string(code) + ", see " +
                                     jobFile(job.index, ".log"))
                                        .c_str(),
                        wall);
        std::fflush(stdout);
    }
    t.cancelled = cancelRequested();
    return t;
}

}  // namespace as::cli
