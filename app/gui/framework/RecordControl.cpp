#include "app/gui/framework/RecordControl.h"

#include <QActionGroup>
#include <QFileDialog>
#include <QImage>
#include <QMenu>
#include <QPainter>
#include <QToolButton>

#include "widgets/common/AnimationRecorder.h"

namespace as::gui {

namespace {

QIcon recordDot() {
    QPixmap dot(32, 32);
    dot.fill(Qt::transparent);
    QPainter painter(&dot);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(210, 40, 40));
    painter.drawEllipse(QRectF(5, 5, 22, 22));
    return QIcon(dot);
}

}  // namespace

RecordControl::RecordControl(QWidget* parent, const QString& objectName, const QString& baseName)
    : QObject(parent),
      host_(parent),
      baseName_(baseName),
      recorder_(new widgets::AnimationRecorder(this)),
      recordAction_(new QAction(recordDot(), tr("Record"), this)),
      button_(new QToolButton) {
    connect(recorder_, &widgets::AnimationRecorder::message, this, &RecordControl::message);
    connect(recorder_, &widgets::AnimationRecorder::finished, this, [this] {
        recordAction_->setChecked(false);
        emit finished();
    });
    recordAction_->setObjectName(objectName);
    recordAction_->setCheckable(true);
    recordAction_->setToolTip(
        tr("Record this view's redraws (at most 250 frames, 10 s at 25 frames/s) as an MP4 "
           "video, an animated GIF or numbered PNG frames; press again to stop"));
    auto* menu = new QMenu(parent);
    formatActions_[int(Format::Mp4)] = menu->addAction(tr("As an MP4 video (H.264)\u2026"));
    formatActions_[int(Format::Gif)] = menu->addAction(tr("As an animated GIF\u2026"));
    formatActions_[int(Format::PngFrames)] =
        menu->addAction(tr("As numbered PNG frames in a folder\u2026"));
    auto* group = new QActionGroup(this);
    for (QAction* a : formatActions_) {
        a->setCheckable(true);
        group->addAction(a);
    }
    setFormat(Format::Mp4);
    // Choosing a format in the menu starts recording in it.
    connect(group, &QActionGroup::triggered, this, [this] {
        if (!isRecording()) recordAction_->trigger();
    });
    button_->setDefaultAction(recordAction_);
    button_->setMenu(menu);
    button_->setPopupMode(QToolButton::MenuButtonPopup);
    button_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(recordAction_, &QAction::triggered, this, [this](bool on) {
        if (!on)
            stop();
        else
            recordAction_->setChecked(startFromDialog());
    });
}

void RecordControl::setFormat(Format f) {
    formatActions_[int(f)]->setChecked(true);
}

RecordControl::Format RecordControl::format() const {
    for (int i = 0; i < 3; ++i)
        if (formatActions_[i]->isChecked()) return Format(i);
    return Format::Mp4;
}

bool RecordControl::startFromDialog() {
    const Format f = format();
    if (f == Format::PngFrames) {
        const QString dir =
            QFileDialog::getExistingDirectory(host_, tr("Folder for the animation frames"));
        return !dir.isEmpty() && start(dir);
    }
    const QString suffix = f == Format::Mp4 ? ".mp4" : ".gif";
    QString file = QFileDialog::getSaveFileName(
        host_, f == Format::Mp4 ? tr("Record an MP4 video") : tr("Record an animated GIF"),
        baseName_ + suffix,
        f == Format::Mp4 ? tr("MP4 videos (*.mp4)") : tr("GIF animations (*.gif)"));
    if (file.isEmpty()) return false;
    if (!file.endsWith(suffix, Qt::CaseInsensitive)) file += suffix;
    return start(file);
}

bool RecordControl::start(const QString& path, int maxFrames) {
    const bool ok = recorder_->start(path, maxFrames);
    recordAction_->setChecked(ok);
    return ok;
}

void RecordControl::stop() {
    recorder_->stop();
}
void RecordControl::addFrame(const QImage& frame) {
    recorder_->addFrame(frame);
}
bool RecordControl::isRecording() const {
    return recorder_->isRecording();
}
int RecordControl::frames() const {
    return recorder_->frames();
}

}  // namespace as::gui
