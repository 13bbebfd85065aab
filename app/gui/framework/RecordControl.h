#pragma once
// The Record button of a lab's toolbar: records a view's redraws (the lab hands it an image per
// redraw) as an H.264 MP4 video, an animated GIF or numbered PNG frames. The button starts and
// stops; its menu chooses the format (and starts). The file or folder is asked for when it
// starts; start(path) picks the format from the path (--record on the command line).
#include <QObject>
#include <QString>

class QAction;
class QImage;
class QToolButton;
class QWidget;

namespace as::widgets {
class AnimationRecorder;
}

namespace as::gui {

class RecordControl : public QObject {
    Q_OBJECT
  public:
    enum class Format { Mp4, Gif, PngFrames };

    /// `parent` hosts the file dialogs; `objectName` names the Record action (for tests);
    /// `baseName` is the suggested file name ("bump" -> bump.mp4).
    RecordControl(QWidget* parent, const QString& objectName, const QString& baseName);

    /// The toolbar button: Record / Stop, with the format menu.
    QToolButton* button() const { return button_; }
    QAction* recordAction() const { return recordAction_; }
    void setFormat(Format f);
    Format format() const;

    /// Starts recording into `path` (.mp4, .gif, else a folder of PNG frames), at most
    /// maxFrames frames. False (and a message) if it cannot.
    bool start(const QString& path, int maxFrames = 250);
    void stop();
    /// Hands the recorder the frame now on screen; ignored when not recording.
    void addFrame(const QImage& frame);
    bool isRecording() const;
    int frames() const;

  signals:
    void message(const QString& text, int timeoutMs);
    void finished();

  private:
    /// Asks for the file or folder of the chosen format, then starts; false if cancelled.
    bool startFromDialog();

    QWidget* host_;
    QString baseName_;
    widgets::AnimationRecorder* recorder_;
    QAction* recordAction_;
    QAction* formatActions_[3];
    QToolButton* button_;
};

}  // namespace as::gui
