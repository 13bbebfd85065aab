#pragma once
// The lab subcommands of attractor-cli (ring, ei, surrogate, torus, hd2d, sde), registered on a
// CLI11 app: main() registers them once, and `sweep plan` registers them on a scratch app to parse
// and check each job's arguments exactly as the job will.
#include <CLI/CLI.hpp>
#include <memory>
#include <vector>

#include "CliCommand.h"

namespace as::cli {

/// Adds every lab subcommand to `app` (with the shared options --quiet and --force).
std::vector<std::unique_ptr<Command>> addLabCommands(CLI::App& app);

/// Parses one job's attractor-cli arguments (without the program name) as main() would and, when
/// the command can and `validate` is true, runs its validation (Command::setValidateOnly). Returns
/// "" when they are good, else the error message.
std::string checkJobArguments(const std::vector<std::string>& args, bool validate = true);

}  // namespace as::cli
