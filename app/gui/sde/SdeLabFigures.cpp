// The SDE lab's paper figures (attractor-studio --figure), seed 002: a shipped model run on the
// first example digit until the horizon T (the noise is seeded per step), or its Analysis tab
// (Jacobian spectrum, Mahalanobis matrix, robustness table) once computed in the background.
#include <QDir>

#include "app/gui/sde/RobustnessTable.h"
#include "app/gui/sde/SdeAnalysisPage.h"
#include "app/gui/sde/SdeController.h"
#include "app/gui/sde/SdeInputPanel.h"
#include "app/gui/sde/SdeLab.h"
#include "core/BuildPaths.h"

namespace as::gui {

namespace {
QString shippedModel(const QString& file) {
    return QDir(QString::fromStdString(as::buildResourcesDir() + "/models")).filePath(file);
}
}  // namespace

std::vector<FigureSpec> SdeLab::figures() {
    auto base = [this](QString name, QString paper, QString view, QString model, QString note) {
        FigureSpec f(std::move(name), tr("seed 002 %1").arg(paper), labId(), std::move(view),
                     std::move(note));
        f.start = [this, model] {
            if (const QString err = loadModel(shippedModel(model)); !err.isEmpty())
                qWarning("%s", qPrintable(err));
        };
        return f;
    };
    // The Dynamics tab: example digit 0 from x(0) to the horizon, as fast as the worker steps.
    auto run = [this, base](QString name, QString paper, QString view, QString model,
                            QString note = {}) {
        FigureSpec f =
            base(std::move(name), std::move(paper), std::move(view), model, std::move(note));
        auto load = f.start;
        f.start = [this, load] {
            load();
            showTab(0);
            input_->showDigit(0);
            controller_->setStepsPerSecond(1e9);
            controller_->setStopAtHorizon(true);
            controller_->reset();
            controller_->sync();  // the reset state is published before the run starts
            controller_->play();
        };
        f.ready = [this] {
            const auto s = controller_->latest();
            return s && !controller_->isPlaying() && s->t >= s->horizon * (1 - 1e-9);
        };
        return f;
    };
    // The Analysis tab of a model, once its background computation is done.
    auto analysis = [this, base](QString name, QString paper, QString view, QString model,
                                 QString compareWith = {}, QString note = {}) {
        FigureSpec f =
            base(std::move(name), std::move(paper), std::move(view), model, std::move(note));
        auto load = f.start;
        f.start = [this, load, compareWith] {
            load();
            showTab(2);
            if (!compareWith.isEmpty()) analysis_->setComparisonFile(shippedModel(compareWith));
        };
        f.ready = [this] {
            return !analysis_->busy() && !analysis_->spectrumSummary().isEmpty() &&
                   !analysis_->mahalanobisCaption().isEmpty();
        };
        return f;
    };
    FigureSpec table = analysis("sde-table1", tr("Table 1 and Fig. 5: accuracy under corruptions"),
                                tr("Robustness table"), "sde_eps0.h5", {},
                                tr("as measured by scripts/sde-table.sh (three training seeds, "
                                   "resources), with the paper's rows in grey"));
    table.window = QSize(1600, 1400);  // the whole table, no scroll bar
    table.ready = [this] {
        analysis_->robustnessTable()->showMeasured();
        return true;
    };
    FigureSpec evaluate =
        analysis("sde-table1-evaluate", tr("Table 1: the shipped models evaluated here"),
                 tr("Robustness table"), "sde_eps0.h5", {},
                 tr("the lab's Evaluate on the first 500 test digits per corruption, one seed"));
    evaluate.sweep = true;
    evaluate.window = table.window;
    evaluate.timeoutSeconds = 3600;
    evaluate.start = [this, load = evaluate.start] {
        load();
        analysis_->robustnessTable()->setImageCount(500);
        analysis_->robustnessTable()->setSeedCount(1);
        analysis_->robustnessTable()->runEvaluation();
    };
    evaluate.ready = [this] { return !analysis_->robustnessTable()->evaluating(); };
    return {
        run("sde-fig3", tr("Fig. 3: pixel trajectories, deterministic model (\u03b5 = 0)"),
            tr("Trajectories"), "sde_eps0.h5"),
        run("sde-fig3-state", tr("Fig. 3: the final state and the attractors' distances"),
            tr("Distances"), "sde_eps0.h5"),
        run("sde-fig4", tr("Fig. 4: pixel trajectories, stochastic model (\u03b5 = 0.1)"),
            tr("Trajectories"), "sde_eps01.h5"),
        run("sde-fig17", tr("Fig. 17: the state against the planted attractors"), tr("Attractors"),
            "sde_eps0.h5",
            tr("the lab plants one attractor per class and has no spurious-attractor class flag; "
               "shown: the planted attractors the run is compared with")),
        analysis("sde-fig6", tr("Fig. 6 a/b: Jacobian spectrum, \u03b5 = 0.1 vs deterministic"),
                 tr("Jacobian spectrum"), "sde_eps01.h5", "sde_eps0.h5"),
        analysis("sde-fig19", tr("Fig. 19: Mahalanobis separation of the attractors, trained G"),
                 tr("Mahalanobis matrix"), "sde_gtrained.h5", {},
                 tr("the trained-G model only; the effective-\u03b5 comparison is not drawn")),
        table,
        evaluate,
    };
}

}  // namespace as::gui
