#include "LabCommands.h"

#include <algorithm>

#include "EiCommand.h"
#include "GeneratorCommand.h"
#include "Hd2dCommand.h"
#include "RingCommand.h"
#include "SdeCommand.h"
#include "SurrogateCommand.h"
#include "TorusCommand.h"

namespace as::cli {

std::vector<std::unique_ptr<Command>> addLabCommands(CLI::App& app) {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<RingCommand>(app));
    commands.push_back(std::make_unique<EiCommand>(app));
    commands.push_back(std::make_unique<SurrogateCommand>(app));
    commands.push_back(std::make_unique<TorusCommand>(app));
    commands.push_back(std::make_unique<Hd2dCommand>(app));
    commands.push_back(std::make_unique<SdeCommand>(app));
    commands.push_back(std::make_unique<GeneratorCommand>(app));
    // One line per lab (docs/adding-a-lab.md).
    for (auto& c : commands) c->addSharedOptions();  // --quiet, --force
    return commands;
}

std::string checkJobArguments(const std::vector<std::string>& args, bool validate) {
    CLI::App app{"attractor-cli", "attractor-cli"};
    app.require_subcommand(1, 1);
    auto commands = addLabCommands(app);
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
    try {
        app.parse(reversed);
    } catch (const CLI::Success&) {
        return "--help and --version are not job options";
    } catch (const CLI::ParseError& e) {
        return e.what();
    }
    for (auto& c : commands) {
        if (!validate || !c->app()->parsed() || !c->canValidate()) continue;
        c->setValidateOnly(true);
        try {
            c->run();
        } catch (const std::exception& e) {
            return e.what();
        }
    }
    return "";
}

}  // namespace as::cli
