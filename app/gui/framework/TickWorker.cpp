#include "app/gui/framework/TickWorker.h"

#include <QTimer>
#include <algorithm>

namespace as::gui {

TickWorker::TickWorker(int stepsPerFrame, int maxChunk)
    : stepsPerFrame_(std::max(1, stepsPerFrame)), maxChunk_(std::max(1, maxChunk)) {}

TickWorker::~TickWorker() = default;

void TickWorker::start() {
    timer_ = new QTimer(this);
    timer_->setTimerType(Qt::PreciseTimer);
    timer_->setInterval(16);
    connect(timer_, &QTimer::timeout, this, &TickWorker::tick);
    publish();
}

void TickWorker::play() {
    if (playing_) return;
    if (isHalted()) {
        emit halted(QString::fromStdString(haltMessage()));
        return;
    }
    playing_ = true;
    restartRate();
    timer_->start();
    emit playingChanged(true);
}

void TickWorker::stop() {
    playing_ = false;
    timer_->stop();
    stepsPerSecond_ = 0;
}

void TickWorker::pause() {
    if (!playing_) return;
    stop();
    publish();
    emit playingChanged(false);
}

void TickWorker::restartRate() {
    rateClock_.start();
    rateSteps_ = 0;
}

void TickWorker::tick() {
    if (!playing_) return;
    QElapsedTimer budget;
    budget.start();
    int done = 0;
    // Step in small chunks and give up the rest of the frame when the budget is spent, so a big
    // network or a large stepsPerFrame never keeps the thread from handling GUI commands.
    const int chunk = std::min(stepsPerFrame_, maxChunk_);
    while (done < stepsPerFrame_ && !isHalted()) {
        done += advance(std::min(chunk, stepsPerFrame_ - done));
        if (budget.elapsed() >= kTickBudgetMs) break;
    }
    rateSteps_ += done;
    const qint64 ms = rateClock_.elapsed();
    if (ms >= 500) {
        stepsPerSecond_ = rateSteps_ * 1000.0 / double(ms);
        restartRate();
    }
    if (isHalted()) {
        stop();
        emit playingChanged(false);
        emit halted(QString::fromStdString(haltMessage()));
    }
    publish();
}

void TickWorker::stepOnce() {
    advance(1);
    if (isHalted()) emit halted(QString::fromStdString(haltMessage()));
    publish();
}

void TickWorker::runSteps(long n) {
    while (n > 0 && !isHalted()) {
        const int done = advance(int(std::min<long>(n, maxChunk_)));
        if (done <= 0) break;
        n -= done;
    }
    if (isHalted()) emit halted(QString::fromStdString(haltMessage()));
    publish();
}

void TickWorker::setStepsPerFrame(int n) {
    stepsPerFrame_ = std::max(1, n);
}

}  // namespace as::gui
