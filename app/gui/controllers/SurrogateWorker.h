#pragma once
// Lives in the Surrogate lab controller's thread. While playing, each 16 ms tick advances a few
// input steps of the same input through the FFT ring ODE and the trained surrogate, timing each,
// and publishes a SurrogateSnapshot. train() generates a dataset and fits a new model in this
// thread (the run pauses meanwhile); the controller's atomic flag cancels it.
#include <QMutex>
#include <QObject>
#include <atomic>
#include <deque>
#include <memory>

#include "surrogate/OdeStepper.h"
#include "surrogate/SurrogateModel.h"
#include "surrogate/SurrogateSnapshot.h"
#include "surrogate/SurrogateStream.h"

class QTimer;

namespace as::gui {

class SurrogateWorker : public QObject {
    Q_OBJECT
  public:
    /// Input sources: the mouse (an external target) or one of the stochastic processes.
    enum Source { Mouse = 0, Walk = 1, OrnsteinUhlenbeck = 2, Jumps = 3, Mixture = 4 };
    static constexpr int kWindow = 600;  ///< input steps kept for the traces and heatmaps
    static constexpr int kActivityCols = 128;

    explicit SurrogateWorker(std::atomic<bool>* cancel);
    ~SurrogateWorker() override;

    void start();  ///< creates the timer (call in the worker thread)
    void play();
    void pause();
    void reset();
    void setSource(int source);
    void setMouseAngle(double z);
    void setStepsPerTick(int n);
    /// Takes ownership of a model (loaded or trained) and restarts the run with it.
    void setModel(std::shared_ptr<as::surrogate::SurrogateModel> model);
    /// Loads a model file; emits modelChanged or failed.
    void loadModel(const QString& path);
    void saveModel(const QString& path);
    /// Generates `sequences` ring sequences and trains with `params`; emits progress and finished.
    void train(int sequences, const as::surrogate::TrainParams& params);

    std::shared_ptr<const as::surrogate::SurrogateSnapshot> snapshot() const;

  signals:
    void modelChanged(const QString& info);
    void failed(const QString& message);
    void trainingFinished(const QString& message);

  private:
    void tick();
    void publish();
    void restartRun();
    double nextInput();

    std::atomic<bool>* cancel_;
    QTimer* timer_ = nullptr;
    bool playing_ = false;
    int source_ = Mixture, stepsPerTick_ = 5;
    double mouse_ = 0.0;
    std::vector<double> sequence_;
    std::size_t seqPos_ = 0;
    std::shared_ptr<as::surrogate::SurrogateModel> model_;
    std::unique_ptr<as::surrogate::OdeStepper> ode_;
    std::unique_ptr<as::surrogate::SurrogateStream> stream_;
    // Recent history.
    std::deque<double> t_, in_, odeA_, surA_;
    std::deque<std::vector<float>> odeRows_, surRows_;
    long steps_ = 0;
    double sumSq_ = 0.0, odeUs_ = 0.0, surUs_ = 0.0;
    std::vector<double> bump_;  ///< the settled bump profile by offset, for the surrogate's heatmap
    as::surrogate::SurrogateSnapshot training_;  ///< training fields of the next snapshot
    mutable QMutex mutex_;
    std::shared_ptr<const as::surrogate::SurrogateSnapshot> latest_;
};

}  // namespace as::gui
