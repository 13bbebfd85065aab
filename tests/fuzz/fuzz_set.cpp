// Fuzzes `attractor-cli <lab> --set KEY=VALUE`: the first line of the input names the lab (ring,
// torus, hd2d, sde, ei, surrogate; anything else is ring), each further line is one --set text.
// They are applied as the lab's command applies them (cli::applySetting, or splitSetting + the
// struct's parse/set where the command does that), then the structs' check() runs. CliError and
// ParamError (std::invalid_argument) are the refusal the user sees; any other exception, a crash
// or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "CliCommand.h"
#include "cann/CannParams.h"
#include "cann/StimulusParams.h"
#include "cann/TorusParams.h"
#include "cann/TrajectoryParams.h"
#include "sde/SdeParams.h"
#include "sde/TrainParams.h"
#include "spiking/EiParams.h"
#include "surrogate/TrainParams.h"

namespace {

template <class A, class B>
void applyPair(const std::vector<std::string>& sets) {
    A a;
    B b;
    for (const std::string& s : sets) as::cli::applySetting(s, a, b);
    a.check();
    b.check();
}

template <class P>
void applyOne(const std::vector<std::string>& sets) {
    P p;
    for (const std::string& s : sets) {
        const auto [key, value] = as::cli::splitSetting(s);
        p.set(key, P::parse(key, value));
    }
    p.check();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    std::string lab;
    std::getline(in, lab);
    std::vector<std::string> sets;
    for (std::string line; std::getline(in, line);) sets.push_back(line);
    try {
        if (lab == "torus" || lab == "hd2d")
            applyPair<as::TorusParams, as::TrajectoryParams>(sets);
        else if (lab == "sde")
            applyPair<as::sde::SdeParams, as::sde::TrainParams>(sets);
        else if (lab == "ei")
            applyOne<as::EiParams>(sets);
        else if (lab == "surrogate")
            applyOne<as::surrogate::TrainParams>(sets);
        else
            applyPair<as::CannParams, as::StimulusParams>(sets);
    } catch (const as::cli::CliError&) {
    } catch (const std::invalid_argument&) {  // ParamError and the check() rules
    }
    return 0;
}
