#pragma once
// The application window: one tab per lab (Ring for now), File / Edit / View / Help menus,
// sessions (New, Open, Save, Save As, Recent), figure and CSV export, and the status bar.
#include <QMainWindow>
#include <memory>

#include "cann/RingSimulation.h"

class QAction;
class QLabel;
class QMenu;
class QTabWidget;
class QUndoStack;

namespace as::gui {

class RingLab;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    RingLab* ringLab() const { return ring_; }
    QUndoStack* undoStack() const { return undo_; }
    QString currentFile() const { return file_; }

    /// Loads a session; on error shows the message (unless quiet) and keeps the open session.
    /// Returns the error message, empty on success.
    QString openFile(const QString& path, bool quiet = false);
    /// Opens the embedded example session (falls back to default parameters if unavailable).
    void openDefaultSession();
    /// Saves to path; returns the error message, empty on success.
    QString saveTo(const QString& path, bool quiet = false);
    /// Exports a lab view (index into RingLab::exportTargets()) to a figure file.
    QString exportView(int target, const QString& path, QSize pixels = {1600, 1000}, int dpi = 150);
    void setDarkTheme(bool dark);
    bool darkTheme() const { return dark_; }

protected:
    void closeEvent(QCloseEvent* e) override;

private:
    void buildMenus();
    void newSession();
    void openDialog();
    bool save();
    bool saveAs();
    void exportFigureDialog();
    void exportCsvDialog();
    bool maybeSave();
    void setCurrentFile(const QString& path, bool temporary = false);
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void updateTitle();
    QString lastDir() const;

    QTabWidget* tabs_;
    RingLab* ring_;
    QUndoStack* undo_;
    QMenu* recentMenu_ = nullptr;
    QAction* darkAction_ = nullptr;
    QString file_;  ///< empty: untitled (or the embedded example)
    QString displayName_;
    bool dark_ = false;
};

}  // namespace as::gui
