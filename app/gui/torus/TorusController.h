#pragma once
// Owns the Torus lab's worker thread. Commands are posted to the worker with queued invocations,
// so they apply between steps; views read the latest immutable snapshots on their own timer.
// Keeps the GUI's copy of the intended parameters so forms can validate an edit first.
#include <functional>
#include <memory>

#include "app/gui/framework/SnapshotSlot.h"
#include "app/gui/framework/TickController.h"
#include "app/gui/framework/WorkerThread.h"
#include "app/gui/torus/TorusWorker.h"
#include "cann/Hd2dSimulation.h"
#include "cann/Hd2dSnapshot.h"
#include "cann/TorusSimulation.h"
#include "cann/TorusSnapshot.h"

namespace as::gui {

class TorusWorker;

class TorusController : public TickController {
    Q_OBJECT
  public:
    using Mode = TorusWorker::Mode;
    TorusController(std::unique_ptr<as::TorusSimulation> torus,
                    std::unique_ptr<as::Hd2dSimulation> hd2d, QObject* parent = nullptr);
    ~TorusController() override;

    std::shared_ptr<const as::TorusSnapshot> torus(quint64* serial = nullptr) const {
        return torusSlot_.load(serial);
    }
    std::shared_ptr<const as::Hd2dSnapshot> hd2d(quint64* serial = nullptr) const {
        return hd2dSlot_.load(serial);
    }
    Mode mode() const { return mode_; }
    const as::TorusParams& torusParams() const { return torusParams_; }
    const as::TrajectoryParams& trajectory() const { return trajectory_; }
    const as::TorusParams& hd2dParams() const { return hd2dParams_; }
    const as::TrajectoryParams& heading() const { return heading_; }

    void reset();
    void setMode(Mode m);
    void setTorusParams(const as::TorusParams& p);
    void setTrajectory(const as::TrajectoryParams& t);
    void setHd2dParams(const as::TorusParams& p);
    void setHeading(const as::TrajectoryParams& h);
    void setSteering(double vx, double vy, double vz);
    void setPosition(double x, double y, double z);
    void setStepsPerFrame(int n);
    void replaceTorus(std::unique_ptr<as::TorusSimulation> sim);
    void replaceHd2d(std::unique_ptr<as::Hd2dSimulation> sim);
    /// A read-only visit of both live simulations in the worker thread; returns an error or "".
    QString inspect(
        const std::function<void(const as::TorusSimulation&, const as::Hd2dSimulation&)>& visit);

  private:
    SnapshotSlot<as::TorusSnapshot> torusSlot_;
    SnapshotSlot<as::Hd2dSnapshot> hd2dSlot_;
    Mode mode_ = Mode::Grid3d;
    as::TorusParams torusParams_, hd2dParams_;
    as::TrajectoryParams trajectory_, heading_;
    TorusWorker* worker_ = nullptr;                    ///< lives in host_'s thread
    std::unique_ptr<WorkerThread<TorusWorker>> host_;  ///< declared last: stops first
};

}  // namespace as::gui
