#include "CliCommand.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "CancelSignal.h"
#include "ProgressPrinter.h"
#include "io/SessionFile.h"

namespace as::cli {

void checkDurationMs(double ms) {
    if (!std::isfinite(ms) || ms < 0 || ms > 1e9)
        throw CliError("--duration must be a number of ms in [0, 1e9] (got " + std::to_string(ms) +
                       ")");
}

void checkStepBudget(double steps, const std::string& what, bool force) {
    char count[64];
    std::snprintf(count, sizeof count, "%.0f steps (%.3g)", steps, steps);
    if (!std::isfinite(steps) || steps > 9e18)
        throw CliError(what + " is " +
                       (std::isfinite(steps) ? std::string(count)
                                             : std::string("not a finite number of steps")) +
                       ", more than can be counted, even with --force");
    if (steps > kMaxStepsWithoutForce && !force) {
        char limit[32];
        std::snprintf(limit, sizeof limit, "%.0e", kMaxStepsWithoutForce);
        throw CliError(what + " is " + count + ", more than the " + limit +
                       " allowed without --force (pass --force to run it anyway)");
    }
}

void checkDurationSteps(double durationMs, double dtMs, bool force) {
    checkStepBudget(
        durationMs / dtMs,
        "--duration " + formatNumber(durationMs) + " ms at dt = " + formatNumber(dtMs) + " ms",
        force);
}

long runSteps(long total, int chunk, double dtMs, const std::function<long(int)>& step,
              const std::function<bool()>& halted, ProgressPrinter& progress) {
    std::fflush(stdout);  // the command's header lines show before a long run
    long taken = 0;
    while (taken < total && !halted() && !cancelRequested()) {
        taken += step(int(std::min<long>(chunk, total - taken)));
        progress.update(double(taken) * dtMs, double(total) * dtMs);
    }
    return taken;
}

void Command::addSharedOptions() {
    app()->add_flag("--quiet", quiet_,
                    "No progress lines on stderr (long jobs print them at most once a second)");
    app()->add_flag(
        "--force", force_,
        "Run even if the job has more than 1e8 steps (refused without it; see docs/cli.md)");
}

int writeRunOutputs(bool halted, const std::string& haltMessage, double simMs,
                    const std::string& out,
                    const std::function<void(const std::string&)>& saveSession,
                    const std::string& csv, const TraceBuffer& traces) {
    int code = kExitOk;
    if (halted) {
        std::cerr << "attractor-cli: watchdog stopped the run: " << haltMessage << std::endl;
        code = kExitHalted;
    } else if (cancelRequested()) {
        std::cerr << "attractor-cli: cancelled at t = " << simMs
                  << " ms; the outputs hold the state reached" << std::endl;
        code = kExitCancelled;
    }
    try {
        if (!out.empty()) {
            saveSession(out);
            std::printf("wrote session %s\n", out.c_str());
        }
        if (!csv.empty()) {
            exportTracesCsv(csv, traces);
            std::printf("wrote traces %s (%zu rows)\n", csv.c_str(), traces.size());
        }
    } catch (const SessionError& e) {
        throw CliError(e.what(), kExitFailure);
    }
    return code;
}

void printError(const std::string& message) {
    std::string line = message;
    for (char& c : line)
        if (c == '\n' || c == '\r') c = ' ';
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cerr << "attractor-cli: error: " << line << std::endl;
}

std::pair<std::string, std::string> splitSetting(const std::string& text) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        throw CliError("--set expects key=value (got '" + text + "')");
    return {text.substr(0, eq), text.substr(eq + 1)};
}

std::string formatNumber(double v) {
    std::ostringstream s;
    s.precision(6);
    s << v;
    return s.str();
}

void listParams(const std::string& title, const std::vector<ParamSpec>& specs) {
    std::printf("# %s\n", title.c_str());
    std::printf("%-12s %-14s %-12s %-24s %s\n", "key", "unit", "default", "range", "description");
    for (const ParamSpec& s : specs) {
        const std::string def = s.choices.empty() ? formatNumber(s.defaultValue)
                                                  : s.choices.at(std::size_t(s.defaultValue));
        std::printf("%-12s %-14s %-12s %-24s %s\n", s.key.c_str(),
                    s.unit.empty() ? "-" : s.unit.c_str(), def.c_str(), s.rangeText().c_str(),
                    s.tooltip.c_str());
    }
}

}  // namespace as::cli
