#include "app/gui/framework/GuidedTour.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "widgets/common/PresentationScale.h"

namespace as::gui {

GuidedTour::GuidedTour(QWidget* parent) : QDockWidget(tr("Guided tour"), parent) {
    setObjectName("guidedTour");
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                QDockWidget::DockWidgetFloatable);
    auto* body = new QWidget;
    auto* v = new QVBoxLayout(body);
    heading_ = new QLabel;
    QFont hf = heading_->font();
    hf.setBold(true);
    heading_->setFont(hf);
    widgets::setRelativeFont(heading_, 1.35);  // follows presentation mode
    text_ = new QLabel;
    text_->setWordWrap(true);
    text_->setTextFormat(Qt::RichText);
    widgets::setRelativeFont(text_, 1.2);
    back_ = new QPushButton(tr("\u2190 Back"));
    next_ = new QPushButton(tr("Next \u2192"));
    auto* close = new QPushButton(tr("Close"));
    connect(back_, &QPushButton::clicked, this, &GuidedTour::back);
    connect(next_, &QPushButton::clicked, this, &GuidedTour::next);
    connect(close, &QPushButton::clicked, this, &QDockWidget::close);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(back_);
    buttons->addWidget(next_);
    buttons->addWidget(close);
    v->addWidget(heading_);
    v->addWidget(text_);
    v->addLayout(buttons);
    body->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setWidget(body);
}

void GuidedTour::start(const QString& labTitle, std::vector<TourStep> steps) {
    labTitle_ = labTitle;
    steps_ = std::move(steps);
    QDockWidget::show();
    raise();
    show(0);
}

void GuidedTour::next() {
    if (index_ + 1 < stepCount()) show(index_ + 1);
}

void GuidedTour::back() {
    if (index_ > 0) show(index_ - 1);
}

void GuidedTour::show(int index) {
    if (index < 0 || index >= stepCount()) return;
    index_ = index;
    const TourStep& s = steps_[std::size_t(index)];
    setWindowTitle(
        tr("Guided tour \u2014 %1 (%2 of %3)").arg(labTitle_).arg(index + 1).arg(stepCount()));
    heading_->setText(s.title);
    text_->setText(s.text);
    // Room for three wrapped lines in the current font (presentation mode may have changed it).
    text_->setMinimumHeight(3 * text_->fontMetrics().lineSpacing());
    back_->setEnabled(index > 0);
    next_->setEnabled(index + 1 < stepCount());
    if (s.action) s.action();
}

}  // namespace as::gui
