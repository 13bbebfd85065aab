#pragma once
// What every attractor-cli subcommand (ring, torus, hd2d, ei, surrogate, sde, ...) provides, and
// the shared conventions: exit codes, the one-line error format, and `--set key=value` handling.
#include <CLI/CLI.hpp>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/ParamAccess.h"
#include "core/ParamSpec.h"

namespace as {
class TraceBuffer;
}

namespace as::cli {

/// Exit codes shared by all subcommands (docs/cli.md).
enum ExitCode : int {
    kExitOk = 0,
    kExitFailure = 1,  ///< an output file could not be written, or an unexpected error
    kExitUsage = 2,    ///< bad arguments, invalid parameters, unreadable session file
    kExitHalted = 3,   ///< the watchdog stopped the run (outputs are still written)
    kExitCancelled =
        130,  ///< Ctrl-C / SIGTERM stopped the job (outputs written with the state reached)
};

/// Runs of more steps than this are refused unless --force is given.
inline constexpr double kMaxStepsWithoutForce = 1e8;

/// A problem with the user's input; main() prints it as one error line and exits with `code`.
class CliError : public std::runtime_error {
  public:
    explicit CliError(const std::string& what, int code = kExitUsage)
        : std::runtime_error(what), code_(code) {}
    int code() const { return code_; }

  private:
    int code_;
};

/// Prints "attractor-cli: error: <message>" (newlines folded) on stderr.
void printError(const std::string& message);

/// Splits "key=value"; throws CliError if there is no '=' or the key is empty.
std::pair<std::string, std::string> splitSetting(const std::string& text);

/// Applies one `--set key=value` to whichever of the parameter structs `a` (first) or `b` describes
/// `key`. Throws CliError naming the setting for a bad value, or listing the known keys for an
/// unknown one. Range rules are left to the structs' check().
template <class A, class B>
void applySetting(const std::string& text, A& a, B& b) {
    const auto [key, value] = splitSetting(text);
    try {
        if (findSpec(A::specs(), key)) return a.set(key, A::parse(key, value));
        if (findSpec(B::specs(), key)) return b.set(key, B::parse(key, value));
    } catch (const ParamError& e) {
        throw CliError("--set " + text + ": " + e.what());
    }
    std::string known;
    for (const auto& sp : A::specs()) known += (known.empty() ? "" : ", ") + sp.key;
    for (const auto& sp : B::specs()) known += ", " + sp.key;
    throw CliError("unknown parameter '" + key + "' in --set (known: " + known + ")");
}

/// Throws CliError unless --duration (ms) is a finite number in [0, 1e9].
void checkDurationMs(double ms);

/// The one rule against runaway runs: a job of more than kMaxStepsWithoutForce steps is refused
/// (CliError, exit 2) with the step count and the --force that allows it. `what` says where the
/// count comes from ("--duration 10 ms at dt = 1e-09 ms"). A count beyond 9e18 (or not finite) is
/// refused even with --force.
void checkStepBudget(double steps, const std::string& what, bool force);
/// checkStepBudget for a simulation of durationMs at a step of dtMs ms.
void checkDurationSteps(double durationMs, double dtMs, bool force);
/// A number as "%.6g".
std::string formatNumber(double v);

class ProgressPrinter;

/// The stepping loop of a simulation command (ring, torus, hd2d): calls step(n) (which returns the
/// steps taken) in chunks of at most `chunk` until `total` steps are taken, halted() or Ctrl-C,
/// reporting progress in ms simulated. Returns the steps taken.
long runSteps(long total, int chunk, double dtMs, const std::function<long(int)>& step,
              const std::function<bool()>& halted, ProgressPrinter& progress);

/// The common end of a simulation command (ring, torus, hd2d): a watchdog halt or a Ctrl-C is
/// reported on stderr (the outputs are still written, with the state reached), then the session
/// (saveSession(out), when out is given) and the traces CSV (when csv is given). Returns
/// kExitHalted, kExitCancelled (when cancelRequested()) or kExitOk; an output that cannot be
/// written throws CliError(kExitFailure).
int writeRunOutputs(bool halted, const std::string& haltMessage, double simMs,
                    const std::string& out,
                    const std::function<void(const std::string&)>& saveSession,
                    const std::string& csv, const TraceBuffer& traces);

/// Prints one line per spec: key, unit, default, range, tooltip (for --list-params).
void listParams(const std::string& title, const std::vector<ParamSpec>& specs);

class Command {
  public:
    virtual ~Command() = default;
    /// The CLI11 subcommand this command registered.
    CLI::App* app() const { return app_; }
    /// Runs after a successful parse; returns the exit code. May throw CliError.
    virtual int run() = 0;
    /// Adds the options every subcommand shares: --quiet and --force. main() calls it once for
    /// each command, after the command registered its own options.
    void addSharedOptions();
    /// Whether run() supports setValidateOnly(): `sweep plan` checks each job's arguments through
    /// it.
    virtual bool canValidate() const { return false; }
    /// Validation mode (`sweep plan`, docs/sweeps.md): run() applies and checks every argument as
    /// for a real run, then returns kExitOk before any work; a bad argument throws CliError as
    /// usual.
    void setValidateOnly(bool on) { validateOnly_ = on; }

  protected:
    /// Registers the subcommand `name` under `parent` (the command adds its options to app_).
    Command(CLI::App& parent, const std::string& name, const std::string& description)
        : app_(parent.add_subcommand(name, description)) {}

    CLI::App* app_;
    bool validateOnly_ = false;  ///< see setValidateOnly()
    bool quiet_ = false;  ///< --quiet: no progress lines on stderr (and, where a job has them, no
                          ///< per-epoch lines)
    bool force_ = false;  ///< --force: run even above kMaxStepsWithoutForce steps
};

}  // namespace as::cli
