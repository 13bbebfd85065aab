#pragma once
// The Generator lab's Reconstruct page: a test digit (or one drawn on the canvas) is encoded to
// x(0), the latent SDE runs to T (SdeIntegrator, recording every k-th step) and each recorded
// state is decoded: a filmstrip, revealed frame by frame, of the dynamics generating the image,
// with the final reconstruction D(x(T)) beside the input.
#include <Eigen/Core>
#include <vector>

#include "app/gui/generator/GeneratorPage.h"

class QLabel;
class QSpinBox;
class QTimer;

namespace as::gui {

class ReconstructPage : public GeneratorPage {
    Q_OBJECT
  public:
    explicit ReconstructPage(GeneratorController* controller, QWidget* parent = nullptr);

    /// Shows test digit i (of the model's digits) and reconstructs it.
    void showTestDigit(int i);
    /// Reconstructs the image on the canvas.
    void reconstruct();
    int frameCount() const;
    widgets::DigitCanvas* canvas() const { return input_; }
    void shown() override;
    void setDark(bool dark) override;

  protected:
    void modelChanged() override;
    void settingsChanged(const QString& key) override;

  private:
    struct Film {
        Eigen::MatrixXf frames;  ///< pixels x K, the decoded recorded states
        std::vector<float> times;
        std::vector<float> output;
        int predicted = -1;
        double mse = 0;
    };
    void loadTestDigits();

    widgets::DigitCanvas* input_;
    widgets::DigitCanvas* output_;
    widgets::GalleryView* film_;
    QSpinBox* indexBox_;
    QLabel* info_;
    QTimer* reveal_;
    Film current_;
    int revealed_ = 0;
    Eigen::MatrixXf tests_;  ///< 784 x n test digits of the model's digits
    Eigen::VectorXi testLabels_;
    bool loading_ = false;
};

}  // namespace as::gui
