// attractor-cli: runs the labs' protocols headless, writes sessions (HDF5) and traces (CSV), prints
// a few human lines and, last, one JSON object. Never opens a dialog. See docs/cli.md.
#include <CLI/CLI.hpp>
#include <exception>
#include <memory>
#include <vector>

#include "CancelSignal.h"
#include "CliCommand.h"
#include "EiCommand.h"
#include "GeneratorCommand.h"
#include "Hd2dCommand.h"
#include "RingCommand.h"
#include "SdeCommand.h"
#include "SurrogateCommand.h"
#include "TorusCommand.h"

int main(int argc, char** argv) {
    using namespace as::cli;
    CLI::App app{"attractor-cli: headless runs of Attractor Studio's labs (see docs/cli.md)",
                 "attractor-cli"};
    app.set_version_flag("--version", std::string(AS_VERSION));
    app.require_subcommand(1, 1);

    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<RingCommand>(app));
    commands.push_back(std::make_unique<EiCommand>(app));
    commands.push_back(std::make_unique<SurrogateCommand>(app));
    commands.push_back(std::make_unique<TorusCommand>(app));
    commands.push_back(std::make_unique<Hd2dCommand>(app));
    commands.push_back(std::make_unique<SdeCommand>(app));
    commands.push_back(std::make_unique<GeneratorCommand>(app));
    // Later labs register here: commands.push_back(std::make_unique<TorusCommand>(app)); ...
    for (auto& c : commands) c->addSharedOptions();  // --quiet, --force

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
