// attractor-cli: runs the labs' protocols headless, writes sessions (HDF5) and traces (CSV), prints
// a few human lines and, last, one JSON object. Never opens a dialog. See docs/cli.md.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <exception>
#include <memory>
#include <vector>

#include "CancelSignal.h"
#include "CliCommand.h"
#include "LabCommands.h"
#include "SweepCommand.h"
#include "cann/FftConvolver.h"

int main(int argc, char** argv) {
    using namespace as::cli;
    CLI::App app{"attractor-cli: headless runs of Attractor Studio's labs (see docs/cli.md)",
                 "attractor-cli"};
    app.set_version_flag("--version", std::string(AS_VERSION));
    app.require_subcommand(1, 1);

    // The labs (LabCommands.cpp; later labs register there), then sweeps of their commands.
    std::vector<std::unique_ptr<Command>> commands = addLabCommands(app);
    commands.push_back(std::make_unique<SweepCommand>(app));
    commands.back()->addSharedOptions();  // --quiet, --force

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        printError(std::string(e.what()) + " (see attractor-cli --help)");
        return kExitUsage;
    }

    // A sweep's job (SweepRunner sets AS_SWEEP_JOB): FFT plans that do not depend on timing, so the
    // job's numbers are the same however busy the machine is (docs/sweeps.md, "Reproducibility").
    if (const char* job = std::getenv("AS_SWEEP_JOB"); job && *job) {
        as::FftConvolver<float>::setReproduciblePlans(true);
    }
    installCancelHandlers();  // Ctrl-C / SIGTERM: jobs stop, write their outputs, exit
                              // kExitCancelled
    try {
        for (auto& c : commands)
            if (c->app()->parsed()) return c->run();
    } catch (const CliError& e) {
        printError(e.what());
        return e.code();
    } catch (const std::exception& e) {
        printError(e.what());
        return kExitFailure;
    }
    printError("no subcommand given (see attractor-cli --help)");
    return kExitUsage;
}
