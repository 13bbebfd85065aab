// The E-I lab's paper figures (attractor-studio --figure), seed 001. Two kinds of recipe, both from
// the network's seed: the live network run for a fixed simulated time with the bump switched as
// the paper's protocol does (raster, rates, decode), or one of the lab's protocols run to its end
// and drawn by the Protocols dock's "Protocol figure" chart (its table, its values as a caption).
#include <QDockWidget>
#include <QSpinBox>

#include "app/gui/ei/EiController.h"
#include "app/gui/ei/EiLab.h"
#include "widgets/ei/EiProtocolChart.h"

namespace as::gui {

std::vector<FigureSpec> EiLab::figures() {
    auto base = [this](QString name, QString paper, QString view, QString note) {
        return FigureSpec(std::move(name), tr("seed 001 %1").arg(paper), labId(), std::move(view),
                          std::move(note));
    };
    // The live network from its seed: bump on for `onMs` (0: never), then off until `ms`.
    auto live = [this, base](QString name, QString paper, QString view, double onMs, double ms,
                             QString note = {}) {
        FigureSpec f = base(std::move(name), std::move(paper), std::move(view), std::move(note));
        f.start = [this, onMs, ms] {
            setValue("position_deg", 0);
            setValue("bump", onMs > 0 ? 1 : 0);
            controller_->reset(params_);
            if (onMs > 0) controller_->runFor(std::min(onMs, ms));
            setValue("bump", onMs >= ms ? 1 : 0);
            if (ms > onMs) controller_->runFor(ms - std::max(onMs, 0.0));
        };
        return f;
    };
    // A protocol run to its end with its default duration; `columns` (x, then y columns) redraws
    // other columns of its table than the protocol's own figure.
    auto protocol = [this, base](QString name, QString paper, QString run, QString note = {},
                                 QStringList columns = {}, QString yTitle = {}) {
        FigureSpec f =
            base(std::move(name), std::move(paper), tr("Protocol figure"), std::move(note));
        f.start = [this, run] {
            if (auto* dock = findChild<QDockWidget*>("eiProtocols"))
                resizeDocks({dock}, {900}, Qt::Horizontal);  // the chart gets the width
            protocolChart_->showTable({}, {}, {});
            setProtocol(run);
            durationSpin_->setValue(0);  // the protocol's default duration
            runSelectedProtocol();
        };
        f.ready = [this, run, columns, yTitle] {
            if (protocolChart_->protocol() != run) return false;
            if (!columns.isEmpty()) protocolChart_->showColumns(columns[0], columns.mid(1), yTitle);
            return true;
        };
        return f;
    };
    return {
        live("ei-2a", tr("Fig. 2A: irregular raster under uniform input (bump off)"), tr("Raster"),
             0, 1000),
        live("ei-2b", tr("Fig. 2B: asynchronous population rates (bump off)"), tr("Rates"), 0, 1000,
             tr("the paper plots pairwise autocorrelations; the lab has no such view, so this is "
                "the population rates; the count correlation is in ei-2c's caption")),
        protocol("ei-2c", tr("Fig. 2C: flat power spectrum (protocol irregular)"), "irregular"),
        protocol("ei-2d", tr("Fig. 2D: response to an input step, balanced vs unbalanced"),
                 "response"),
        live("ei-3a-raster", tr("Fig. 3A top: raster, bump on 0-300 ms then off"), tr("Raster"),
             300, 1000),
        protocol("ei-3a",
                 tr("Fig. 3A bottom: the bump persists after the stimulus (protocol "
                    "persistent)"),
                 "persistent"),
        protocol("ei-3b", tr("Fig. 3B: tracking a moving stimulus"), "tracking"),
        protocol("ei-3c", tr("Fig. 3C: fast CANN synapses lose the bump"), "fastcann"),
        protocol("ei-3d", tr("Fig. 3D: persistence at N_E/2, N_E, 2 N_E"), "size",
                 tr("the persistence flag and decode error per size, not the three rasters")),
        live("ei-4a", tr("Fig. 4A middle: decoded position coloured by confidence"), tr("Decode"),
             1000, 1000),
        protocol("ei-4a-sd", tr("Fig. 4A bottom: SD of the decoded position, vs CANN only"),
                 "readout"),
        protocol("ei-4b", tr("Fig. 4B: adaptation to a sudden jump, vs CANN only"), "jump",
                 tr("one seed, no error bars; docs/reproduction.md has the seed statistics")),
        protocol("ei-4c", tr("Fig. 4C: tracking-lag density, vs CANN only"), "lag"),
        protocol("ei-4d", tr("Fig. 4D: total input to the centre neuron vs N_E, vs E-INN only"),
                 "balance"),
        protocol("ei-5a", tr("Fig. 5A: total input current of a peripheral neuron, vs CANN"),
                 "currents", tr("one trial, no shading over trials"), {"t", "total", "total_cann"},
                 tr("total input current")),
        protocol("ei-5b", tr("Fig. 5B: E/I ratio in the coupled network"), "currents",
                 tr("one trial, no shading over trials"), {"t", "ei_ratio"}, tr("E/I ratio")),
        protocol("ei-5c", tr("Fig. 5C: E/I ratio in the CANN"), "currents",
                 tr("one trial, no shading over trials"), {"t", "ei_ratio_cann"}, tr("E/I ratio")),
        protocol("ei-1f", tr("Fig. 1F (as the lab maps it): lambda_0 of the reduced model"),
                 "lambda0", tr("measured lambda_0 and eq 17 against b")),
    };
}

}  // namespace as::gui
