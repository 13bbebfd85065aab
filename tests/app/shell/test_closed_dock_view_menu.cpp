// Issue 17, item 7 "A closed dock cannot be found again": View lists every dock and toolbar of
// every lab (one submenu per lab); closing the E-I Protocols dock (with its Run button) and
// triggering its View entry brings it back, and so for every closable dock and every toolbar.
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QPushButton>
#include <QTest>
#include <QToolBar>

#include "app/gui/framework/Lab.h"
#include "app/gui/shell/MainWindow.h"
#include "tests/app/TestWindow.h"

using as::gui::Lab;
using as::gui::MainWindow;

class TestClosedDockViewMenu : public QObject {
    Q_OBJECT
  private:
    std::unique_ptr<MainWindow> w_;
    /// The View entry of `panel` (a dock or toolbar) in its lab's submenu, as the menu shows it.
    QAction* viewEntry(Lab* lab, QAction* toggle) {
        auto* menu = w_->findChild<QMenu*>(QStringLiteral("panelsMenu_") + lab->labId());
        if (!menu) return nullptr;
        emit menu->aboutToShow();
        return menu->actions().contains(toggle) ? toggle : nullptr;
    }

  private slots:
    void initTestCase() {
        w_ = as::test::openMainWindow("test_closed_dock_view_menu", {.play = false});
        QVERIFY(w_);
    }
    void cleanupTestCase() { w_.reset(); }

    // The steps: E-I lab, close Protocols, View → E-I → Protocols: Run is back.
    void protocolsDockComesBack() {
        QVERIFY(w_->showLab("ei"));
        Lab* ei = w_->currentLab();
        QDockWidget* dock = nullptr;
        for (auto* d : ei->findChildren<QDockWidget*>())
            if (d->windowTitle() == "Protocols") dock = d;
        QVERIFY(dock);
        QVERIFY(dock->isVisible());
        dock->close();
        QVERIFY(!dock->isVisible());
        QAction* entry = viewEntry(ei, dock->toggleViewAction());
        QVERIFY(entry);
        QVERIFY(!entry->isChecked());
        w_->showLab("ring");  // from another tab: the entry shows the E-I lab too
        entry->trigger();
        QCOMPARE(w_->currentLab(), ei);
        QVERIFY(dock->isVisible());
        bool runVisible = false;
        for (auto* b : dock->findChildren<QPushButton*>())
            runVisible |= b->text().contains("Run") && b->isVisible();
        QVERIFY(runVisible);
    }

    // Every lab's docks and toolbars are listed; each closed one comes back from its entry.
    void everyPanelOfEveryLabComesBack() {
        for (Lab* lab : w_->labs()) {
            QVERIFY(w_->showLab(lab->labId()));
            QList<QWidget*> panels;
            for (auto* d : lab->findChildren<QDockWidget*>()) panels << d;
            for (auto* b : lab->findChildren<QToolBar*>()) panels << b;
            for (QWidget* p : panels) {
                QAction* toggle = qobject_cast<QDockWidget*>(p)
                                      ? qobject_cast<QDockWidget*>(p)->toggleViewAction()
                                      : qobject_cast<QToolBar*>(p)->toggleViewAction();
                QAction* entry = viewEntry(lab, toggle);
                QVERIFY2(entry, qPrintable(lab->labId() + ": " + p->windowTitle()));
                auto* dock = qobject_cast<QDockWidget*>(p);
                if (dock && !dock->features().testFlag(QDockWidget::DockWidgetClosable))
                    continue;  // listed, but the user cannot close it (its entry is disabled)
                p->hide();
                entry->trigger();
                QVERIFY2(p->isVisible(), qPrintable(lab->labId() + ": " + p->windowTitle()));
            }
        }
    }
};

QTEST_MAIN(TestClosedDockViewMenu)
#include "test_closed_dock_view_menu.moc"
