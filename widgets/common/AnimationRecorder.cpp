#include "widgets/common/AnimationRecorder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "export/GifWriter.h"
#include "export/Mp4Writer.h"

namespace as::widgets {
namespace {
int centiseconds(const QElapsedTimer& t) {
    return int(std::lround(double(t.elapsed()) / 10.0));
}
}  // namespace

AnimationRecorder::AnimationRecorder(QObject* parent) : QObject(parent) {
    encoder_.setMaxThreadCount(1);  // one thread: frames are written in order
}

AnimationRecorder::~AnimationRecorder() {
    blockSignals(true);  // the owner may be half destroyed: finish the file quietly
    stop();
}

bool AnimationRecorder::begin(Format format, const QString& target, int maxFrames) {
    format_ = format;
    target_ = target;
    frames_ = 0;
    maxFrames_ = std::max(1, maxFrames);
    recording_ = true;
    emit message(tr("Recording into %1").arg(QDir::toNativeSeparators(target)), 4000);
    return true;
}

bool AnimationRecorder::startPngSequence(const QString& dir, int maxFrames) {
    stop();
    if (!QDir(dir).exists() && !QDir().mkpath(dir)) {
        emit message(tr("Cannot create the folder %1").arg(QDir::toNativeSeparators(dir)), 8000);
        return false;
    }
    return begin(Format::PngSequence, dir, maxFrames);
}

bool AnimationRecorder::startGif(const QString& file, int maxFrames) {
    return startFile(Format::Gif, file, maxFrames);
}

bool AnimationRecorder::startMp4(const QString& file, int maxFrames) {
    return startFile(Format::Mp4, file, maxFrames);
}

bool AnimationRecorder::start(const QString& target, int maxFrames) {
    const QString suffix = QFileInfo(target).suffix().toLower();
    if (suffix == "gif") return startGif(target, maxFrames);
    if (suffix == "mp4") return startMp4(target, maxFrames);
    return startPngSequence(target, maxFrames);
}

bool AnimationRecorder::startFile(Format format, const QString& file, int maxFrames) {
    stop();
    // The size is the first frame's; the file is created now so a bad path is reported at once.
    QFile probe(file);
    if (!probe.open(QIODevice::WriteOnly)) {
        emit message(
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), probe.errorString()),
            8000);
        return false;
    }
    probe.close();
    {
        QMutexLocker lock(&errorMutex_);
        error_.clear();
    }
    return begin(format, file, maxFrames);
}

QString AnimationRecorder::encoderError() {
    QMutexLocker lock(&errorMutex_);
    return error_;
}

void AnimationRecorder::fail(const QString& why) {
    recording_ = false;
    encoder_.waitForDone();
    gif_.reset();
    mp4_.reset();
    pending_ = {};
    emit message(tr("Recording stopped: %1").arg(why), 0);
    emit finished();
}

void AnimationRecorder::addFrame(const QImage& frame) {
    if (!recording_ || frame.isNull()) return;
    if (format_ == Format::PngSequence) {
        const QString file =
            QDir(target_).filePath(QString("frame_%1.png").arg(frames_ + 1, 5, 10, QChar('0')));
        if (!frame.save(file, "PNG"))
            return fail(tr("could not write %1").arg(QDir::toNativeSeparators(file)));
        if (++frames_ >= maxFrames_) stop();
        return;
    }
    if (const QString err = encoderError(); !err.isEmpty()) return fail(err);
    const bool first = !gif_ && !mp4_;
    if (first && !openWriter(frame.size())) return;
    if (!first && queued_.load() >= kMaxQueued) return;  // the encoder is behind: skip this frame
    const QImage img = (frame.size() == size_
                            ? frame
                            : frame.scaled(size_, Qt::IgnoreAspectRatio, Qt::SmoothTransformation))
                           .convertToFormat(QImage::Format_RGB32);
    if (mp4_) {
        queueVideo(img, first ? 0.0 : double(clock_.elapsed()));
    } else {
        if (!first) queuePending(centiseconds(shown_));
        pending_ = img;
        shown_.start();
    }
    if (++frames_ >= maxFrames_) stop();
}

bool AnimationRecorder::openWriter(const QSize& size) {
    try {
        const std::string path = QFile::encodeName(target_).toStdString();
        if (format_ == Format::Mp4)
            mp4_ = std::make_shared<as::Mp4Writer>(path, size.width(), size.height());
        else
            gif_ = std::make_shared<as::GifWriter>(path, size.width(), size.height());
    } catch (const std::exception& e) {
        fail(QString::fromUtf8(e.what()));
        return false;
    }
    size_ = size;
    clock_.start();
    return true;
}

void AnimationRecorder::queueVideo(QImage img, double timeMs) {
    ++queued_;
    encoder_.start([this, mp4 = mp4_, img = std::move(img), timeMs] {
        try {
            if (encoderError().isEmpty())
                mp4->addFrame(reinterpret_cast<const std::uint32_t*>(img.constBits()),
                              img.bytesPerLine() / 4, timeMs);
        } catch (const std::exception& e) {
            QMutexLocker lock(&errorMutex_);
            error_ = QString::fromUtf8(e.what());
        }
        --queued_;
    });
}

void AnimationRecorder::queuePending(int delayCs) {
    if (pending_.isNull()) return;
    ++queued_;
    encoder_.start([this, gif = gif_, img = std::move(pending_), delayCs] {
        try {
            if (encoderError().isEmpty())
                gif->addFrame(reinterpret_cast<const std::uint32_t*>(img.constBits()),
                              img.bytesPerLine() / 4, delayCs);
        } catch (const std::exception& e) {
            QMutexLocker lock(&errorMutex_);
            error_ = QString::fromUtf8(e.what());
        }
        --queued_;
    });
    pending_ = {};
}

void AnimationRecorder::stop() {
    if (!recording_) return;
    recording_ = false;
    const bool file = format_ != Format::PngSequence;
    if (file && !gif_ && !mp4_) QFile::remove(target_);  // stopped before any frame
    if (gif_ || mp4_) {
        // The last GIF frame lasts as long as it has been on screen, at least 40 ms and at most
        // 1 s (an MP4 frame carries its own time; the writer gives the last one the last interval).
        if (gif_) queuePending(std::clamp(centiseconds(shown_), 4, 100));
        encoder_.waitForDone();
        QString err = encoderError();
        if (err.isEmpty()) {
            try {
                if (gif_) gif_->finish();
                if (mp4_) mp4_->finish();
            } catch (const std::exception& e) {
                err = QString::fromUtf8(e.what());
            }
        }
        gif_.reset();
        mp4_.reset();
        if (!err.isEmpty()) {
            emit message(tr("Recording failed: %1").arg(err), 0);
            emit finished();
            return;
        }
    }
    emit message(
        tr("Recorded %1 frames into %2").arg(frames_).arg(QDir::toNativeSeparators(target_)), 8000);
    emit finished();
}

}  // namespace as::widgets
