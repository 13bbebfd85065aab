#include "EiCommand.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "CancelSignal.h"
#include "JsonSummary.h"
#include "ProgressPrinter.h"
#include "core/ParamAccess.h"
#include "export/SonataSpikes.h"
#include "io/Hdf5Handle.h"
#include "io/SessionFile.h"
#include "spiking/EiProtocols.h"
#include "spiking/EiSession.h"

namespace as::cli {

EiCommand::EiCommand(CLI::App& parent)
    : Command(parent, "ei",
              "Run a protocol of the spiking E-I balanced network with CANN synapses") {
    app_->add_option("--protocol", protocol_, "Protocol (--list-protocols), default persistent")
        ->type_name("NAME");
    app_->add_option("--mode", mode_, "coupled|cann|einn|unbalanced|fastcann (default coupled)")
        ->type_name("MODE");
    app_->add_option("--NE", NE_, "Excitatory neurons (N_Ip = N_Id = N_E / 8), default 800")
        ->type_name("N");
    app_->add_option("--duration", durationMs_, "Simulated time (ms); default: the protocol's")
        ->type_name("MS");
    app_->add_option("--seed", seed_, "Seed of connectivity, initial state and noise")
        ->type_name("S");
    app_->add_option("--set", sets_,
                     "Set a parameter, key=value (repeatable; keys from --list-params)")
        ->type_name("KEY=VALUE");
    app_->add_option("--threads", threads_,
                     "At most T threads (0: all cores); the measured step time chooses 1 or T")
        ->type_name("T");
    app_->add_option("--out", out_, "Write the session (HDF5, group /ei) here")
        ->type_name("FILE.h5");
    app_->add_option("--csv", csv_, "Write the protocol's result table (CSV) here")
        ->type_name("FILE.csv");
    app_->add_option("--sonata", sonata_, "Write the primary run's spikes as SONATA HDF5 here")
        ->type_name("FILE.h5");
    app_->add_option("--spikes-csv", spikesCsv_, "Write the primary run's spikes as CSV here")
        ->type_name("FILE.csv");
    app_->add_option("--session", session_, "Start from a saved session's parameters and protocol")
        ->type_name("FILE.h5");
    app_->add_flag("--list-params", listParams_, "List every parameter and exit");
    app_->add_flag("--list-protocols", listProtocols_, "List the protocols and exit");
}

EiParams EiCommand::applySets(EiParams p) const {
    for (const std::string& text : sets_) {
        const auto [key, value] = splitSetting(text);
        try {
            p.set(key, EiParams::parse(key, value));
        } catch (const ParamError& e) {
            throw CliError(std::string("--set ") + text + ": " + e.what());
        }
    }
    return p;
}

int EiCommand::run() {
    const CancelPoll poll;  // Ctrl-C stops the protocol and writes the outputs
    if (listParams_) {
        listParams("spiking E-I network (EiParams)", EiParams::specs());
        return kExitOk;
    }
    if (listProtocols_) {
        for (const auto& n : eiProtocolNames())
            std::printf("%-11s %6.0f ms  %s\n", n.c_str(), eiProtocolDefaultMs(n),
                        eiProtocolDescription(n).c_str());
        return kExitOk;
    }
    EiProtocolRequest req;
    std::string protocol = protocol_;
    if (!session_.empty()) {
        try {
            SessionReader r(session_);
            if (!r.hasGroup("ei")) r.fail("it has no E-I lab group '/ei'");
            const EiSessionState st = r.read([](hid_t root) { return readEiGroup(root); });
            req.params = st.params;
            if (app_->count("--protocol") == 0) protocol = st.protocol;
        } catch (const SessionError& e) {
            throw CliError(e.what());
        }
    }
    req.params = applySets(req.params);  // --set on top of the session's or the defaults
    try {
        if (!mode_.empty()) req.params.mode = eiModeFromName(mode_);
        if (NE_ != 0) req.params.NE = NE_;
        if (seed_ >= 0) req.params.seed = std::uint64_t(seed_);
        req.params.check();
        eiProtocolDefaultMs(protocol);
    } catch (const ParamError& e) {
        throw CliError(std::string("invalid parameter: ") + e.what());
    }
    if (app_->count("--duration") &&
        (!std::isfinite(durationMs_) || durationMs_ <= 0 || durationMs_ > 1e7))
        throw CliError("--duration must be a number of ms in (0, 1e7]");
    if (threads_ < 0) throw CliError("--threads must be >= 0");
    req.name = protocol;
    req.durationMs = durationMs_;
    req.threads = threads_;
    const double T = durationMs_ > 0 ? durationMs_ : eiProtocolDefaultMs(protocol);
    checkDurationSteps(T, req.params.dt, force_);  // per run of the protocol (balance runs six)
    if (validateOnly_) return kExitOk;
    std::printf(
        "spiking E-I network: N_E = %d, N_Ip = N_Id = %d, p = %.3g, dt = %.3g ms, seed %llu, mode "
        "%s\n",
        req.params.NE, req.params.NIp(), req.params.p, req.params.dt,
        static_cast<unsigned long long>(req.params.seed), eiModeName(req.params.mode));
    std::printf("protocol %s for %.6g ms: %s\n", protocol.c_str(), T,
                eiProtocolDescription(protocol).c_str());
    std::fflush(stdout);

    const auto start = std::chrono::steady_clock::now();
    ProgressPrinter progress("ei " + protocol, "", quiet_);
    req.cancel = cancelFlag();
    req.progress = [&](double fraction) { progress.update(fraction, 1.0); };
    EiProtocolResult r = runEiProtocol(req);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    int code = kExitOk;
    if (r.outcome == RunOutcome::Cancelled) {
        std::cerr << "attractor-cli: cancelled at t = " << r.simMs
                  << " ms of the primary run; the outputs hold the state reached" << std::endl;
        code = kExitCancelled;
    } else if (r.outcome != RunOutcome::Completed) {
        std::cerr << "attractor-cli: run " << runOutcomeName(r.outcome) << ": " << r.message
                  << std::endl;
        code = kExitHalted;
    }
    try {
        if (!out_.empty()) {
            EiSessionState st{req.params, protocol, r.simMs};
            SessionWriter w(out_, "ei");
            w.write([&](hid_t root) { writeEiGroup(root, st); });
            w.commit();
            std::printf("wrote session %s\n", out_.c_str());
        }
        if (!csv_.empty()) {
            std::ofstream f(csv_);
            for (std::size_t c = 0; c < r.columns.size(); ++c) f << (c ? "," : "") << r.columns[c];
            f << "\n";
            for (const auto& row : r.rows) {
                for (std::size_t c = 0; c < row.size(); ++c) f << (c ? "," : "") << row[c];
                f << "\n";
            }
            if (!f) throw CliError("cannot write '" + csv_ + "'", kExitFailure);
            std::printf("wrote table %s (%zu rows)\n", csv_.c_str(), r.rows.size());
        }
        if (r.primary) {
            std::vector<const SpikeRecord*> recs{
                &r.primary->spikes(kPopE), &r.primary->spikes(kPopIp), &r.primary->spikes(kPopId)};
            if (!sonata_.empty()) {
                writeSonataSpikes(sonata_, recs);
                std::printf("wrote SONATA spikes %s\n", sonata_.c_str());
            }
            if (!spikesCsv_.empty()) {
                writeSpikesCsv(spikesCsv_, recs);
                std::printf("wrote spikes %s\n", spikesCsv_.c_str());
            }
        }
    } catch (const SessionError& e) {
        throw CliError(e.what(), kExitFailure);
    } catch (const h5::Error& e) {
        throw CliError(e.what(), kExitFailure);
    } catch (const std::runtime_error& e) {
        throw CliError(e.what(), kExitFailure);
    }

    auto opt = [](double v) { return std::isfinite(v) ? std::optional<double>(v) : std::nullopt; };
    JsonSummary j;
    j.add("protocol", protocol).add("mode", eiModeName(r.mode)).add("NE", (long long)req.params.NE);
    j.add("rate_E_hz", opt(r.rateE))
        .add("rate_Ip_hz", opt(r.rateIp))
        .add("rate_Id_hz", opt(r.rateId));
    j.add("cv_isi", opt(r.cvIsi))
        .add("decode_error_rad", opt(r.decodeError))
        .add("t95_ms", opt(r.t95));
    j.add("lag_rad", opt(r.lag)).add("lag_sd_rad", opt(r.lagSd));
    if (r.persistent < 0)
        j.addNull("persistent");
    else
        j.add("persistent", r.persistent == 1);
    for (const auto& [k, v] : r.values) j.add(k, opt(v));
    j.add("outcome", runOutcomeName(r.outcome)).add("wall_s", wall).add("sim_ms", r.simMs);
    std::printf("%s\n", j.str().c_str());
    return code;
}

}  // namespace as::cli
