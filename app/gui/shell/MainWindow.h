#pragma once
// The application window: one tab per lab (framework/Lab.h, listed in LabRegistry.cpp), File / Edit
// / View / Help menus, sessions (New, Open, Save, Save As, Recent: one file holds every lab's
// group), figure and CSV export of the current lab, and the status bar.
#include <QMainWindow>
#include <memory>
#include <vector>

#include "widgets/common/FigureExport.h"

class QAction;
class QLabel;
class QMenu;
class QTabWidget;
class QUndoStack;

namespace as::gui {

class GuidedTour;
class Lab;
class SweepWindow;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The lab of type T (tests, start-up options), or nullptr.
    template <class T>
    T* findLab() const {
        for (Lab* lab : labs_)
            if (auto* t = qobject_cast<T*>(lab)) return t;
        return nullptr;
    }
    const std::vector<Lab*>& labs() const { return labs_; }
    Lab* currentLab() const;
    /// Makes the lab with this id the current tab; false if there is none.
    bool showLab(const QString& labId);
    QUndoStack* undoStack() const { return undo_; }
    QString currentFile() const { return file_; }

    /// Loads a session; on error shows the message (unless quiet) and keeps the open session.
    /// Returns the error message, empty on success.
    QString openFile(const QString& path, bool quiet = false);
    /// File → Open Sweep: a window on a merged sweep; nullptr (and the message, unless quiet) if
    /// the file cannot be read.
    SweepWindow* openSweep(const QString& path, bool quiet = false);
    /// Opens the embedded example session (falls back to default parameters if unavailable).
    void openDefaultSession();
    /// Saves to path; returns the error message, empty on success.
    QString saveTo(const QString& path, bool quiet = false);
    /// Exports a view of the current lab (index into Lab::exportTargets()) to a figure file, in
    /// the light theme; a PNG height of 0 follows the view's aspect.
    QString exportView(int target, const QString& path, QSize pixels = {1600, 0}, int dpi = 150);
    /// The same with every option (format, size, dpi, theme); the screen keeps its theme.
    QString exportFigure(int target, const QString& path, const widgets::FigureOptions& options);
    void setDarkTheme(bool dark);
    bool darkTheme() const { return dark_; }
    static constexpr double kPresentationFontScale = 1.4;
    /// Large fonts for teaching in front of a class (the application font scaled by 1.4).
    void setPresentationMode(bool on);
    /// Starts the current lab's guided tour; false if it has none.
    bool startTour();
    GuidedTour* tour() const { return tour_; }

  protected:
    void closeEvent(QCloseEvent* e) override;

  private:
    void addLab(Lab* lab);
    void currentLabChanged(int index);
    /// Loads every lab from a session file (all validated before any is applied); returns the
    /// error message, empty on success.
    QString loadSession(const QString& path);
    void buildMenus();
    /// View → one submenu per lab listing its docks and toolbars (shown or hidden).
    void addPanelMenus(QMenu* view);
    static void fillPanelMenu(QMenu* menu, QMainWindow* lab);
    void newSession();
    void openDialog();
    void openSweepDialog();
    bool save();
    bool saveAs();
    void exportFigureDialog();
    void exportCsvDialog();
    void exportSpikesDialog();
    bool maybeSave();
    void setCurrentFile(const QString& path, bool temporary = false);
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void updateTitle();
    QString lastDir() const;

    QTabWidget* tabs_;
    std::vector<Lab*> labs_;
    QUndoStack* undo_;
    QMenu* recentMenu_ = nullptr;
    QAction* darkAction_ = nullptr;
    QAction* exportSpikesAction_ = nullptr;
    QAction* presentationAction_ = nullptr;
    GuidedTour* tour_ = nullptr;
    double baseFontPt_ = 0;
    QString file_;  ///< empty: untitled (or the embedded example)
    QString displayName_;
    bool dark_ = false;
};

}  // namespace as::gui
