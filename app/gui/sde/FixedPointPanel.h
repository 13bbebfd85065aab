#pragma once
// "Count fixed points" on the analysis page (seed 002 §III eq 11, Appendix A): planting C points
// also plants combinations of them (3^C for eq 10, of which 2^C stable with Atilde = 0). Runs
// sde::FixedPointFinder (damped Newton from lattice and random starts) in a background thread and
// reports how many stationary points it found, how many are stable and how many are the planted
// ones. Offered for small models only (N <= kMaxNodes): each Newton step is an N x N solve.
#include <QWidget>
#include <memory>

#include "app/gui/framework/JobThread.h"

namespace as::sde {
class SdeModel;
}

class QLabel;
class QPushButton;

namespace as::gui {

class FixedPointPanel : public QWidget {
    Q_OBJECT
  public:
    static constexpr int kMaxNodes = 200;

    explicit FixedPointPanel(QWidget* parent = nullptr);
    ~FixedPointPanel() override;

    void setModel(std::shared_ptr<const as::sde::SdeModel> model);
    /// Starts a count (as the button does); ignored while one runs or when the model is too large.
    void count();
    bool running() const { return job_.busy(); }
    QString resultText() const;

  signals:
    void statusMessage(const QString& text, int timeoutMs);
    void counted();

  private:
    std::shared_ptr<const as::sde::SdeModel> model_;
    JobThread job_{this};
    quint64 generation_ = 0;
    QPushButton* button_ = nullptr;
    QLabel* label_ = nullptr;
};

}  // namespace as::gui
