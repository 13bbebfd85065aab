#pragma once
// Records a view's redraws as an animation: a numbered PNG sequence in a folder
// (frame_00001.png, ...), one animated GIF (as::GifWriter) or one H.264 MP4 video (as::Mp4Writer,
// each frame at the time it was shown, so the clip keeps the live pace). The owner hands it an
// image per redraw; it stops by itself after the frame limit or on a write error and says so. GIF
// and MP4 frames are encoded on one background thread, in order, so the window keeps redrawing; a
// frame that arrives while kMaxQueued frames wait is skipped (the one on screen simply lasts
// longer). A GIF frame is queued when the next one arrives, so each is shown for as long as it was
// on screen; frames of another size than the first are scaled to it.
#include <QElapsedTimer>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <atomic>
#include <memory>

namespace as {
class GifWriter;
class Mp4Writer;
}  // namespace as

namespace as::widgets {

class AnimationRecorder : public QObject {
    Q_OBJECT
  public:
    enum class Format { PngSequence, Gif, Mp4 };
    /// GIF frames waiting for the encoder beyond which new frames are skipped.
    static constexpr int kMaxQueued = 3;

    explicit AnimationRecorder(QObject* parent = nullptr);
    ~AnimationRecorder() override;

    /// Starts recording into `dir` (created if missing). False (and message()) if it cannot be.
    bool startPngSequence(const QString& dir, int maxFrames);
    /// Starts recording into the GIF `file` (created now). False (and message()) if it cannot be.
    bool startGif(const QString& file, int maxFrames);
    /// Starts recording into the MP4 `file` (created now). False (and message()) if it cannot be.
    bool startMp4(const QString& file, int maxFrames);
    /// Starts the format the file's suffix names: .gif, .mp4, else a PNG folder.
    bool start(const QString& target, int maxFrames);
    /// Adds one frame; ignored when not recording.
    void addFrame(const QImage& frame);
    /// Ends the recording: waits for the encoder, writes the GIF's last frame and trailer, emits
    /// message() and finished().
    void stop();

    bool isRecording() const { return recording_; }
    Format format() const { return format_; }
    /// Frames recorded so far (in a GIF, including the one waiting for its duration).
    int frames() const { return frames_; }
    QString target() const { return target_; }

  signals:
    /// Progress and problems for the status bar ("Recorded 250 frames into ...").
    void message(const QString& text, int timeoutMs);
    /// The recording ended: stop(), the frame limit, or a write error.
    void finished();

  private:
    bool begin(Format format, const QString& target, int maxFrames);
    bool startFile(Format format, const QString& file, int maxFrames);
    /// Creates the GIF or MP4 writer for frames of this size; false (after fail()) if it cannot.
    bool openWriter(const QSize& size);
    /// Queues an MP4 frame shown at timeMs for the encoder thread.
    void queueVideo(QImage img, double timeMs);
    void fail(const QString& why);
    /// Queues the pending frame with its duration for the encoder thread.
    void queuePending(int delayCs);
    QString encoderError();

    Format format_ = Format::PngSequence;
    QString target_;
    bool recording_ = false;
    int frames_ = 0, maxFrames_ = 0;
    QImage pending_;  ///< the GIF frame on screen now, queued when the next arrives
    QElapsedTimer shown_;
    QElapsedTimer clock_;  ///< since the first frame (MP4 presentation times)
    QSize size_;           ///< the first frame's size; later frames are scaled to it
    // Encoder thread state: the writer is used only by tasks on encoder_ (one thread, in order).
    QThreadPool encoder_;
    std::shared_ptr<as::GifWriter> gif_;
    std::shared_ptr<as::Mp4Writer> mp4_;
    std::atomic<int> queued_{0};
    QMutex errorMutex_;
    QString error_;  ///< the encoder's first write error
};

}  // namespace as::widgets
