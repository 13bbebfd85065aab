// SurrogateLab's guided tour: the CANN ODE and its trained surrogate side by side, the input
// processes, the dial, the three shipped cases and training a new model. (The rest of the lab:
// SurrogateLab.cpp.)
#include <QAction>
#include <QComboBox>

#include "app/gui/surrogate/SurrogateController.h"
#include "app/gui/surrogate/SurrogateLab.h"
#include "surrogate/InputProcess.h"

namespace as::gui {

std::vector<TourStep> SurrogateLab::tourSteps() {
    auto run = [this](const QString& caseName, as::surrogate::LiveSource source) {
        return [this, caseName, source] {
            if (caseCombo_->currentData().toString() != caseName) showCase(caseName);
            sourceCombo_->setCurrentIndex(int(source));
            playAction_->setChecked(true);
        };
    };
    using as::surrogate::LiveSource;
    return {
        {tr("A network and its imitation"),
         tr("The same input drives two models: the ring attractor's equations (the ODE, the "
            "teacher) and a small recurrent net trained to reproduce its decoded angle (the "
            "<b>surrogate</b>). The top charts overlay their angles; below, their error."),
         run(QStringLiteral("ring"), LiveSource::Mixture)},
        {tr("Two transition diagrams"),
         tr("The heatmaps draw the ODE's activity and the surrogate's over time. Where the "
            "surrogate is right, the two bands coincide; the status bar shows the running error "
            "and what one step of each costs."),
         {}},
        {tr("Jumps"),
         tr("The input now jumps. The ODE's bump needs a few steps to move; a good surrogate "
            "learned that lag too, not just the target."),
         run(QStringLiteral("ring"), LiveSource::Jumps)},
        {tr("Your hand on the dial"),
         tr("Input: mouse. Turn the dial: both models follow your hand, and the error chart shows "
            "where the surrogate lags or overshoots."),
         run(QStringLiteral("ring"), LiveSource::Mouse)},
        {tr("Head direction in 2D"),
         tr("The hd2d case decodes azimuth and pitch, one surrogate per angle. The same "
            "comparison, twice."),
         run(QStringLiteral("hd2d"), LiveSource::Walk)},
        {tr("Train your own"),
         tr("The Training dock generates a dataset from the ODE and trains a new model; the loss "
            "chart shows training and validation per epoch, and Cancel keeps the running model. "
            "Save model writes it as HDF5. Headless: <tt>attractor-cli surrogate --help</tt>."),
         run(QStringLiteral("ring"), LiveSource::Mixture)},
    };
}

}  // namespace as::gui
