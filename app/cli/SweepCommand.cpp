#include "SweepCommand.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "CancelSignal.h"
#include "JsonSummary.h"
#include "LabCommands.h"
#include "SweepMerge.h"
#include "SweepMpi.h"
#include "SweepProcess.h"
#include "SweepRunner.h"
#include "SweepSlurm.h"
#include "SweepSpec.h"
#include "cann/FftConvolver.h"

namespace as::cli {

namespace fs = std::filesystem;

SweepCommand::SweepCommand(CLI::App& parent)
    : Command(parent, "sweep",
              "Sweeps: many runs of a lab command over parameter values (docs/sweeps.md)") {
    app_->require_subcommand(1, 1);
    app_->fallthrough();
    auto common = [this](CLI::App* a) {
        a->add_option("spec", specPath_, "The sweep spec (JSON, docs/sweeps.md)")
            ->required()
            ->type_name("SPEC.json");
        a->add_option("--output", output_, "The sweep folder (default: the spec's \"output\")")
            ->type_name("DIR");
    };
    plan_ = app_->add_subcommand("plan",
                                 "Print the jobs and check every job's arguments; runs nothing");
    common(plan_);
    run_ = app_->add_subcommand(
        "run", "Run the jobs that are not finished (child processes; --mpi under mpirun)");
    common(run_);
    run_->add_option("--jobs", jobs_, "Jobs at a time on this machine (default 1)")
        ->type_name("N")
        ->check(CLI::Range(1, 4096));
    run_->add_option(
            "--threads", threads_,
            "OpenMP threads of each job (default: cores / jobs, or cores / ranks on the node)")
        ->type_name("T")
        ->check(CLI::Range(1, 4096));
    run_->add_flag(
        "--mpi", mpi_,
        "Run as one rank of mpirun: the ranks share the jobs (atomic claims in the folder)");
    run_->add_option("--task", task_, "Run only chunk T of the jobs (a Slurm array task)")
        ->type_name("T")
        ->check(CLI::Range(0, 1000000));
    run_->add_option("--jobs-per-task", jobsPerTask_,
                     "Jobs in one --task chunk (default: the spec's slurm.jobs_per_task, 1)")
        ->type_name("C")
        ->check(CLI::Range(1, 1000000));
    merge_ = app_->add_subcommand("merge", "Merge the job files into <label>_merged.h5 and .csv");
    common(merge_);
    merge_
        ->add_option("--group-by", groupBy_,
                     "Mean, std and n over the other parameters, per value of these")
        ->delimiter(',')
        ->type_name("LABEL,...");
    merge_->add_flag("--allow-partial", allowPartial_,
                     "Exit 0 even when jobs are missing or failed");
    slurm_ = app_->add_subcommand(
        "slurm", "Write (and with --submit submit) a Slurm job array and a merge job");
    common(slurm_);
    slurm_->add_flag("--submit", submit_,
                     "Submit both with sbatch (the merge after the array: afterok)");
    slurm_
        ->add_option("--jobs-per-task", jobsPerTask_,
                     "Jobs run one after another by each array task")
        ->type_name("C")
        ->check(CLI::Range(1, 1000000));
    slurm_->add_option("--group-by", groupBy_, "Passed to the merge job")
        ->delimiter(',')
        ->type_name("LABEL,...");
    slurmCli_.addTo(slurm_);
}

std::string SweepCommand::folder(const SweepSpec& spec) const {
    return output_.empty() ? spec.output() : output_;
}

int SweepCommand::run() {
    // The in-process checks of the jobs build the labs' models: plan their FFTs as the jobs will.
    FftConvolver<float>::setReproduciblePlans(true);
    const SweepSpec spec = SweepSpec::fromFile(specPath_);
    if (plan_->parsed()) return runPlan(spec);
    if (run_->parsed()) return mpi_ ? runMpi(spec) : runJobs(spec);
    if (merge_->parsed()) return runMerge(spec);
    return runSlurm(spec);
}

void SweepCommand::checkAllJobs(const SweepSpec& spec) const {
    std::string first;
    int bad = 0;
    for (const SweepJob& job : spec.jobs()) {
        const std::string out =
            (fs::path(folder(spec)) / ".work" / (spec.jobName(job.index) + ".h5")).string();
        for (int stage = 0; stage < int(spec.commands().size()); ++stage) {
            // Later commands read what the first writes: only their syntax can be checked now.
            const bool validate = stage == 0;
            const int last = int(spec.params().size()) - 1;
            std::string err = checkJobArguments(spec.stageArgs(job, stage, last, out), validate);
            if (err.empty()) continue;
            ++bad;
            if (!first.empty()) break;
            std::string who = "the command itself";
            if (checkJobArguments(spec.stageArgs(job, stage, -1, out), validate).empty()) {
                for (int k = 0; k <= last; ++k) {
                    const SweepParam& p = spec.params()[std::size_t(k)];
                    if (p.stage != stage) continue;
                    err = checkJobArguments(spec.stageArgs(job, stage, k, out), validate);
                    if (err.empty()) continue;
                    who = "parameter '" + p.label + "' (" +
                          (p.key.empty() ? p.flag + " " : "--set " + p.key + "=") +
                          job.values[std::size_t(k)] + ")";
                    break;
                }
            }
            first = "job " + std::to_string(job.index) + " (" + spec.describe(job) + "): " + who +
                    ": " + err;
            break;
        }
    }
    if (bad > 0)
        throw CliError(
            first +
            (bad > 1 ? " (and " + std::to_string(bad - 1) + " more jobs are refused)" : "") +
            "; nothing was run");
}

int SweepCommand::runPlan(const SweepSpec& spec) {
    checkAllJobs(spec);
    const std::string dir = folder(spec);
    const SweepRunner runner(spec, dir);
    std::printf("sweep %s: %zu jobs (%s), spec hash %s, folder %s\n", spec.label().c_str(),
                spec.jobCount(), spec.method().c_str(), spec.hash().c_str(), dir.c_str());
    int finished = 0;
    for (const SweepJob& job : spec.jobs()) {
        const bool done = runner.finished(job.index);
        finished += done;
        std::string line;
        for (const auto& args : spec.jobArgs(job, runner.jobFile(job.index, ".h5"))) {
            line += line.empty() ? "attractor-cli" : " && attractor-cli";
            for (const auto& a : args) line += " " + a;
        }
        std::printf("%5d  %-30s %s%s\n", job.index, spec.describe(job).c_str(),
                    done ? "[finished] " : "", line.c_str());
    }
    std::printf("every job's arguments were checked\n");
    JsonSummary j;
    j.add("sweep", "plan")
        .add("label", spec.label())
        .add("jobs", (long long)spec.jobCount())
        .add("finished", (long long)finished)
        .add("spec_hash", spec.hash())
        .add("output", dir);
    std::cout << j.str() << std::endl;
    return kExitOk;
}

namespace {
using Clock = std::chrono::steady_clock;

std::vector<int> taskIndices(const SweepSpec& spec, int task, int perTask) {
    std::vector<int> out;
    const long first = long(task) * perTask;
    if (task >= 0 && first >= long(spec.jobCount()))
        throw CliError("--task " + std::to_string(task) + ": the sweep has " +
                       std::to_string(spec.jobCount()) + " jobs, " + std::to_string(perTask) +
                       " per task");
    for (long i = task >= 0 ? first : 0;
         i < long(spec.jobCount()) && (task < 0 || i < first + perTask); ++i)
        out.push_back(int(i));
    return out;
}

int exitCodeOf(const SweepRunTotals& t) {
    if (t.cancelled) return kExitCancelled;
    return t.failed > 0 ? kExitFailure : kExitOk;
}

/// The end of `sweep run`: one line, the JSON (`ranks` > 0 under MPI, else `parallel`), an error
/// line when jobs failed; returns the exit code.
int reportRun(const SweepSpec& spec, const SweepRunTotals& t, std::size_t jobs, int parallel,
              int ranks, int threads, double wall, const std::string& dir) {
    std::printf(
        "sweep %s%s: %d ran (%d failed), %d already finished, %d left to another run, %.3g s\n",
        spec.label().c_str(), ranks > 0 ? (" on " + std::to_string(ranks) + " ranks").c_str() : "",
        t.ran, t.failed, t.skipped, t.busy, wall);
    JsonSummary j;
    j.add("sweep", "run")
        .add("label", spec.label())
        .add("jobs", (long long)jobs)
        .add("ran", (long long)t.ran)
        .add("failed", (long long)t.failed)
        .add("skipped", (long long)t.skipped)
        .add("busy", (long long)t.busy);
    if (ranks > 0)
        j.add("ranks", (long long)ranks);
    else
        j.add("parallel", (long long)parallel);
    j.add("threads", (long long)threads)
        .add("cancelled", t.cancelled)
        .add("wall_s", wall)
        .add("output", dir);
    std::cout << j.str() << std::endl;
    if (t.failed > 0 && !t.cancelled)
        printError(std::to_string(t.failed) + " jobs failed (see their .log files)");
    return exitCodeOf(t);
}
}  // namespace

int SweepCommand::runJobs(const SweepSpec& spec) {
    const CancelPoll poll;  // Ctrl-C: no new jobs; running ones are stopped and recorded as failed
    const auto start = Clock::now();
    checkAllJobs(spec);
    const SweepRunner runner(spec, folder(spec));
    runner.prepareFolder();
    const int perTask = jobsPerTask_ > 0 ? jobsPerTask_ : spec.slurm().jobsPerTask;
    const std::vector<int> indices = taskIndices(spec, task_, perTask);
    SweepRunOptions o;
    o.parallel = jobs_;
    o.threads = threads_ > 0 ? threads_ : std::max(1, availableCores() / jobs_);
    o.quiet = quiet_;
    const SweepRunTotals t = runner.run(indices, o);
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();
    return reportRun(spec, t, indices.size(), o.parallel, 0, o.threads, wall, runner.dir());
}

int SweepCommand::runMpi(const SweepSpec& spec) {
    if (task_ >= 0) throw CliError("--mpi and --task do not go together");
    SweepMpi mpi;  // throws (exit 2) without MPI
    const CancelPoll poll;
    const auto start = Clock::now();
    // Rank 0 checks the jobs and prepares the folder and this run's claim folder; the others
    // follow.
    std::string error, claims;
    const SweepRunner runner(spec, folder(spec));
    if (mpi.rank() == 0) {
        try {
            checkAllJobs(spec);
            runner.prepareFolder();
            claims = (fs::path(runner.dir()) / ".claims" /
                      (std::to_string(Clock::now().time_since_epoch().count()) + "-" +
                       std::to_string(::getpid())))
                         .string();
            fs::create_directories(claims);
        } catch (const std::exception& e) {
            error = std::string("E") + e.what();
        }
    }
    const std::string shared = mpi.broadcast(error.empty() ? "C" + claims : error);
    if (shared[0] == 'E') {
        if (mpi.rank() == 0) throw CliError(shared.substr(1));
        return kExitUsage;
    }
    claims = shared.substr(1);
    SweepRunOptions o;
    o.parallel = jobs_;
    o.threads = threads_ > 0 ? threads_ : std::max(1, availableCores() / (mpi.localSize() * jobs_));
    o.quiet = quiet_;
    o.tag = "rank " + std::to_string(mpi.rank()) + ": ";
    o.claim = [&claims](int index) {
        const std::string f = claims + "/" + std::to_string(index);
        const int fd = ::open(f.c_str(), O_CREAT | O_EXCL | O_WRONLY, 0644);
        if (fd < 0) return false;
        ::close(fd);
        return true;
    };
    // A rank that fails outside its jobs (a file it cannot write) still joins the collectives
    // below, so the other ranks finish instead of waiting for it forever.
    SweepRunTotals t;
    std::string failure;
    try {
        t = runner.run(taskIndices(spec, -1, 1), o);
    } catch (const std::exception& e) {
        failure = e.what();
    }
    const bool anyFailure = mpi.sum(failure.empty() ? 0 : 1) > 0;
    SweepRunTotals all;
    all.ran = int(mpi.sum(t.ran));
    all.failed = int(mpi.sum(t.failed));
    all.skipped = int(mpi.sum(t.skipped));
    all.busy = int(mpi.sum(t.busy));
    all.cancelled = mpi.sum(t.cancelled ? 1 : 0) > 0;
    mpi.barrier();
    if (!failure.empty())
        throw CliError("rank " + std::to_string(mpi.rank()) + ": " + failure, kExitFailure);
    if (anyFailure) return kExitFailure;  // the failing rank says why
    if (mpi.rank() != 0) return exitCodeOf(all);
    std::error_code ec;
    fs::remove_all(claims, ec);
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();
    return reportRun(spec, all, spec.jobCount(), 0, mpi.size(), o.threads, wall, runner.dir());
}

int SweepCommand::runMerge(const SweepSpec& spec) {
    const auto start = Clock::now();
    const std::string dir = folder(spec);
    if (!fs::is_directory(dir))
        throw CliError("no sweep folder '" + dir + "' (run the sweep first)");
    const SweepMergeReport r = mergeSweep(spec, dir, {groupBy_});
    for (const auto& p : r.problems) std::printf("%s\n", p.c_str());
    std::printf("merged %d of %zu jobs (%d failed, %d missing) into %s and %s%s%s\n", r.ok,
                spec.jobCount(), r.failed, r.missing, r.h5.c_str(), r.csv.c_str(),
                r.groupedCsv.empty() ? "" : " and ", r.groupedCsv.c_str());
    JsonSummary j;
    j.add("sweep", "merge")
        .add("label", spec.label())
        .add("jobs", (long long)spec.jobCount())
        .add("ok", (long long)r.ok)
        .add("failed", (long long)r.failed)
        .add("missing", (long long)r.missing)
        .add("merged_h5", r.h5)
        .add("csv", r.csv)
        .add("wall_s", std::chrono::duration<double>(Clock::now() - start).count());
    if (!r.groupedCsv.empty()) j.add("grouped_csv", r.groupedCsv);
    std::cout << j.str() << std::endl;
    if (r.failed + r.missing > 0 && !allowPartial_) {
        printError(
            std::to_string(r.failed + r.missing) + " of " + std::to_string(spec.jobCount()) +
            " jobs are failed or missing (listed above; --allow-partial accepts a partial merge)");
        return kExitFailure;
    }
    return kExitOk;
}

int SweepCommand::runSlurm(const SweepSpec& spec) {
    checkAllJobs(spec);
    SlurmOptions o = slurmCli_.over(spec.slurm());
    if (jobsPerTask_ > 0) o.jobsPerTask = jobsPerTask_;
    std::vector<std::string> mergeArgs;
    if (!groupBy_.empty()) {
        std::string g;
        for (const auto& x : groupBy_) g += (g.empty() ? "" : ",") + x;
        mergeArgs = {"--group-by", g};
    }
    const std::string dir = folder(spec);
    SweepRunner(spec, dir).prepareFolder();
    SlurmScripts s = writeSlurmScripts(spec, dir, o, mergeArgs);
    std::printf("wrote %s (%d array tasks, %d jobs each) and %s\n", s.arrayScript.c_str(), s.tasks,
                o.jobsPerTask, s.mergeScript.c_str());
    if (submit_) {
        submitSlurmScripts(s);
        std::printf("submitted array job %s and merge job %s (afterok)\n", s.arrayJobId.c_str(),
                    s.mergeJobId.c_str());
    }
    JsonSummary j;
    j.add("sweep", "slurm")
        .add("label", spec.label())
        .add("jobs", (long long)spec.jobCount())
        .add("tasks", (long long)s.tasks)
        .add("array_script", s.arrayScript)
        .add("merge_script", s.mergeScript);
    if (submit_) j.add("array_job", s.arrayJobId).add("merge_job", s.mergeJobId);
    std::cout << j.str() << std::endl;
    return kExitOk;
}

}  // namespace as::cli
