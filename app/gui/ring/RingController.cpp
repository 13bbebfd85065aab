#include "app/gui/ring/RingController.h"

#include <QFile>

#include "app/gui/ring/RingWorker.h"
#include "io/SessionFile.h"

namespace as::gui {

RingController::RingController(std::unique_ptr<as::RingSimulation> sim, QObject* parent)
    : TickController(parent), params_(sim->params()), stimulus_(sim->stimulusParams()) {
    host_ = std::make_unique<WorkerThread<RingWorker>>(
        new RingWorker(std::move(sim), &slot_, &steps_), QStringLiteral("ring-worker"));
    worker_ = host_->worker();
    attach(worker_);
    post([w = worker_, n = stepsPerFrame_] { w->setStepsPerFrame(n); });
}

RingController::~RingController() {
    // host_ (declared last) sets the cancel flag, deletes the worker in its thread and joins.
}

void RingController::reset() {
    post([w = worker_] { w->reset(); });
}

void RingController::setParams(const as::CannParams& p) {
    params_ = p;
    post([w = worker_, p] { w->setParams(p); });
}

void RingController::setStimulus(const as::StimulusParams& s) {
    stimulus_ = s;
    post([w = worker_, s] { w->setStimulus(s); });
}

void RingController::setExternalTarget(double z) {
    post([w = worker_, z] { w->setExternalTarget(z); });
}

void RingController::setStepsPerFrame(int n) {
    stepsPerFrame_ = std::max(1, n);
    post([w = worker_, n = stepsPerFrame_] { w->setStepsPerFrame(n); });
}

void RingController::setTraceWindow(double ms) {
    post([w = worker_, ms] { w->setTraceWindow(ms); });
}

void RingController::replaceSimulation(std::unique_ptr<as::RingSimulation> sim) {
    params_ = sim->params();
    stimulus_ = sim->stimulusParams();
    as::RingSimulation* raw = sim.release();
    post([w = worker_, raw] { w->replaceSimulation(raw); });
}

QString RingController::inspect(const std::function<void(const as::RingSimulation&)>& visit) {
    QString error;
    QMetaObject::invokeMethod(
        worker_, [&] { error = worker_->inspect(visit); }, Qt::BlockingQueuedConnection);
    return error;
}

QString RingController::exportCsv(const QString& path) {
    const std::string file = QFile::encodeName(path).toStdString();
    return inspect([&](const as::RingSimulation& sim) { as::exportTracesCsv(file, sim.traces()); });
}

}  // namespace as::gui
