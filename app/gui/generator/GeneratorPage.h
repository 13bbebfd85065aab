#pragma once
// What the Generator lab's pages share: the controller that runs their jobs, the running model (an
// immutable snapshot) and the view settings. A page asks for a settings change with
// editRequested(key, value), which the lab turns into an undo step (ParameterBinding).
#include <QString>
#include <QWidget>
#include <memory>
#include <vector>

#include "generator/GeneratorModel.h"
#include "generator/GeneratorViewSettings.h"

// The image views the pages show digits with.
namespace as::widgets {
class DigitCanvas;
class GalleryView;
}  // namespace as::widgets

namespace as::gui {

class GeneratorController;

class GeneratorPage : public QWidget {
    Q_OBJECT
  public:
    explicit GeneratorPage(GeneratorController* controller, QWidget* parent = nullptr)
        : QWidget(parent), controller_(controller) {}

    void setModel(std::shared_ptr<const as::generator::GeneratorModel> m, const QString& name) {
        model_ = std::move(m);
        modelName_ = name;
        modelChanged();
    }
    /// changedKey: the setting just edited ("" when several or all may have changed).
    void setSettings(const as::generator::GeneratorViewSettings& s, const QString& changedKey) {
        settings_ = s;
        settingsChanged(changedKey);
    }
    const as::generator::GeneratorViewSettings& settings() const { return settings_; }
    virtual void setDark(bool dark) { (void)dark; }
    /// The page was shown; pages compute lazily (and catch up on what changed while hidden).
    virtual void shown() {}

  signals:
    void statusMessage(const QString& text, int timeoutMs);
    void editRequested(const QString& key, double value);

  protected:
    /// A page that becomes visible catches up (shown()), also when the whole window is shown
    /// after start-up settings changed it.
    void showEvent(QShowEvent* e) override {
        QWidget::showEvent(e);
        shown();
    }
    virtual void modelChanged() {}
    virtual void settingsChanged(const QString& key) { (void)key; }
    /// Column k of a pixels x N matrix as a vector (for DigitCanvas / ImageGrid).
    static std::vector<float> column(const Eigen::MatrixXf& m, Eigen::Index k) {
        return std::vector<float>(m.col(k).data(), m.col(k).data() + m.rows());
    }
    /// The digit of class l of the model, as text.
    QString digitName(int l) const {
        return model_ && l >= 0 && l < model_->classes()
                   ? QString::number(model_->digits()[std::size_t(l)])
                   : QString::number(l);
    }

    GeneratorController* controller_;
    std::shared_ptr<const as::generator::GeneratorModel> model_;
    QString modelName_;
    as::generator::GeneratorViewSettings settings_;
};

}  // namespace as::gui
