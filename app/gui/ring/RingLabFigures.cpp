// The Ring lab's paper figures (attractor-studio --figure): a stimulus protocol from t = 0 for a
// fixed number of steps of the default network (deterministic: no noise), then one view.
#include "app/gui/ring/RingController.h"
#include "app/gui/ring/RingLab.h"

namespace as::gui {

std::vector<FigureSpec> RingLab::figures() {
    // dt = 0.1 ms (the default): `ms` of simulated time are 10 ms steps.
    auto figure = [this](QString name, QString paper, QString view, QStringList settings, double ms,
                         QString note = {}) {
        FigureSpec f(std::move(name), std::move(paper), labId(), std::move(view), std::move(note));
        f.settings = std::move(settings);
        f.start = [this, ms] {
            controller_->reset();
            controller_->runSteps(long(ms / controller_->params().dt + 0.5));
        };
        return f;
    };
    return {
        figure("ring-bump",
               tr("seed 000 \u00a73, the CANN (models.md \u00a71): the bump on the ring"),
               tr("Ring view"), {"protocol=static"}, 100),
        figure("ring-heatmap", tr("seed 000 \u00a73: a moving bump, activity over time"),
               tr("Activity heatmap"), {"protocol=moving"}, 500),
        figure("ring-tracking", tr("seed 001 Fig. 3B (CANN alone): tracking a moving stimulus"),
               tr("Position chart"), {"protocol=moving"}, 500,
               tr("the ring CANN as a rate model, not the spiking network")),
        figure("ring-jump", tr("seed 001 Fig. 4B (CANN alone): a sudden 90\u00b0 jump at 20 ms"),
               tr("Position chart"), {"protocol=jump"}, 80,
               tr("the ring CANN as a rate model, not the spiking network")),
        figure("ring-persistent",
               tr("seed 001 Fig. 3A (CANN alone): the bump persists after the stimulus is off"),
               tr("Bump height chart"), {"protocol=persistent"}, 120,
               tr("the ring CANN as a rate model, not the spiking network")),
    };
}

}  // namespace as::gui
