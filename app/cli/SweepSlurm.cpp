#include "SweepSlurm.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "CliCommand.h"
#include "SweepProcess.h"

namespace as::cli {

namespace fs = std::filesystem;

namespace {

/// `text` quoted for bash (single quotes).
std::string shellQuote(const std::string& text) {
    std::string q = "'";
    for (char c : text) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string header(const std::string& name, const SlurmOptions& o, const std::string& log) {
    std::string s = "#!/bin/bash\n";
    s += "#SBATCH --job-name=" + name + "\n";
    s += "#SBATCH --output=" + log + "\n";
    s += "#SBATCH --time=" + o.time + "\n";
    if (!o.account.empty()) s += "#SBATCH --account=" + o.account + "\n";
    if (!o.partition.empty()) s += "#SBATCH --partition=" + o.partition + "\n";
    for (const auto& e : o.extra) s += "#SBATCH " + e + "\n";
    return s;
}

/// Runs `command`, returns its stdout; throws with the output when it fails.
std::string runCapture(const std::string& command) {
    std::FILE* p = ::popen((command + " 2>&1").c_str(), "r");
    if (!p) throw CliError("cannot run '" + command + "'", kExitFailure);
    std::string out;
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    const int status = ::pclose(p);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    if (status != 0) throw CliError("'" + command + "' failed: " + out, kExitFailure);
    return out;
}

}  // namespace

SlurmScripts writeSlurmScripts(const SweepSpec& spec, const std::string& dir, const SlurmOptions& o,
                               const std::vector<std::string>& mergeArgs) {
    const std::string absDir = fs::absolute(dir).lexically_normal().string();
    const std::string specPath = fs::absolute(spec.path()).lexically_normal().string();
    const std::string cli = selfExecutable();
    std::error_code ec;
    fs::create_directories(absDir, ec);
    if (ec)
        throw CliError("cannot create the sweep folder '" + absDir + "': " + ec.message(),
                       kExitFailure);

    SlurmScripts s;
    const int per = std::max(1, o.jobsPerTask);
    s.tasks = int((spec.jobCount() + std::size_t(per) - 1) / std::size_t(per));
    std::string a = header(spec.label(), o, absDir + "/slurm-%A_%a.out");
    a += "#SBATCH --array=0-" + std::to_string(s.tasks - 1) +
         (o.maxParallel > 0 ? "%" + std::to_string(o.maxParallel) : "") + "\n";
    a += "#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=" + std::to_string(o.cpusPerTask) + "\n";
    a += "# Written by attractor-cli sweep slurm: array task T runs jobs T*" + std::to_string(per) +
         " .. T*" + std::to_string(per) + "+" + std::to_string(per - 1) + " of " +
         std::to_string(spec.jobCount()) + " (spec hash " + spec.hash() + ").\n";
    a += "export OMP_NUM_THREADS=\"${SLURM_CPUS_PER_TASK:-1}\"\n";
    a += "exec " + shellQuote(cli) + " sweep run " + shellQuote(specPath) + " --output " +
         shellQuote(absDir) + " --task \"$SLURM_ARRAY_TASK_ID\" --jobs-per-task " +
         std::to_string(per) + " --threads \"$OMP_NUM_THREADS\"\n";
    s.arrayScript = absDir + "/" + spec.label() + "_array.sbatch";
    writeTextAtomically(s.arrayScript, a);

    SlurmOptions mo = o;
    mo.time = "00:30:00";
    std::string m = header(spec.label() + "-merge", mo, absDir + "/slurm-merge-%j.out");
    m += "#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=1\n#SBATCH --kill-on-invalid-dep=yes\n";
    m += "# Submitted with --dependency=afterok:<array job>: runs once every array task "
         "succeeded.\n";
    m += "exec " + shellQuote(cli) + " sweep merge " + shellQuote(specPath) + " --output " +
         shellQuote(absDir);
    for (const auto& x : mergeArgs) m += " " + shellQuote(x);
    m += "\n";
    s.mergeScript = absDir + "/" + spec.label() + "_merge.sbatch";
    writeTextAtomically(s.mergeScript, m);
    ::chmod(s.arrayScript.c_str(), 0755);
    ::chmod(s.mergeScript.c_str(), 0755);
    return s;
}

void submitSlurmScripts(SlurmScripts& s) {
    const char* env = std::getenv("SBATCH");
    const std::string sbatch = env && *env ? env : "sbatch";
    auto id = [](std::string out) {  // --parsable prints "<id>" or "<id>;<cluster>"
        const auto nl = out.rfind('\n');
        if (nl != std::string::npos) out = out.substr(nl + 1);
        return out.substr(0, out.find(';'));
    };
    s.arrayJobId = id(runCapture(sbatch + " --parsable " + shellQuote(s.arrayScript)));
    s.mergeJobId = id(runCapture(sbatch + " --parsable --dependency=afterok:" + s.arrayJobId + " " +
                                 shellQuote(s.mergeScript)));
}

}  // namespace as::cli
