// Issue 17, item 1 "Ctrl+Z does nothing after a parameter edit": real key events with focus in a
// lab's parameter field. After Enter the window's shortcuts reach the main window (Ctrl+Z undoes
// through the shared undo stack, Ctrl+Shift+Z redoes, Ctrl+E opens Export Figure); while an edit
// is still being typed the field keeps its own text undo.
#include <QAbstractSpinBox>
#include <QApplication>
#include <QDialog>
#include <QDoubleSpinBox>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include "app/gui/ring/RingController.h"
#include "app/gui/ring/RingLab.h"
#include "app/gui/shell/MainWindow.h"
#include "app/gui/torus/TorusController.h"
#include "app/gui/torus/TorusLab.h"
#include "tests/app/TestWindow.h"
#include "widgets/common/ExportFigureDialog.h"
#include "widgets/common/ParameterForm.h"

using as::gui::MainWindow;

class TestFieldShortcuts : public QObject {
    Q_OBJECT
  private:
    std::unique_ptr<MainWindow> w_;

    /// Focuses the field as a click would, replaces its text by `text` and presses Enter.
    static void typeAndEnter(QAbstractSpinBox* field, const QString& text, bool enter = true) {
        field->setFocus(Qt::MouseFocusReason);
        QTRY_VERIFY(field->hasFocus());
        field->selectAll();
        QTest::keyClicks(field, text);
        if (enter) QTest::keyClick(field, Qt::Key_Return);
    }
    static void ctrl(QWidget* w, Qt::Key key, bool shift = false) {
        QTest::keyClick(w, key,
                        shift ? Qt::ControlModifier | Qt::ShiftModifier : Qt::ControlModifier);
    }

  private slots:
    void initTestCase() { as::test::useTestSettings("test_field_shortcuts"); }
    void init() {
        w_ = as::test::showMainWindow({.defaultSession = true});
        w_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w_.get()));
    }
    void cleanup() { w_.reset(); }

    void ctrlZUndoesAfterEnterInRingField() {
        auto* ring = w_->findLab<as::gui::RingLab>();
        auto* k = qobject_cast<QDoubleSpinBox*>(ring->cannForm()->editor("k"));
        QVERIFY(k);
        QCOMPARE(ring->controller()->params().k, 8.1);
        QUndoStack* undo = w_->undoStack();
        const int index = undo->index();
        typeAndEnter(k, "20");
        QCOMPARE(ring->controller()->params().k, 20.0);
        QCOMPARE(undo->index(), index + 1);
        QCOMPARE(undo->undoText(), QStringLiteral("Set Global inhibition k to 20"));
        QVERIFY(k->hasFocus());  // focus stayed in the field, as in the steps
        ctrl(k, Qt::Key_Z);
        QCOMPARE(undo->index(), index);
        QCOMPARE(ring->controller()->params().k, 8.1);
        QCOMPARE(k->value(), 8.1);
        ctrl(k, Qt::Key_Z, true);  // Ctrl+Shift+Z redoes
        QCOMPARE(undo->index(), index + 1);
        QCOMPARE(ring->controller()->params().k, 20.0);
        ctrl(k, Qt::Key_Z);
        QCOMPARE(ring->controller()->params().k, 8.1);
    }

    void ctrlZUndoesAfterEnterInTorusField() {
        QVERIFY(w_->showLab("torus"));
        auto* torus = qobject_cast<as::gui::TorusLab*>(w_->currentLab());
        QVERIFY(torus);
        auto* tau = qobject_cast<QDoubleSpinBox*>(torus->form(0)->editor("tau"));
        QVERIFY(tau);
        const double before = torus->controller()->torusParams().tau;
        QVERIFY(before != 2.0);
        QUndoStack* undo = w_->undoStack();
        QCOMPARE(torus->undoStack(), undo);
        const int index = undo->index();
        typeAndEnter(tau, "2");
        QCOMPARE(torus->controller()->torusParams().tau, 2.0);
        QCOMPARE(undo->index(), index + 1);
        ctrl(tau, Qt::Key_Z);
        QCOMPARE(undo->index(), index);
        QCOMPARE(torus->controller()->torusParams().tau, before);
        QCOMPARE(tau->value(), before);
    }

    void ctrlEExportsFromAField() {
        auto* k = qobject_cast<QAbstractSpinBox*>(
            w_->findLab<as::gui::RingLab>()->cannForm()->editor("k"));
        typeAndEnter(k, "9");
        bool dialogShown = false;
        QTimer poll;  // the dialog runs its own event loop: close it from there
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto* d = qobject_cast<as::widgets::ExportFigureDialog*>(
                    QApplication::activeModalWidget())) {
                dialogShown = true;
                d->reject();
            }
        });
        poll.start(20);
        ctrl(k, Qt::Key_E);
        QTRY_VERIFY_WITH_TIMEOUT(dialogShown, 3000);
    }

    void typingKeepsTheFieldsOwnUndo() {
        auto* ring = w_->findLab<as::gui::RingLab>();
        auto* k = qobject_cast<QDoubleSpinBox*>(ring->cannForm()->editor("k"));
        QUndoStack* undo = w_->undoStack();
        typeAndEnter(k, "20");
        const int index = undo->index();
        typeAndEnter(k, "30", false);  // typed, not committed
        ctrl(k, Qt::Key_Z);            // the line edit's own undo, not the stack's
        QCOMPARE(undo->index(), index);
        QCOMPARE(ring->controller()->params().k, 20.0);
        QTest::keyClick(k, Qt::Key_Return);
        QCOMPARE(k->value(), 20.0);  // the typing was undone: nothing new to commit
        QCOMPARE(undo->index(), index);
        ctrl(k, Qt::Key_Z);  // committed again: the stack's undo
        QCOMPARE(ring->controller()->params().k, 8.1);
    }
};

QTEST_MAIN(TestFieldShortcuts)
#include "test_field_shortcuts.moc"
