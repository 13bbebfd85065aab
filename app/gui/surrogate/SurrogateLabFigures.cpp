// The Surrogate lab's paper figures (attractor-studio --figure), seed 000 (CAN2ANN): a case's
// shipped model beside its ODE on the lab's input sequence, restarted from its first input and
// run for a fixed number of input steps (the traces keep the last SurrogateWorker::kWindow).
#include <QAction>
#include <QComboBox>

#include "app/gui/surrogate/SurrogateController.h"
#include "app/gui/surrogate/SurrogateLab.h"
#include "app/gui/surrogate/SurrogateWorker.h"

namespace as::gui {

std::vector<FigureSpec> SurrogateLab::figures() {
    auto figure = [this](QString name, QString paper, QString caseName, QString view,
                         QString note = {}) {
        FigureSpec f(std::move(name), tr("seed 000 %1").arg(paper), labId(), std::move(view),
                     std::move(note));
        f.settings = {"case=" + caseName};
        const int steps = SurrogateWorker::kWindow;
        f.start = [this, steps] {
            playAction_->setChecked(false);  // (the lab's own Play; Lab::pause() does not reach it)
            controller_->setSource(sourceCombo_->currentIndex());  // the sequence from its start
            controller_->reset();
            controller_->runSteps(steps);
        };
        f.ready = [this, steps] { return shownSteps() == steps; };
        return f;
    };
    const QString mse = tr("the error per step; its mean square is in the lab's stats line");
    return {
        figure("surrogate-ring", tr("\u00a74: the ring CANN and its GRU surrogate, decoded angle"),
               "ring", tr("Decoded angle")),
        figure("surrogate-hd2d", tr("Fig. 2: 2D head direction, ODE vs surrogate decoding"), "hd2d",
               tr("Decoded angles (every axis)")),
        figure("surrogate-hd2d-error", tr("Fig. 3: 2D head direction, surrogate error over time"),
               "hd2d", tr("Error"), mse),
        figure("surrogate-grid3d",
               tr("\u00a74.2: 3D grid cells (torus), ODE vs surrogate decoding"), "grid3d",
               tr("Decoded angles (every axis)")),
        figure("surrogate-grid3d-error", tr("\u00a74.2: 3D grid cells, surrogate error (MSE)"),
               "grid3d", tr("Error"), mse),
        figure("surrogate-grid3d-activity",
               tr("\u00a74.2: 3D grid cells, surrogate activity over time"), "grid3d",
               tr("Surrogate activity")),
    };
}

}  // namespace as::gui
