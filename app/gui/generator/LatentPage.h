#pragma once
// The Generator lab's Latent space page (seed 002 Fig. 8): test digits of the model's classes are
// encoded and run to T (in the worker); the first three components of x(T) are shown as a
// rotatable 3D scatter coloured by class, with the attractors marked. Hovering or clicking a
// point decodes its x(T). With the 3-component model (gen_012_view3.h5, whose decoder reads only
// x1..x3) present, the page uses it by default: the picture is then the whole story.
#include <Eigen/Core>
#include <memory>

#include "app/gui/generator/GeneratorPage.h"

class QComboBox;
class QLabel;

namespace as::widgets {
class LatentScatter;
}  // namespace as::widgets

namespace as::gui {

class LatentPage : public GeneratorPage {
    Q_OBJECT
  public:
    explicit LatentPage(GeneratorController* controller, QWidget* parent = nullptr);

    /// Encodes up to `count` test digits with the chosen model and shows them.
    void refresh();
    int pointCount() const;
    /// Decodes point i's x(T) into the preview.
    void decodePoint(int i);
    widgets::LatentScatter* scatter() const { return scatter_; }
    void shown() override;
    void setDark(bool dark) override;

  protected:
    void modelChanged() override;

  private:
    std::shared_ptr<const as::generator::GeneratorModel> chosenModel() const;

    QComboBox* which_;
    widgets::LatentScatter* scatter_;
    widgets::DigitCanvas* preview_;
    QLabel* info_;
    std::shared_ptr<const as::generator::GeneratorModel> view3_, shownModel_;
    Eigen::MatrixXf states_;  ///< d x n, x(T) of the shown points
    Eigen::VectorXi labels_;
    bool stale_ = true;
};

}  // namespace as::gui
