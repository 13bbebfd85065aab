#include "labs/HaltBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace as::gui {

HaltBanner::HaltBanner(QWidget* parent) : QFrame(parent), label_(new QLabel) {
    setObjectName("haltBanner");
    setStyleSheet(
        "#haltBanner { background: #fdecea; border: 1px solid #d62728; border-radius: 4px; }"
        "#haltBanner QLabel { color: #8b1a1a; }");
    label_->setWordWrap(true);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton;
    close->setText(QString::fromUtf8("\u2715"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    auto* lay = new QHBoxLayout(this);
    lay->setContentsMargins(8, 4, 4, 4);
    lay->addWidget(label_, 1);
    lay->addWidget(close);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void HaltBanner::showMessage(const QString& text) {
    label_->setText(
        tr("<b>Simulation stopped:</b> %1 &mdash; fix the parameter (e.g. a smaller dt) "
           "and press Play, or Reset.")
            .arg(text.toHtmlEscaped()));
    show();
}

QString HaltBanner::text() const {
    return isVisible() ? label_->text() : QString();
}

}  // namespace as::gui
