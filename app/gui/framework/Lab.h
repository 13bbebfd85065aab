#pragma once
// One tab of the main window. Each lab owns its controller (worker thread + snapshots), its views,
// toolbar and docks; the main window talks to labs only through this interface: sessions (one HDF5
// group per lab), figure and CSV export, theme, status bar, and pausing when the tab is hidden.
#include <hdf5.h>

#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QStringList>
#include <exception>
#include <functional>
#include <utility>
#include <vector>

#include "app/gui/framework/FigureSpec.h"
#include "app/gui/framework/ResumeWhenShown.h"

namespace as::gui {

/// One step of a lab's guided tour (Help → Guided Tour): a sentence for the audience and what the
/// lab does when the step is shown (switch protocol, set a parameter, reset, play).
struct TourStep {
    QString title;
    QString text;
    std::function<void()> action;  ///< may be empty
};

/// The part of the Lab interface that every lab implements, declared once: a lab puts
/// AS_LAB_INTERFACE; in the public section of its class and defines these in its .cpp files (the
/// tour in <Lab>LabTour.cpp, the paper figures in <Lab>LabFigures.cpp). Lab documents each one.
#define AS_LAB_INTERFACE                                                \
    std::vector<std::pair<QString, QWidget*>> exportTargets() override; \
    QString exportCsv(const QString& path) override;                    \
    void setDark(bool dark) override;                                   \
    void writeSession(hid_t root) override;                             \
    std::function<void()> prepareLoad(hid_t root) override;             \
    void resetToDefaults() override;                                    \
    std::vector<TourStep> tourSteps() override;                         \
    std::vector<FigureSpec> figures() override

class Lab : public QMainWindow {
    Q_OBJECT
  public:
    /// id: the stable id, the session group name ("ring") and the value of the file's `lab`
    /// attribute; title: the tab's title. playWhenFirstShown: the lab starts playing the first time
    /// its tab is shown.
    Lab(QString id, QString title, QWidget* parent = nullptr, bool playWhenFirstShown = false)
        : QMainWindow(parent),
          id_(std::move(id)),
          title_(std::move(title)),
          resume_(playWhenFirstShown) {}

    QString labId() const { return id_; }
    QString title() const { return title_; }
    /// The lab's line in the main window's status bar (shown while the lab's tab is current).
    QWidget* statusWidget() const { return status_; }
    /// Named views for File → Export figure (the whole lab first).
    virtual std::vector<std::pair<QString, QWidget*>> exportTargets() = 0;
    /// Writes the data behind the views as CSV; returns an error message or "".
    virtual QString exportCsv(const QString& path) = 0;
    virtual void setDark(bool dark) = 0;
    /// Whether exportSpikes() has spikes to write (File → Export Spikes is enabled for this lab).
    virtual bool canExportSpikes() const { return false; }
    /// Writes the recorded spikes to `path`: SONATA HDF5 (.h5), or CSV (.csv) with the columns of
    /// `attractor-cli ei --spikes-csv`; returns an error message or "".
    virtual QString exportSpikes(const QString& path) {
        (void)path;
        return tr("lab '%1' records no spikes").arg(labId());
    }

    /// Writes this lab's group under `root` of an open session file (waits for the worker).
    /// Throws std::exception with the reason on failure.
    virtual void writeSession(hid_t root) = 0;
    /// Reads and validates this lab's group under `root` without touching the running lab, and
    /// returns the action that swaps it in. Throws std::exception naming the problem. The main
    /// window validates every lab before applying any, so a bad file changes nothing.
    virtual std::function<void()> prepareLoad(hid_t root) = 0;
    /// Back to default parameters and a fresh state (File → New, or a file without this lab).
    virtual void resetToDefaults() = 0;
    /// The tab became current (true) or hidden (false). One rule for every lab (ResumeWhenShown):
    /// a hidden lab pauses, and plays again when shown if it was playing; then onActiveChanged().
    void setActive(bool active) {
        resume_.setActive(active, *this);
        onActiveChanged(active);
    }
    bool isActive() const { return resume_.isActive(); }
    /// Whether the lab plays the first time its tab is shown (--no-play turns it off).
    void setPlayWhenFirstShown(bool on) { resume_.setResume(on); }
    /// Plays now if the lab is shown, else as soon as its tab is shown (guided tour steps).
    void playWhenShown() {
        if (isActive())
            play();
        else
            resume_.setResume(true);
    }
    /// Run control of the lab's live simulation: the player bound with bindPlayer() (its
    /// controller), or nothing for a lab without one.
    virtual bool isPlaying() const { return isPlaying_ && isPlaying_(); }
    virtual void play() {
        if (play_) play_();
    }
    virtual void pause() {
        if (pause_) pause_();
    }
    /// Steps per redraw (--steps-per-frame); false if the lab has no such setting.
    virtual bool setStepsPerFrame(int n) {
        (void)n;
        return false;
    }
    /// One line for --stats (simulated time, steps/s, frames/s); "" if the lab reports none.
    virtual QString statsLine() const { return {}; }
    /// Whether startRecording() is supported.
    virtual bool canRecord() const { return false; }
    /// Records the current view's redraws into `path` (.gif: an animated GIF; else a folder of
    /// numbered PNGs), up to maxFrames, then emits recordingFinished(); false if it cannot.
    virtual bool startRecording(const QString& path, int maxFrames) {
        (void)path;
        (void)maxFrames;
        return false;
    }
    virtual int recordedFrames() const { return 0; }
    /// The guided tour for teaching demos; empty if the lab has none yet.
    virtual std::vector<TourStep> tourSteps() { return {}; }
    /// The paper figures this lab renders headless (`attractor-studio --figure NAME`).
    virtual std::vector<FigureSpec> figures() { return {}; }
    /// Session groups this lab reads (prepareLoad is called if the file has any of them).
    virtual QStringList sessionGroups() const { return {labId()}; }
    /// Shows a part of the lab named by an id other than labId() (a page with a session group or
    /// a --lab id of its own, e.g. the Torus lab's "hd2d"); false if the lab has no such part.
    virtual bool showSection(const QString& id) {
        (void)id;
        return false;
    }
    /// Applies a startup `--set key=value` to the part `section` (labId() or a showSection id)
    /// like an edit in the lab's forms. Returns "" or an error naming the key and the lab.
    virtual QString applySetting(const QString& section, const QString& key, const QString& value) {
        (void)key;
        (void)value;
        return tr("lab '%1' has no parameters to set with --set").arg(section);
    }

  signals:
    /// A message for the status bar, timeout in ms (0: until replaced).
    void statusMessage(const QString& text, int timeoutMs);
    /// A recording started with startRecording() has all its frames.
    void recordingFinished();

  protected:
    /// Run control goes to `player` (a controller with isPlaying(), play() and pause()).
    template <class Player>
    void bindPlayer(Player* player) {
        isPlaying_ = [player] { return player->isPlaying(); };
        play_ = [player] { player->play(); };
        pause_ = [player] { player->pause(); };
    }
    /// The label behind statusWidget(), where the lab writes its time, speed or model.
    QLabel* statusLabel() const { return status_; }
    /// After setActive(): a lab's own reaction to being shown or hidden (its redraw timer, ...).
    virtual void onActiveChanged(bool active) { (void)active; }
    /// A file the lab could not load (damaged, foreign, missing): a warning dialog with the
    /// message, which names the file and what failed. Window-modal but not blocking (open(), not
    /// exec()), deleted when closed; object name "fileErrorDialog".
    void showFileError(const QString& title, const QString& message) {
        auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("fileErrorDialog"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }

    /// Runs `read` (a model file read and made the running model). On an exception: "Cannot load
    /// the model: <reason>" in the status bar, `restore` puts the controls back, and a file error
    /// dialog shows the message, which is returned; else "".
    QString loadModelFile(const std::function<void()>& read, const std::function<void()>& restore) {
        try {
            read();
            return {};
        } catch (const std::exception& e) {
            const QString msg = tr("Cannot load the model: %1").arg(QString::fromUtf8(e.what()));
            emit statusMessage(msg, 10000);
            restore();
            showFileError(tr("Could not load the model"), msg);
            return msg;
        }
    }
    /// Runs `write` (the running model written to `path`): "Saved the model to <path>" or
    /// "Cannot save the model: <reason>" in the status bar; returns "" or that message.
    QString saveModelFile(const QString& path, const std::function<void()>& write) {
        try {
            write();
            emit statusMessage(tr("Saved the model to %1").arg(path), 6000);
            return {};
        } catch (const std::exception& e) {
            const QString msg = tr("Cannot save the model: %1").arg(QString::fromUtf8(e.what()));
            emit statusMessage(msg, 10000);
            return msg;
        }
    }

  private:
    QString id_, title_;
    QLabel* status_ = new QLabel;  ///< reparented by the main window's status bar
    std::function<bool()> isPlaying_;
    std::function<void()> play_, pause_;
    ResumeWhenShown resume_;
};

}  // namespace as::gui
