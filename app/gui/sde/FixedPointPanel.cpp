#include "app/gui/sde/FixedPointPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <cmath>
#include <exception>

#include "sde/FixedPointFinder.h"
#include "sde/SdeModel.h"

namespace as::gui {

FixedPointPanel::FixedPointPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    button_ = new QPushButton(tr("Count fixed points"));
    button_->setToolTip(tr("Newton search for the stationary points of the deterministic model (eq "
                           "11, Appendix A); "
                           "small models only (N \u2264 %1)")
                            .arg(kMaxNodes));
    button_->setEnabled(false);
    label_ = new QLabel;
    label_->setWordWrap(true);
    layout->addWidget(button_);
    layout->addWidget(label_, 1);
    connect(button_, &QPushButton::clicked, this, &FixedPointPanel::count);
}

FixedPointPanel::~FixedPointPanel() {
    job_.join();
}

void FixedPointPanel::setModel(std::shared_ptr<const as::sde::SdeModel> model) {
    model_ = std::move(model);
    ++generation_;  // a count still running for the old model is discarded
    const bool small = model_ && model_->attractors().n() <= kMaxNodes;
    button_->setEnabled(small && !job_.busy());
    label_->setText(model_ && !small
                        ? tr("(fixed-point count: models with N \u2264 %1)").arg(kMaxNodes)
                        : QString());
}

QString FixedPointPanel::resultText() const {
    return label_->text();
}

void FixedPointPanel::count() {
    if (job_.busy() || !model_ || model_->attractors().n() > kMaxNodes) return;
    button_->setEnabled(false);
    label_->setText(tr("Searching\u2026"));
    const quint64 gen = generation_;
    job_.start(
        [this, gen, model = model_] {
            QString text;
            try {
                const as::sde::FixedPointFinder finder(model->A().cast<double>(),
                                                       model->attractorsPtr());
                const as::sde::FixedPointReport rep = finder.find();
                int planted = 0, plantedStable = 0;
                for (const auto& p : rep.points)
                    if (p.planted >= 0) {
                        ++planted;
                        plantedStable += p.stable;
                    }
                const int c = model->attractors().classes();
                text = tr("%1 stationary points from %2 starts (%3 converged): %4 stable, %5 "
                          "unstable; "
                          "%6 of the %7 planted "
                          "found (%8 stable), %9 stable spurious.")
                           .arg(rep.points.size())
                           .arg(rep.starts)
                           .arg(rep.converged)
                           .arg(rep.stableCount)
                           .arg(int(rep.points.size()) - rep.stableCount)
                           .arg(planted)
                           .arg(c)
                           .arg(plantedStable)
                           .arg(rep.stableCount - plantedStable);
                if (c <= 12)
                    text += tr(" With Atilde = 0, eq 10 plants 3^C = %1 points, 2^C = %2 of them "
                               "stable.")
                                .arg(std::pow(3.0, c), 0, 'f', 0)
                                .arg(std::pow(2.0, c), 0, 'f', 0);
            } catch (const std::exception& e) {
                text = tr("Fixed-point search failed: %1").arg(QString::fromStdString(e.what()));
            }
            QMetaObject::invokeMethod(
                this,
                [this, gen, text] {
                    if (gen == generation_) label_->setText(text);
                    emit counted();
                },
                Qt::QueuedConnection);
        },
        [this] { button_->setEnabled(model_ && model_->attractors().n() <= kMaxNodes); });
}

}  // namespace as::gui
