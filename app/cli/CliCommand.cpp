#include "CliCommand.h"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "io/SessionFile.h"

namespace as::cli {

void checkDurationMs(double ms) {
    if (!std::isfinite(ms) || ms < 0 || ms > 1e9)
        throw CliError("--duration must be a number of ms in [0, 1e9] (got " + std::to_string(ms) +
                       ")");
}

int writeRunOutputs(bool halted, const std::string& haltMessage, const std::string& out,
                    const std::function<void(const std::string&)>& saveSession,
                    const std::string& csv, const TraceBuffer& traces) {
    int code = kExitOk;
    if (halted) {
        std::cerr << "attractor-cli: watchdog stopped the run: " << haltMessage << std::endl;
        code = kExitHalted;
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

namespace {
std::string number(double v) {
    std::ostringstream s;
    s.precision(6);
    s << v;
    return s.str();
}
}  // namespace

void listParams(const std::string& title, const std::vector<ParamSpec>& specs) {
    std::printf("# %s\n", title.c_str());
    std::printf("%-12s %-14s %-12s %-24s %s\n", "key", "unit", "default", "range", "description");
    for (const ParamSpec& s : specs) {
        std::string def, range;
        if (!s.choices.empty()) {
            def = s.choices.at(std::size_t(s.defaultValue));
            for (const auto& c : s.choices) range += (range.empty() ? "" : "|") + c;
        } else {
            def = number(s.defaultValue);
            range = "[" + number(s.min) + ", " + number(s.max) + "]";
        }
        std::printf("%-12s %-14s %-12s %-24s %s\n", s.key.c_str(), s.unit.empty() ? "-" : s.unit.c_str(),
                    def.c_str(), range.c_str(), s.tooltip.c_str());
    }
}

}  // namespace as::cli
