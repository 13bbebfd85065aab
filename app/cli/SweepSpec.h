#pragma once
// A sweep spec (docs/sweeps.md): one JSON file naming the lab command with its fixed options and
// the parameters to vary, following NetPyNE's batch naming where it fits (params with label and
// values, method grid or list, grouped params varying together, a save folder, skip). SweepSpec
// reads and checks it (a malformed spec is refused naming the file, the line and the field),
// expands it into jobs (grid: Cartesian product, the last parameter fastest; list: rows inline or
// from a CSV) and gives each job's attractor-cli argument lists. Pure logic: no processes, no files
// written.
#include <string>
#include <vector>

namespace as::cli {

/// One varied parameter: passed as `--set key=value` (key) or `flag value` (flag).
struct SweepParam {
    std::string label;  ///< column name in the merged table; [A-Za-z0-9_]+, unique
    std::string key;    ///< a --set key of the lab (exclusive with flag)
    std::string flag;   ///< an option of the lab command, e.g. --seed (exclusive with key)
    std::vector<std::string>
        values;         ///< grid: the values as passed on the command line; list: empty
    std::string group;  ///< params of one group vary together (zipped); "" for none
    int stage = 0;      ///< which command of a multi-command job receives it
    bool seed = false;  ///< this parameter is the job's seed (/sweep/seed)
};

/// Options of `sweep slurm` that a spec may carry (the command line overrides them).
struct SlurmOptions {
    std::string account, partition, time = "01:00:00";
    int cpusPerTask = 1;  ///< --cpus-per-task of each array task (and OMP_NUM_THREADS)
    int maxParallel = 0;  ///< the M of --array=0-K%M (0: no limit)
    int jobsPerTask = 1;  ///< jobs run one after another by one array task (chunks of big sweeps)
    std::vector<std::string> extra;  ///< further #SBATCH lines, e.g. "--mem=2G"
};

/// One job: its index (0-based, the order of expansion) and one value per parameter.
struct SweepJob {
    int index = 0;
    std::vector<std::string> values;
};

class SweepSpec {
  public:
    /// Reads and checks a spec file; CSV rows of the list method are read relative to its folder.
    /// Throws CliError (exit 2) "<path>:<line>: <field>: <problem>".
    static SweepSpec fromFile(const std::string& path);
    /// The same from text; `name` stands for the file in messages, `baseDir` resolves "csv".
    static SweepSpec fromText(const std::string& text, const std::string& name,
                              const std::string& baseDir = ".");

    const std::string& label() const { return label_; }
    const std::string& method() const { return method_; }
    /// The commands of one job (usually one), each without the subcommand's varied options.
    const std::vector<std::vector<std::string>>& commands() const { return commands_; }
    const std::vector<SweepParam>& params() const { return params_; }
    /// The folder holding the job files ("output", NetPyNE "saveFolder"; default: the label).
    const std::string& output() const { return output_; }
    bool skipExisting() const { return skipExisting_; }
    /// The option through which the first command writes its session or model ("" for none).
    const std::string& outFlag() const { return outFlag_; }
    const SlurmOptions& slurm() const { return slurm_; }
    /// "fnv1a64:<16 hex>" over what defines the jobs (commands, params with their values, rows,
    /// method, label, out_flag): not the folder, skip or Slurm options.
    const std::string& hash() const { return hash_; }
    /// The spec's path when read from a file ("" otherwise).
    const std::string& path() const { return path_; }

    std::size_t jobCount() const { return jobs_.size(); }
    const std::vector<SweepJob>& jobs() const { return jobs_; }
    /// Index of the seed parameter (flagged "seed": true, else the one passed as --seed or key
    /// seed), or -1.
    int seedParam() const { return seedParam_; }
    /// "<label>_<index>", the stem of the job's files.
    std::string jobName(int index) const;
    /// "v=0.01, seed=2" for messages and logs.
    std::string describe(const SweepJob& job) const;
    /// The attractor-cli argument lists of the job's commands: each command, then its parameters
    /// (`--set key=value` or `flag value`), then `--quiet`; the first also gets `<out_flag>
    /// <outPath>` unless it names {out} itself. {out}, {index} and {label} in the spec's arguments
    /// are replaced.
    std::vector<std::vector<std::string>> jobArgs(const SweepJob& job,
                                                  const std::string& outPath) const;
    /// Only the arguments up to and including parameter `upTo` (-1: none) of stage `stage`; for
    /// naming the parameter that makes a job invalid.
    std::vector<std::string> stageArgs(const SweepJob& job, int stage, int upTo,
                                       const std::string& outPath) const;

  private:
    std::string label_, method_ = "grid", output_, outFlag_ = "--out", hash_, path_;
    bool skipExisting_ = true;
    std::vector<std::vector<std::string>> commands_;
    std::vector<SweepParam> params_;
    std::vector<SweepJob> jobs_;
    SlurmOptions slurm_;
    int seedParam_ = -1;

    friend class SweepSpecReader;
};

/// 64-bit FNV-1a of `bytes` as "fnv1a64:<16 hex digits>".
std::string fnv1a64(const std::string& bytes);

}  // namespace as::cli
