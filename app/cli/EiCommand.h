#pragma once
// `attractor-cli ei`: runs one of the spiking E-I network's protocols (seed 001 Fig. 2-5) and
// reports rates, ISI CV, decode error, t95, tracking lag and persistence (docs/cli.md).
#include <string>
#include <vector>

#include "CliCommand.h"
#include "spiking/EiParams.h"

namespace as::cli {

class EiCommand : public Command {
  public:
    explicit EiCommand(CLI::App& parent);
    int run() override;
    bool canValidate() const override { return true; }

  private:
    /// p with the --set values applied (throws CliError naming a bad one).
    EiParams applySets(EiParams p) const;

    std::vector<std::string> sets_;
    bool listParams_ = false, listProtocols_ = false;
    std::string protocol_ = "persistent", mode_, out_, csv_, sonata_, spikesCsv_, session_;
    int NE_ = 0, threads_ = 0;
    long long seed_ = -1;
    double durationMs_ = 0;
};

}  // namespace as::cli
