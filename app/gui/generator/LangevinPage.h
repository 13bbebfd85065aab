#pragma once
// The Generator lab's Langevin page (seed 002 Fig. 14): G_T from the stationary Lyapunov
// equation at the attractor of a class (LangevinSampler), a chain of the stochastic CVFR from
// x̄_l with noise G_T dW, every k-th state decoded: an animated image and the strip of frames,
// with the Lyapunov residual and the clipped fraction of Q's eigenvalues. Export as an animated
// GIF (export/GifWriter).
#include <Eigen/Core>

#include "app/gui/generator/GeneratorPage.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTimer;

namespace as::gui {

class LangevinPage : public GeneratorPage {
    Q_OBJECT
  public:
    explicit LangevinPage(GeneratorController* controller, QWidget* parent = nullptr);

    /// Runs a chain from the attractor of class l (index into the model's digits).
    void run(int l);
    void run();
    int frameCount() const { return int(frames_.cols()); }
    /// The decoded states of the last chain (pixels x frames).
    const Eigen::MatrixXf& frames() const { return frames_; }
    double residual() const { return residual_; }
    double clippedFraction() const { return clipped_; }
    /// Writes the frames as an animated GIF (scale from the settings) in the worker thread;
    /// gifWritten(path, error) follows.
    void exportGif(const QString& path);
    /// The frames (pixels x K) as a GIF of 28 * scale pixels square; "" or the error.
    static QString writeGif(const QString& path, const Eigen::MatrixXf& frames, int scale);
    void shown() override;
    void setDark(bool dark) override;

  signals:
    void gifWritten(const QString& path, const QString& error);

  protected:
    void modelChanged() override;
    void settingsChanged(const QString& key) override;

  private:
    QComboBox* classBox_;
    QPushButton* playButton_;
    widgets::DigitCanvas* movie_;
    widgets::GalleryView* strip_;
    QLabel* info_;
    QTimer* timer_;
    Eigen::MatrixXf frames_;
    int frame_ = 0;
    double residual_ = -1, clipped_ = -1;
    bool stale_ = true;
};

}  // namespace as::gui
