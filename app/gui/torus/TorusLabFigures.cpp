// The Torus lab's figures (attractor-studio --figure): the 3D grid-cell torus and the 2D
// head-direction page, each reset and run for a fixed number of steps on the page's default
// trajectory (a random walk from a fixed seed), then one view.
#include "app/gui/torus/TorusController.h"
#include "app/gui/torus/TorusLab.h"

namespace as::gui {

std::vector<FigureSpec> TorusLab::figures() {
    auto figure = [this](QString name, QString paper, QString section, QString view, long steps,
                         QString note = {}) {
        FigureSpec f(std::move(name), std::move(paper), std::move(section), std::move(view),
                     std::move(note));
        f.start = [this, steps] {
            controller_->reset();
            controller_->runSteps(steps);
        };
        return f;
    };
    const QString model = tr("the ODE itself, not the surrogate (see surrogate-grid3d)");
    const QString hd2dModel = tr("the ODE itself, not the surrogate (see surrogate-hd2d)");
    return {
        figure("torus-activity", tr("seed 000 \u00a74.2: the 3D grid-cell torus, activity bump"),
               labId(), tr("Torus activity 3D"), 2000, model),
        figure("torus-path", tr("seed 000 \u00a74.2: 3D grid cells, true vs decoded path"), labId(),
               tr("Path chart"), 4000, model),
        figure("torus-error", tr("seed 000 \u00a74.2: 3D grid cells, decoding error over time"),
               labId(), tr("Error chart"), 4000, model),
        figure("hd2d-rings",
               tr("seed 000 \u00a74.1: 2D head direction, two decoupled rings vs a 2D sheet"),
               "hd2d", tr("Head direction rings"), 4000, hd2dModel),
        figure("hd2d-errors", tr("seed 000 \u00a74.1: 2D head direction, decoding errors"), "hd2d",
               tr("Head direction errors"), 4000, hd2dModel),
    };
}

}  // namespace as::gui
