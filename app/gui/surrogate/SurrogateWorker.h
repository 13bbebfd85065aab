#pragma once
// Lives in the Surrogate lab controller's thread. While playing, each 16 ms tick advances a few
// input steps of the same input through the FFT ODE and the trained surrogate, timing each, and
// publishes a SurrogateSnapshot. The model's case picks the ODE: one ring (ring), two decoupled
// rings and two nets (hd2d: azimuth and pitch), or the 3D torus and one 6-output net (grid3d).
// train() generates a dataset of the running model's case and fits a new model of that case in
// this thread (the run pauses meanwhile); the controller's atomic flag cancels it.
#include <QMutex>
#include <atomic>
#include <deque>
#include <memory>

#include "app/gui/surrogate/SurrogateSignals.h"
#include "surrogate/InputProcess.h"
#include "surrogate/OdeStepper.h"
#include "surrogate/SurrogateModel.h"
#include "surrogate/SurrogateSnapshot.h"
#include "surrogate/SurrogateStream.h"
#include "surrogate/TorusOdeStepper.h"

class QTimer;

namespace as::gui {

class SurrogateWorker : public SurrogateSignals {
    Q_OBJECT
  public:
    static constexpr int kWindow = 600;  ///< input steps kept for the traces and heatmaps
    static constexpr int kActivityCols = 128;

    explicit SurrogateWorker(std::atomic<bool>* cancel);
    ~SurrogateWorker() override;

    void start();  ///< creates the timer (call in the worker thread)
    void play();
    void pause();
    void reset();
    void setSource(int source);  ///< a surrogate::LiveSource (the lab's Input chooser)
    void setMouseAngle(double z);
    void setStepsPerTick(int n);
    /// Takes n input steps at once (a headless figure's fixed run), then publishes.
    void runSteps(int n);
    /// Takes ownership of a model (loaded or trained) and restarts the run with it.
    void setModel(std::shared_ptr<as::surrogate::SurrogateModel> model);
    /// Loads a model file; emits modelChanged or failed, then loadFinished.
    void loadModel(const QString& path);
    void saveModel(const QString& path);
    /// Generates `sequences` sequences of the running model's case (ring when there is none) and
    /// trains one net per channel with `params`; emits progress and finished.
    void train(int sequences, const as::surrogate::TrainParams& params);

    std::shared_ptr<const as::surrogate::SurrogateSnapshot> snapshot() const;

  private:
    void tick();
    void publish();
    void restartRun();
    void makeSequence();
    /// The next input step's angles (axes_ of them) into z.
    void nextInput(double* z);
    /// One input step of the ODE(s): decoded angles into odeA, the activity row into row.
    void stepOde(const double* z, double* odeA, std::vector<float>& row);

    std::atomic<bool>* cancel_;
    QTimer* timer_ = nullptr;
    bool playing_ = false;
    int source_ = int(as::surrogate::LiveSource::Mixture), stepsPerTick_ = 5;
    double mouse_ = 0.0;
    int axes_ = 1;                  ///< decoded angles: ring 1, hd2d 2, grid3d 3
    std::vector<double> sequence_;  ///< axes_ angles per step, interleaved
    std::size_t seqPos_ = 0;
    std::shared_ptr<as::surrogate::SurrogateModel> model_;
    std::vector<std::unique_ptr<as::surrogate::OdeStepper>> rings_;         ///< ring: 1, hd2d: 2
    std::unique_ptr<as::surrogate::TorusOdeStepper> torus_;                 ///< grid3d
    std::vector<std::unique_ptr<as::surrogate::SurrogateStream>> streams_;  ///< one per net
    // Recent history: times, and per axis the input and both decoded angles.
    std::deque<double> t_;
    std::vector<std::deque<double>> in_, odeA_, surA_;
    std::deque<std::vector<float>> odeRows_, surRows_;
    long steps_ = 0;
    double sumSq_ = 0.0, odeUs_ = 0.0, surUs_ = 0.0;
    /// The settled bump profile by offset (one axis; all axes share it), for the implied heatmap.
    std::vector<double> bump_;
    as::surrogate::SurrogateSnapshot training_;  ///< training fields of the next snapshot
    mutable QMutex mutex_;
    std::shared_ptr<const as::surrogate::SurrogateSnapshot> latest_;
};

}  // namespace as::gui
