#pragma once
// Lives in the E-I controller's thread and owns the live as::EiSimulation. While playing, each tick
// of a 16 ms timer advances simulated time in 1 ms chunks until `simMsPerTick` or a 25 ms budget is
// reached, then publishes a snapshot. Protocols run here too (blocking this thread, not the GUI),
// polling the controller's cancel flag and reporting progress through a queued signal.
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>

#include "app/gui/ei/EiSignals.h"
#include "app/gui/ei/EiSnapshot.h"
#include "app/gui/framework/SnapshotSlot.h"
#include "spiking/EiSimulation.h"

class QTimer;

namespace as::gui {

class EiWorker : public EiSignals {
    Q_OBJECT
  public:
    EiWorker(SnapshotSlot<EiSnapshot>* slot, std::atomic<bool>* cancel);
    ~EiWorker() override;

    void start();
    void play();
    void pause();
    void reset(const as::EiParams& p);
    void setMode(int mode);
    void setBump(bool on, double z);
    /// Runs `ms` of simulated time now (a headless figure's fixed run), then publishes.
    void runFor(double ms);
    void setSimMsPerTick(double ms) { simMsPerTick_ = ms; }
    /// Runs a protocol; emits protocolFinished with the result text and the CSV table.
    void runProtocol(const QString& name, double durationMs, const as::EiParams& p);

    static constexpr int kTickBudgetMs = 25;
    static constexpr double kWindowMs = 1000.0;
    static constexpr double kSpectrumBinMs = 2.0, kSpectrumEveryMs = 200.0;

  private:
    void tick();
    void publish();
    void applyStimulus();

    std::unique_ptr<as::EiSimulation> sim_;
    SnapshotSlot<EiSnapshot>* slot_;
    std::atomic<bool>* cancel_;
    QTimer* timer_ = nullptr;
    bool playing_ = false, bumpOn_ = true;
    double z_ = 0, simMsPerTick_ = 16.0, simMsPerSecond_ = 0;
    double spectrumAt_ = -1e300;  ///< simulated time of the last spectrum
    std::vector<double> spectrumHz_, spectrumPower_;
};

}  // namespace as::gui
