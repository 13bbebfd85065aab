#include "app/gui/shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryFile>
#include <QToolBar>
#include <QUndoStack>
#include <algorithm>
#include <functional>

#include "app/gui/framework/GuidedTour.h"
#include "app/gui/framework/Lab.h"
#include "app/gui/shell/AboutDialog.h"
#include "app/gui/shell/LabRegistry.h"
#include "app/gui/shell/Settings.h"
#include "app/gui/shell/SweepWindow.h"
#include "app/gui/shell/Theme.h"
#include "io/SessionFile.h"
#include "widgets/common/ExportFigureDialog.h"
#include "widgets/common/FieldShortcuts.h"
#include "widgets/common/FigureExport.h"
#include "widgets/common/PresentationScale.h"
#include "widgets/common/ThemedIcons.h"

static void initResources() {
    Q_INIT_RESOURCE(resources);
}

namespace as::gui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), tabs_(new QTabWidget), undo_(new QUndoStack(this)) {
    initResources();
    // The window's shortcuts work with focus in a parameter field once its edit is committed.
    qApp->installEventFilter(new widgets::FieldShortcuts(this));
    setWindowIcon(QIcon(":/icons/attractor-studio.svg"));
    tabs_->setDocumentMode(true);
    setCentralWidget(tabs_);
    for (const LabFactory& make : registeredLabs()) addLab(make(undo_));
    connect(tabs_, &QTabWidget::currentChanged, this, &MainWindow::currentLabChanged);
    currentLabChanged(tabs_->currentIndex());
    connect(undo_, &QUndoStack::cleanChanged, this, [this] { updateTitle(); });
    buildMenus();
    if (currentLab()) exportSpikesAction_->setEnabled(currentLab()->canExportSpikes());
    QSettings st;
    dark_ = st.value(settings::kDarkTheme, false).toBool();
    setDarkTheme(dark_);
    if (st.value(settings::kPresentation, false).toBool()) setPresentationMode(true);
    if (!restoreGeometry(st.value(settings::kGeometry).toByteArray())) resize(1500, 920);
    setCurrentFile({});
}

MainWindow::~MainWindow() = default;

void MainWindow::addLab(Lab* lab) {
    labs_.push_back(lab);
    tabs_->addTab(lab, lab->title());
    statusBar()->addPermanentWidget(lab->statusWidget());
    connect(lab, &Lab::statusMessage, this, [this, lab](const QString& t, int ms) {
        if (lab == currentLab()) statusBar()->showMessage(t, ms);  // hidden labs stay quiet
    });
}

Lab* MainWindow::currentLab() const {
    return qobject_cast<Lab*>(tabs_->currentWidget());
}

bool MainWindow::showLab(const QString& labId) {
    for (Lab* lab : labs_)
        if (lab->labId() == labId) {
            tabs_->setCurrentWidget(lab);
            return true;
        }
    for (Lab* lab : labs_)  // a part of a lab, e.g. the Torus lab's "hd2d" page
        if (lab->showSection(labId)) {
            tabs_->setCurrentWidget(lab);
            return true;
        }
    return false;
}

void MainWindow::currentLabChanged(int index) {
    // Only the visible lab runs (two cores are shared by every lab) and shows its status widgets;
    // a message one lab left in the status bar does not belong to the next.
    statusBar()->clearMessage();
    if (exportSpikesAction_ && currentLab())
        exportSpikesAction_->setEnabled(currentLab()->canExportSpikes());
    for (Lab* lab : labs_) {
        const bool current = tabs_->indexOf(lab) == index;
        lab->statusWidget()->setVisible(current);
        lab->setActive(current);
    }
}

void MainWindow::openSweepDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a merged sweep"), QString(),
        tr("Merged sweeps (*_merged.h5);;HDF5 files (*.h5);;All files (*)"));
    if (!path.isEmpty()) openSweep(path);
}

SweepWindow* MainWindow::openSweep(const QString& path, bool quiet) {
    QString err;
    SweepWindow* w = SweepWindow::open(path, this, &err);
    if (!w) {
        statusBar()->showMessage(err, 10000);
        if (!quiet) QMessageBox::warning(this, tr("Could not open the sweep"), err);
        return nullptr;
    }
    w->setDark(darkAction_->isChecked());
    w->show();
    return w;
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, &MainWindow::newSession);
    file->addAction(tr("&Open\u2026"), QKeySequence::Open, this, &MainWindow::openDialog);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open S&weep\u2026"), this, [this] { openSweepDialog(); });
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &As\u2026"), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    file->addSeparator();
    file->addAction(tr("Export &Figure\u2026"), QKeySequence(tr("Ctrl+E")), this,
                    &MainWindow::exportFigureDialog);
    file->addAction(tr("Export &CSV\u2026"), this, &MainWindow::exportCsvDialog);
    exportSpikesAction_ = file->addAction(tr("Export &Spikes (SONATA, CSV)\u2026"), this,
                                          &MainWindow::exportSpikesDialog);
    exportSpikesAction_->setObjectName(QStringLiteral("exportSpikesAction"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    rebuildRecentMenu();

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = undo_->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = undo_->createRedoAction(this, tr("&Redo"));
    // Ctrl+Shift+Z everywhere, plus the platform's Redo keys (X11's already hold Ctrl+Shift+Z:
    // one key twice on an action is an "ambiguous shortcut" that Qt refuses to trigger).
    QList<QKeySequence> redoKeys{QKeySequence(tr("Ctrl+Shift+Z"))};
    for (const QKeySequence& k : QKeySequence::keyBindings(QKeySequence::Redo))
        if (!redoKeys.contains(k)) redoKeys << k;
    redo->setShortcuts(redoKeys);
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    darkAction_ = view->addAction(tr("&Dark Theme"));
    darkAction_->setCheckable(true);
    darkAction_->setChecked(QSettings().value(settings::kDarkTheme, false).toBool());
    connect(darkAction_, &QAction::triggered, this, [this](bool on) {
        setDarkTheme(on);
        QSettings().setValue(settings::kDarkTheme, on);
    });

    presentationAction_ = view->addAction(tr("&Presentation Mode (large fonts)"));
    presentationAction_->setCheckable(true);
    presentationAction_->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    connect(presentationAction_, &QAction::triggered, this, [this](bool on) {
        setPresentationMode(on);
        QSettings().setValue(settings::kPresentation, on);
    });

    addPanelMenus(view);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Guided Tour of This Lab"), QKeySequence(Qt::Key_F1), this, [this] {
        if (!startTour()) statusBar()->showMessage(tr("This lab has no guided tour yet."), 5000);
    });
    help->addAction(tr("&About Attractor Studio"), this, [this] { showAboutDialog(this); });
}

void MainWindow::addPanelMenus(QMenu* view) {
    // One submenu per lab with its docks and toolbars (toggleViewAction), read when the menu
    // opens, so a closed dock (the E-I Protocols dock with its Run button) can be shown again.
    view->addSeparator();
    for (Lab* lab : labs_) {
        QMenu* m = view->addMenu(lab->title());
        m->setObjectName(QStringLiteral("panelsMenu_") + lab->labId());
        connect(m, &QMenu::aboutToShow, this, [m, lab] { fillPanelMenu(m, lab); });
        // Showing a panel shows its lab: a panel of a hidden tab would appear nowhere.
        connect(m, &QMenu::triggered, this, [this, lab](QAction* a) {
            if (a->isChecked()) tabs_->setCurrentWidget(lab);
        });
        fillPanelMenu(m, lab);
    }
}

void MainWindow::fillPanelMenu(QMenu* menu, QMainWindow* lab) {
    menu->clear();
    for (QDockWidget* d : lab->findChildren<QDockWidget*>()) menu->addAction(d->toggleViewAction());
    const QList<QToolBar*> bars = lab->findChildren<QToolBar*>();
    if (!bars.isEmpty()) menu->addSeparator();
    for (QToolBar* b : bars) menu->addAction(b->toggleViewAction());
    menu->setEnabled(!menu->isEmpty());
}

void MainWindow::setPresentationMode(bool on) {
    if (baseFontPt_ <= 0) baseFontPt_ = QApplication::font().pointSizeF();
    if (presentationAction_) presentationAction_->setChecked(on);
    const double scale = on ? kPresentationFontScale : 1.0;
    qApp->setProperty(widgets::kPresentationScaleProperty, scale);
    QFont f = QApplication::font();
    f.setPointSizeF(baseFontPt_ * scale);
    QApplication::setFont(f);
    widgets::applyRelativeFonts();  // headings and other widgets sized relative to the rest
}

bool MainWindow::startTour() {
    Lab* lab = currentLab();
    if (!lab) return false;
    std::vector<TourStep> steps = lab->tourSteps();
    if (steps.empty()) return false;
    if (!tour_) {
        tour_ = new GuidedTour(this);
        addDockWidget(Qt::BottomDockWidgetArea, tour_);
    }
    tour_->start(lab->title(), std::move(steps));
    resizeDocks({tour_}, {tour_->sizeHint().height()}, Qt::Vertical);  // no taller than its text
    return true;
}

void MainWindow::setDarkTheme(bool dark) {
    dark_ = dark;
    if (darkAction_) darkAction_->setChecked(dark);
    applyTheme(dark);
    for (Lab* lab : labs_) {
        lab->setDark(dark);
        widgets::retintIcons(lab);  // Fusion's black media icons, light on the dark theme
    }
    for (SweepWindow* w : findChildren<SweepWindow*>()) w->setDark(dark);
}

// --- sessions ------------------------------------------------------------------------------

QString MainWindow::loadSession(const QString& path) {
    try {
        as::SessionReader reader(QFile::encodeName(path).toStdString());
        std::vector<std::function<void()>> apply;
        for (Lab* lab : labs_) {
            const QStringList groups = lab->sessionGroups();
            if (std::any_of(groups.begin(), groups.end(),
                            [&](const QString& g) { return reader.hasGroup(g.toStdString()); }))
                apply.push_back(reader.read([lab](hid_t root) { return lab->prepareLoad(root); }));
            else
                apply.push_back([lab] { lab->resetToDefaults(); });
        }
        for (auto& a : apply) a();  // every lab validated: now swap them in
        showLab(QString::fromStdString(reader.lab()));
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

QString MainWindow::openFile(const QString& path, bool quiet) {
    const QString msg = loadSession(path);
    if (!msg.isEmpty()) {
        if (!quiet) QMessageBox::warning(this, tr("Could not open session"), msg);
        statusBar()->showMessage(tr("Open failed; the current session is unchanged."), 8000);
        return msg;
    }
    setCurrentFile(path);
    addRecent(path);
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    return {};
}

void MainWindow::openDefaultSession() {
    QTemporaryFile tmp(QDir::tempPath() + "/attractor-studio-XXXXXX.h5");
    QFile res(":/sessions/default_ring.h5");
    QString error = tr("the embedded example session is missing");
    if (res.exists() && tmp.open() && res.open(QIODevice::ReadOnly)) {
        tmp.write(res.readAll());
        tmp.flush();
        error = loadSession(tmp.fileName());
        if (error.isEmpty()) {
            setCurrentFile({}, true);
            return;
        }
    }
    statusBar()->showMessage(tr("Started with default parameters (%1)").arg(error), 8000);
}

void MainWindow::newSession() {
    if (!maybeSave()) return;
    for (Lab* lab : labs_) lab->resetToDefaults();
    setCurrentFile({});
}

void MainWindow::openDialog() {
    if (!maybeSave()) return;
    const QString f =
        QFileDialog::getOpenFileName(this, tr("Open Session"), lastDir(),
                                     tr("Attractor Studio sessions (*.h5 *.hdf5);;All files (*)"));
    if (!f.isEmpty()) openFile(f);
}

QString MainWindow::saveTo(const QString& path, bool quiet) {
    QString err;
    try {
        as::SessionWriter writer(QFile::encodeName(path).toStdString(),
                                 currentLab()->labId().toStdString());
        for (Lab* lab : labs_) writer.write([lab](hid_t root) { lab->writeSession(root); });
        writer.commit();
    } catch (const std::exception& e) {
        err = QString::fromUtf8(e.what());
    }
    if (!err.isEmpty()) {
        if (!quiet) QMessageBox::warning(this, tr("Could not save session"), err);
        return err;
    }
    undo_->setClean();
    setCurrentFile(path);
    addRecent(path);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return {};
}

bool MainWindow::save() {
    return file_.isEmpty() ? saveAs() : saveTo(file_).isEmpty();
}

bool MainWindow::saveAs() {
    QString f = QFileDialog::getSaveFileName(this, tr("Save Session"),
                                             file_.isEmpty() ? lastDir() + "/session.h5" : file_,
                                             tr("Attractor Studio sessions (*.h5)"));
    if (f.isEmpty()) return false;
    if (QFileInfo(f).suffix().isEmpty()) f += ".h5";
    return saveTo(f).isEmpty();
}

bool MainWindow::maybeSave() {
    if (!isWindowModified()) return true;
    const auto r = QMessageBox::question(
        this, tr("Unsaved changes"), tr("The session has unsaved parameter changes. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (r == QMessageBox::Save) return save();
    return r == QMessageBox::Discard;
}

void MainWindow::setCurrentFile(const QString& path, bool example) {
    file_ = path;
    displayName_ = path.isEmpty() ? (example ? tr("Example session") : tr("Untitled"))
                                  : QFileInfo(path).fileName();
    undo_->setClean();
    updateTitle();
}

void MainWindow::updateTitle() {
    setWindowModified(!undo_->isClean());
    setWindowTitle(tr("%1[*] \u2014 Attractor Studio").arg(displayName_));
}

QString MainWindow::lastDir() const {
    return QSettings().value(settings::kLastDirectory, QDir::homePath()).toString();
}

void MainWindow::addRecent(const QString& path) {
    QSettings st;
    QStringList list = st.value(settings::kRecentSessions).toStringList();
    const QString abs = QFileInfo(path).absoluteFilePath();
    list.removeAll(abs);
    list.prepend(abs);
    while (list.size() > settings::kMaxRecent) list.removeLast();
    st.setValue(settings::kRecentSessions, list);
    st.setValue(settings::kLastDirectory, QFileInfo(abs).path());
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList list = QSettings().value(settings::kRecentSessions).toStringList();
    int i = 1;
    for (const QString& f : list)
        recentMenu_
            ->addAction(QStringLiteral("&%1 %2").arg(i++).arg(QFileInfo(f).fileName()), this,
                        [this, f] {
                            if (maybeSave()) openFile(f);
                        })
            ->setToolTip(f);
    recentMenu_->setEnabled(!list.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent* e) {
    if (!maybeSave()) {
        e->ignore();
        return;
    }
    QSettings().setValue(settings::kGeometry, saveGeometry());
    e->accept();
}

}  // namespace as::gui
