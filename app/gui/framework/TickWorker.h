#pragma once
// The tick-driven worker every simulation lab shares (Ring, Torus): lives in the controller's
// thread (framework/WorkerThread.h) and owns the live simulation. While playing it advances
// stepsPerFrame steps per tick of a 16 ms timer, in chunks and within a time budget so commands
// queued by the GUI run between ticks, measures the step rate and publishes a fresh snapshot
// after each tick. A lab's worker supplies advance(), isHalted(), haltMessage() and publish().
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <string>

class QTimer;

namespace as::gui {

class TickWorker : public QObject {
    Q_OBJECT
  public:
    /// maxChunk: most steps taken between two looks at the clock and the halt flag.
    TickWorker(int stepsPerFrame, int maxChunk);
    ~TickWorker() override;

    void start();  ///< creates the timer and publishes the first snapshot (in the worker thread)
    void play();
    void pause();
    void stepOnce();
    void setStepsPerFrame(int n);
    /// Takes n steps at once (or until a halt), then publishes: a headless figure's fixed run.
    void runSteps(long n);

    /// Longest time one tick may step before yielding to the event loop (ms).
    static constexpr int kTickBudgetMs = 25;

  signals:
    void playingChanged(bool playing);
    /// The watchdog stopped the run; message says why.
    void halted(const QString& message);
    /// A command was refused (message is the violated rule).
    void rejected(const QString& message);

  protected:
    /// Takes up to n steps of the live simulation; returns the steps taken.
    virtual int advance(int n) = 0;
    virtual bool isHalted() const = 0;
    virtual std::string haltMessage() const = 0;
    /// Stores a fresh snapshot (with stepsPerSecond()) in the lab's slot.
    virtual void publish() = 0;

    bool isPlaying() const { return playing_; }
    double stepsPerSecond() const { return stepsPerSecond_; }
    /// Restarts the step-rate measurement (e.g. the lab switched simulations).
    void restartRate();
    /// Applies a command that may throw (a refused parameter): the reason goes to rejected(),
    /// then a snapshot is published either way.
    template <class F>
    void applyOrReject(F&& f) {
        try {
            f();
        } catch (const std::exception& e) {
            emit rejected(QString::fromUtf8(e.what()));
        }
        publish();
    }

  private:
    void tick();
    void stop();

    QTimer* timer_ = nullptr;
    bool playing_ = false;
    int stepsPerFrame_;
    int maxChunk_;
    QElapsedTimer rateClock_;
    long rateSteps_ = 0;
    double stepsPerSecond_ = 0;
};

}  // namespace as::gui
