#pragma once
// Lives in the SDE lab controller's thread. Holds the model (shared, immutable: an edit makes a new
// copy), the input x(0) and the state x(t) of one sample (N x 1), and advances it with
// SdeIntegrator::step at a chosen number of steps per second from a 16 ms timer. It records every
// state (decimated beyond kMaxRecords), keeps the late-time average over the last averageSteps
// states, and publishes SdeSnapshots: the state, ~50 chosen pixel trajectories, the distance to
// every attractor and the predicted class. eps, noise kind, seed, dt... change live; a structural
// change re-plants an untrained model.
#include <Eigen/Core>
#include <QElapsedTimer>
#include <deque>
#include <memory>
#include <vector>

#include "app/gui/framework/SnapshotSlot.h"
#include "app/gui/sde/SdeSignals.h"
#include "app/gui/sde/SdeSnapshot.h"
#include "sde/SdeIntegrator.h"
#include "sde/SdeModel.h"

class QTimer;

namespace as::gui {

class SdeWorker : public SdeSignals {
    Q_OBJECT
  public:
    static constexpr int kMaxRecords = 4096;  ///< beyond this the history keeps every other record
    static constexpr int kTickMs = 16;
    static constexpr int kTickBudgetMs = 12;

    explicit SdeWorker(SnapshotSlot<SdeSnapshot>* slot);
    ~SdeWorker() override;

    void start();  ///< creates the timer and the untrained planted model (in the worker thread)
    void play();
    void pause();
    void stepOnce();
    /// Back to x(0), t = 0.
    void reset();
    void setStepsPerSecond(double s) { stepsPerSecond_ = s > 0 ? s : 30.0; }
    /// Pause automatically at t = T (the classification time). Default on.
    void setStopAtHorizon(bool on) { stopAtHorizon_ = on; }
    /// Takes a model (loaded, shipped or trained) and restarts from x(0).
    void setModel(std::shared_ptr<const as::sde::SdeModel> model, const QString& name,
                  bool trained);
    /// New parameters: a copy of the model with them (state kept), or a new untrained planted
    /// model if a structural value changed (restart from x(0)). Emits failed() if p is invalid.
    void setParams(const as::sde::SdeParams& p);
    /// A new x(0) (any length: cropped or zero-padded to N) with its class (-1: unknown); restarts.
    void setInput(const std::vector<float>& x0, int label);

    static std::vector<float> fitToN(const std::vector<float>& v, int n);
    /// The pixels whose trajectories are shown: part of the target's support, a few of every
    /// other attractor's, and bright input pixels (so both colours appear).
    static std::vector<int> choosePixels(const as::sde::AttractorSet& att, int target,
                                         const std::vector<float>& input);

  private:
    void tick();
    void advance(int n);
    void record();
    void restart();
    void publish();
    void setPlaying(bool on);

    SnapshotSlot<SdeSnapshot>* slot_;
    QTimer* timer_ = nullptr;
    QElapsedTimer clock_, rateClock_;
    long rateSteps_ = 0;
    std::shared_ptr<const as::sde::SdeModel> model_;
    std::unique_ptr<as::sde::SdeIntegrator> integrator_;
    QString modelName_;
    bool trained_ = false, playing_ = false, diverged_ = false, stopAtHorizon_ = true;
    double stepsPerSecond_ = 30.0, owed_ = 0.0, measuredRate_ = 0.0;

    std::vector<float> rawInput_;  ///< x(0) as given
    std::vector<float> input_;     ///< x(0) cropped or zero-padded to N
    int label_ = -1;
    Eigen::MatrixXf x_;
    long step_ = 0;
    std::vector<double> times_;
    std::vector<std::vector<float>> history_;
    int recordStride_ = 1;
    std::deque<Eigen::VectorXf> window_;
    Eigen::VectorXf windowSum_;
};

}  // namespace as::gui
