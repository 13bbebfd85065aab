#pragma once
// Lives in the Torus lab's thread and owns its two live simulations: the 3D grid cells
// (TorusSimulation) and the 2D head direction (Hd2dSimulation). Only the one the lab shows steps.
// While playing it steps `stepsPerFrame` steps per tick of a 16 ms timer, bounded by a time
// budget, and publishes snapshots after each tick. Reached only by queued invocations.
#include <QElapsedTimer>
#include <QObject>
#include <atomic>
#include <functional>
#include <memory>

#include "cann/Hd2dSimulation.h"
#include "cann/TorusSimulation.h"
#include "controllers/TorusSnapshotSlot.h"

class QTimer;

namespace as::gui {

class TorusWorker : public QObject {
    Q_OBJECT
  public:
    enum class Mode { Grid3d, HeadDirection };
    TorusWorker(std::unique_ptr<as::TorusSimulation> torus,
                std::unique_ptr<as::Hd2dSimulation> hd2d, TorusSnapshotSlot* slot,
                std::atomic<long>* stepCounter);
    ~TorusWorker() override;

    void start();
    void play();
    void pause();
    void stepOnce();
    void reset();
    void setMode(Mode m);
    void setTorusParams(const as::TorusParams& p);
    void setTrajectory(const as::TrajectoryParams& t);
    void setHd2dParams(const as::TorusParams& p);
    void setHeadingParams(const as::TrajectoryParams& h);
    /// Steering velocity: cm/ms for the torus (x, y, z), rad/ms for the heading (azimuth, pitch).
    void setSteering(double vx, double vy, double vz);
    /// Click: moves the torus position (cm) or the heading (rad).
    void setPosition(double x, double y, double z);
    void setStepsPerFrame(int n) { stepsPerFrame_ = std::max(1, n); }
    void replaceTorus(as::TorusSimulation* sim);  ///< takes ownership
    void replaceHd2d(as::Hd2dSimulation* sim);    ///< takes ownership
    QString inspect(
        const std::function<void(const as::TorusSimulation&, const as::Hd2dSimulation&)>& visit);

    static constexpr int kTickBudgetMs = 25;

  signals:
    void playingChanged(bool playing);
    void halted(const QString& message);
    void rejected(const QString& message);

  private:
    void tick();
    void publish();
    int stepActive(int n);
    bool activeHalted() const;
    std::string activeMessage() const;

    std::unique_ptr<as::TorusSimulation> torus_;
    std::unique_ptr<as::Hd2dSimulation> hd2d_;
    TorusSnapshotSlot* slot_;
    std::atomic<long>* stepCounter_;
    QTimer* timer_ = nullptr;
    Mode mode_ = Mode::Grid3d;
    bool playing_ = false;
    int stepsPerFrame_ = 40;
    QElapsedTimer rateClock_;
    long rateSteps_ = 0;
    double stepsPerSecond_ = 0;
};

}  // namespace as::gui
