// Issue 17, item 9 "Smaller items", one test each: the dark theme's Pause and Step icons, the SDE
// lab playing a new stroke or corruption from t = 0, charts after Reset while paused, the
// Surrogate progress bar after Cancel, F1 tours in every lab, the torus cube inside its view, and
// a refused surrogate model file in a message box.
#include <QAction>
#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QDockWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include "app/gui/framework/GuidedTour.h"
#include "app/gui/ring/RingController.h"
#include "app/gui/ring/RingLab.h"
#include "app/gui/sde/SdeController.h"
#include "app/gui/sde/SdeInputPanel.h"
#include "app/gui/sde/SdeLab.h"
#include "app/gui/shell/MainWindow.h"
#include "app/gui/surrogate/SurrogateController.h"
#include "app/gui/surrogate/SurrogateLab.h"
#include "app/gui/torus/TorusLab.h"
#include "surrogate/SurrogateSnapshot.h"
#include "tests/app/TestWindow.h"
#include "tests/app/WriteFile.h"
#include "widgets/common/ParameterForm.h"
#include "widgets/common/TraceChart.h"
#include "widgets/sde/DigitCanvas.h"
#include "widgets/torus/PointCloudView.h"

using namespace as::gui;

namespace {
/// Mean |lightness difference| between an icon's opaque pixels and the background.
double contrast(const QIcon& icon, const QColor& bg) {
    const QImage img = icon.pixmap(QSize(24, 24)).toImage().convertToFormat(QImage::Format_ARGB32);
    double sum = 0;
    int n = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const QRgb p = img.pixel(x, y);
            if (qAlpha(p) < 128) continue;
            sum += std::abs(QColor(p).lightness() - bg.lightness());
            ++n;
        }
    return n ? sum / n : 0;
}
QAction* actionNamed(QWidget* lab, const QString& text) {
    for (QToolBar* tb : lab->findChildren<QToolBar*>())
        for (QAction* a : tb->actions())
            if (a->text() == text) return a;
    return nullptr;
}
}  // namespace

class TestSmallItems : public QObject {
    Q_OBJECT
  private:
    std::unique_ptr<MainWindow> w_;

  private slots:
    void initTestCase() {
        w_ = as::test::openMainWindow("test_small_items", {.play = false});
        QVERIFY(w_);
    }
    void cleanupTestCase() { w_.reset(); }

    // "the dark theme's Pause and Step icons are black on dark grey"
    void darkThemePauseAndStepIconsAreVisible() {
        w_->setDarkTheme(true);
        const QColor bg = QApplication::palette().color(QPalette::Window);
        for (const QString id : {"ring", "torus", "sde"}) {
            QVERIFY(w_->showLab(id));
            Lab* lab = w_->currentLab();
            lab->play();
            QTRY_VERIFY(actionNamed(lab, "Pause"));
            for (const QString name : {"Pause", "Step"}) {
                QAction* a = actionNamed(lab, name);
                QVERIFY2(a, qPrintable(id + ": " + name));
                QVERIFY2(
                    contrast(a->icon(), bg) > 90,
                    qPrintable(QString("%1 %2: %3").arg(id, name).arg(contrast(a->icon(), bg))));
            }
            lab->pause();
            QTRY_VERIFY(actionNamed(lab, "Play"));
        }
        w_->setDarkTheme(false);  // and dark icons again on the light theme
        const QColor light = QApplication::palette().color(QPalette::Window);
        QAction* step = actionNamed(w_->findLab<RingLab>(), "Step");
        QVERIFY(contrast(step->icon(), light) > 90);
    }

    // "a finished stroke or a new corruption resets to t = 0 but does not play"
    void sdeStrokeOrCorruptionPlaysFromZero() {
        QVERIFY(w_->showLab("sde"));
        auto* sde = w_->findLab<SdeLab>();
        SdeController* c = sde->controller();
        auto* panel = sde->findChild<SdeInputPanel*>();
        auto* canvas = sde->findChild<as::widgets::DigitCanvas*>();
        QVERIFY(panel && canvas);
        QComboBox* corruption = nullptr;
        for (auto* box : panel->findChildren<QComboBox*>())
            if (box->toolTip().contains("corruption")) corruption = box;
        QVERIFY(corruption);
        for (int round = 0; round < 2; ++round) {
            c->play();
            QTRY_VERIFY(c->latest() && c->latest()->step > 20);
            c->pause();
            QTRY_VERIFY(!c->isPlaying());
            QTest::qWait(50);
            const long before = c->latest()->step;
            if (round == 0)
                emit canvas->strokeFinished();
            else
                corruption->setCurrentIndex((corruption->currentIndex() + 1) % corruption->count());
            QTRY_VERIFY(c->isPlaying());
            // From t = 0: fewer steps than before the change, and counting.
            QTRY_VERIFY(c->latest()->step < before);
            QTRY_VERIFY(c->latest()->step > 0);
        }
        c->pause();
        QTRY_VERIFY(!c->isPlaying());
    }

    // "after Reset while paused, charts keep the old time range"
    void resetWhilePausedShowsTheNewTimeRange() {
        QVERIFY(w_->showLab("ring"));
        auto* ring = w_->findLab<RingLab>();
        ring->controller()->play();
        QTRY_VERIFY_WITH_TIMEOUT(
            ring->controller()->latest() && ring->controller()->latest()->t > 150, 8000);
        ring->controller()->pause();
        QTRY_VERIFY(!ring->controller()->isPlaying());
        QTest::qWait(100);
        actionNamed(ring, "Reset")->trigger();
        QTRY_VERIFY(ring->controller()->latest()->t < 1);
        QTest::qWait(200);  // a few redraws
        for (auto* chart : ring->findChildren<as::widgets::TraceChart*>()) {
            auto* x = qobject_cast<QValueAxis*>(chart->chart()->axes(Qt::Horizontal).value(0));
            QVERIFY(x);
            QVERIFY2(x->max() < 100, qPrintable(chart->chart()->title() +
                                                QString(": %1..%2").arg(x->min()).arg(x->max())));
        }
    }

    // "the Surrogate progress bar reads 100 % after Cancel"
    void surrogateProgressAfterCancelIsNotFull() {
        QVERIFY(w_->showLab("surrogate"));
        auto* sur = w_->findLab<SurrogateLab>();
        auto* form = sur->findChild<as::widgets::ParameterForm*>();
        QVERIFY(form);
        form->setValue("max_epochs", 10000);
        form->setValue("patience", 10000);
        for (auto* spin : sur->findChildren<QSpinBox*>())
            if (spin->maximum() == 2000) spin->setValue(spin->minimum());  // sequences: fewest
        QPushButton *train = nullptr, *cancel = nullptr;
        for (auto* b : sur->findChildren<QPushButton*>()) {
            if (b->text() == "Train") train = b;
            if (b->text() == "Cancel") cancel = b;
        }
        QVERIFY(train && cancel);
        auto* bar = sur->findChild<QProgressBar*>();
        QVERIFY(bar);
        train->click();
        QTRY_VERIFY_WITH_TIMEOUT(sur->controller()->latest()->epoch >= 1, 8000);
        QVERIFY(cancel->isEnabled());
        cancel->click();
        QTRY_VERIFY_WITH_TIMEOUT(train->isEnabled(), 8000);
        QTest::qWait(100);
        QVERIFY2(!sur->controller()->latest()->trainCompleted,
                 sur->controller()->latest()->trainMessage.c_str());
        QVERIFY2(bar->value() < 100, qPrintable(QString::number(bar->value())));
    }

    // "F1 in the Torus and Surrogate labs says no guided tour yet": every lab has one.
    void f1StartsATourInEveryLab() {
        for (Lab* lab : w_->labs()) {
            QVERIFY(w_->showLab(lab->labId()));
            QTest::keyClick(w_.get(), Qt::Key_F1);
            QVERIFY2(w_->tour() && w_->tour()->isVisible(), qPrintable(lab->labId()));
            QVERIFY2(lab->tourSteps().size() >= 4, qPrintable(lab->labId()));
            // Every step's action runs.
            for (std::size_t i = 1; i < lab->tourSteps().size(); ++i) w_->tour()->next();
            w_->tour()->close();
            lab->pause();
        }
    }

    // "the torus 3D cube is clipped at the bottom"
    void torusCubeFitsItsView() {
        as::widgets::PointCloudView view("cube");
        for (QSize size : {QSize(500, 330), QSize(330, 500), QSize(200, 160), QSize(700, 700)})
            for (double yaw : {0.0, 35.0, 45.0, 120.0})
                for (double pitch : {-60.0, 0.0, 25.0, 60.0, 89.0}) {
                    view.resize(size);
                    view.setRotation(yaw, pitch);
                    for (int i = 0; i < 8; ++i) {
                        const QPointF p = view.project(i & 1 ? 1.f : -1.f, i & 2 ? 1.f : -1.f,
                                                       i & 4 ? 1.f : -1.f);
                        QVERIFY2(p.x() >= 0 && p.x() <= size.width() && p.y() >= 20 &&
                                     p.y() <= size.height(),
                                 qPrintable(QString("%1x%2 yaw %3 pitch %4: corner %5 at %6,%7")
                                                .arg(size.width())
                                                .arg(size.height())
                                                .arg(yaw)
                                                .arg(pitch)
                                                .arg(i)
                                                .arg(p.x())
                                                .arg(p.y())));
                    }
                }
    }

    // "a refused model file in the Surrogate lab is shown only in the status bar"
    void refusedSurrogateModelShowsAMessageBox() {
        QVERIFY(w_->showLab("surrogate"));
        auto* sur = w_->findLab<SurrogateLab>();
        QTemporaryDir dir;
        const QString bad = dir.filePath("not-a-model.h5");
        QVERIFY(as::test::writeFile(bad, "this is not HDF5"));
        sur->loadModel(bad);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = sur->findChild<QMessageBox*>("fileErrorDialog")) && box->isVisible());
        QVERIFY2(box->text().contains("not-a-model.h5"), qPrintable(box->text()));
        box->close();
    }
};

QTEST_MAIN(TestSmallItems)
#include "test_small_items.moc"
