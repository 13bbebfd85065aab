#pragma once
// One tab of the main window. Each lab owns its controller (worker thread + snapshots), its views,
// toolbar and docks; the main window talks to labs only through this interface: sessions (one HDF5
// group per lab), figure and CSV export, theme, status bar, and pausing when the tab is hidden.
#include <hdf5.h>

#include <QMainWindow>
#include <QMessageBox>
#include <QStringList>
#include <functional>
#include <utility>
#include <vector>

namespace as::gui {

/// One step of a lab's guided tour (Help → Guided Tour): a sentence for the audience and what the
/// lab does when the step is shown (switch protocol, set a parameter, reset, play).
struct TourStep {
    QString title;
    QString text;
    std::function<void()> action;  ///< may be empty
};

class Lab : public QMainWindow {
    Q_OBJECT
  public:
    using QMainWindow::QMainWindow;

    /// Stable id: the session group name ("ring") and the value of the file's `lab` attribute.
    virtual QString labId() const = 0;
    /// Tab title.
    virtual QString title() const = 0;
    /// Widgets for the main window's status bar (shown while the lab's tab is current).
    virtual QWidget* statusWidget() const = 0;
    /// Named views for File → Export figure (the whole lab first).
    virtual std::vector<std::pair<QString, QWidget*>> exportTargets() = 0;
    /// Writes the data behind the views as CSV; returns an error message or "".
    virtual QString exportCsv(const QString& path) = 0;
    virtual void setDark(bool dark) = 0;

    /// Writes this lab's group under `root` of an open session file (waits for the worker).
    /// Throws std::exception with the reason on failure.
    virtual void writeSession(hid_t root) = 0;
    /// Reads and validates this lab's group under `root` without touching the running lab, and
    /// returns the action that swaps it in. Throws std::exception naming the problem. The main
    /// window validates every lab before applying any, so a bad file changes nothing.
    virtual std::function<void()> prepareLoad(hid_t root) = 0;
    /// Back to default parameters and a fresh state (File → New, or a file without this lab).
    virtual void resetToDefaults() = 0;
    /// The tab became current (true) or hidden (false): hidden labs pause, and resume when shown.
    virtual void setActive(bool active) = 0;
    /// The guided tour for teaching demos; empty if the lab has none yet.
    virtual std::vector<TourStep> tourSteps() { return {}; }
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

  protected:
    /// A file the lab could not load (damaged, foreign, missing): a warning dialog with the
    /// message, which names the file and what failed. Window-modal but not blocking (open(), not
    /// exec()), deleted when closed; object name "fileErrorDialog".
    void showFileError(const QString& title, const QString& message) {
        auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("fileErrorDialog"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
};

}  // namespace as::gui
