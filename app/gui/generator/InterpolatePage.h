#pragma once
// The Generator lab's Interpolate page: a straight line in the latent space between two
// attractors or between the x(T) of two encoded test digits, or a traversal along a principal
// axis of a class's Sigma_T (LatentSampling: interpolate, traverse; the paper's Fig. 13). A strip
// of settings().interpSteps decoded images, and a slider with a numeric field that decodes any
// point of the path (one decoder pass, in the GUI thread).
#include <Eigen/Core>

#include "app/gui/generator/GeneratorPage.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSlider;
class QSpinBox;

namespace as::gui {

class InterpolatePage : public GeneratorPage {
    Q_OBJECT
  public:
    enum class Mode { Attractors = 0, Images = 1, Axis = 2 };
    explicit InterpolatePage(GeneratorController* controller, QWidget* parent = nullptr);

    void setMode(Mode m);
    /// Recomputes the path's end points and the strip.
    void update();
    /// Decodes the point at position t of the path (t in [0, 1]; along an axis, t = 0 is -range).
    void setPosition(double t);
    int stripCount() const;
    void shown() override;
    void setDark(bool dark) override;

  protected:
    void modelChanged() override;
    void settingsChanged(const QString& key) override;

  private:
    void rebuildChoices();
    void showPath();
    Eigen::VectorXf pointAt(double t) const;

    QComboBox* mode_;
    QComboBox* from_;
    QComboBox* to_;
    QSpinBox* imageA_;
    QSpinBox* imageB_;
    QSpinBox* axis_;
    QSlider* slider_;
    QDoubleSpinBox* field_;
    widgets::DigitCanvas* preview_;
    widgets::GalleryView* strip_;
    QLabel* info_;
    Eigen::VectorXf a_, b_;  ///< the path's ends (latent states)
    double t_ = 0.5;
    bool stale_ = true;
};

}  // namespace as::gui
