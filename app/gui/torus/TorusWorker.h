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

#include "app/gui/framework/SnapshotSlot.h"
#include "app/gui/framework/TickWorker.h"
#include "cann/Hd2dSimulation.h"
#include "cann/Hd2dSnapshot.h"
#include "cann/TorusSimulation.h"
#include "cann/TorusSnapshot.h"

namespace as::gui {

class TorusWorker : public TickWorker {
    Q_OBJECT
  public:
    enum class Mode { Grid3d, HeadDirection };
    TorusWorker(std::unique_ptr<as::TorusSimulation> torus,
                std::unique_ptr<as::Hd2dSimulation> hd2d,
                SnapshotSlot<as::TorusSnapshot>* torusSlot,
                SnapshotSlot<as::Hd2dSnapshot>* hd2dSlot, std::atomic<long>* stepCounter);

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
    void replaceTorus(as::TorusSimulation* sim);  ///< takes ownership
    void replaceHd2d(as::Hd2dSimulation* sim);    ///< takes ownership
    QString inspect(
        const std::function<void(const as::TorusSimulation&, const as::Hd2dSimulation&)>& visit);

  protected:
    int advance(int n) override;
    bool isHalted() const override;
    std::string haltMessage() const override;
    void publish() override;

  private:
    std::unique_ptr<as::TorusSimulation> torus_;
    std::unique_ptr<as::Hd2dSimulation> hd2d_;
    SnapshotSlot<as::TorusSnapshot>* torusSlot_;
    SnapshotSlot<as::Hd2dSnapshot>* hd2dSlot_;
    std::atomic<long>* stepCounter_;
    Mode mode_ = Mode::Grid3d;
};

}  // namespace as::gui
