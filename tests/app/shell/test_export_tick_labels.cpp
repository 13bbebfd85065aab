// Issue 17, item 3 "Unreadable axes", in figures: every view of every lab exported to PNG (and the
// whole lab to SVG and PDF), at the default window size and at 1024×700; no chart draws an elided
// tick label ("5…", "87…") and every label is a plain number from the shared tick formatter (no
// "1.2215e+05").
#include <QApplication>
#include <QChart>
#include <QFile>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include "app/gui/framework/Lab.h"
#include "app/gui/shell/MainWindow.h"
#include "tests/app/TestWindow.h"
#include "widgets/common/TraceChart.h"

using as::gui::Lab;
using as::gui::MainWindow;
using as::widgets::TraceChart;

namespace {
bool elided(const QString& s) {
    return s.endsWith(QStringLiteral("...")) || s.contains(QChar(0x2026));
}
/// The text before the ellipsis.
QString stem(const QString& s) {
    return s.endsWith(QStringLiteral("...")) ? s.chopped(3) : s.left(s.indexOf(QChar(0x2026)));
}
}  // namespace

class TestExportTickLabels : public QObject {
    Q_OBJECT
  private:
    std::unique_ptr<MainWindow> w_;

    /// Every tick label the lab's charts show is plain and drawn whole.
    void checkCharts(Lab* lab, const QString& where) {
        for (TraceChart* c : lab->findChildren<TraceChart*>()) {
            if (!c->isVisible()) continue;
            ++chartsChecked_;
            const QStringList ticks = c->xTickLabels() + c->yTickLabels();
            QStringList drawn;
            for (QGraphicsItem* it : c->chart()->scene()->items())
                if (auto* t = dynamic_cast<QGraphicsTextItem*>(it); t && t->isVisible())
                    drawn << t->toPlainText();
            const QString name = where + " / " + c->chart()->title();
            for (const QString& l : ticks) {
                QVERIFY2(!l.contains('e') && !elided(l), qPrintable(name + ": " + l));
                // An elided label is drawn as a prefix of its text and "...".
                for (const QString& d : drawn)
                    QVERIFY2(!elided(d) || !l.startsWith(stem(d)),
                             qPrintable(name + ": drawn '" + d + "' for tick " + l));
            }
        }
    }

    int chartsChecked_ = 0;

    /// At this window size, each view of each lab as PNG, and the whole lab (view 0, with every
    /// chart) also in `wholeFormats`.
    void exportEveryView(const QSize& window, const QStringList& wholeFormats) {
        w_->resize(window);
        QTemporaryDir dir;
        for (Lab* lab : w_->labs()) {
            QVERIFY(w_->showLab(lab->labId()));
            QTest::qWait(300);  // a few frames of data in the charts
            lab->pause();
            const auto targets = lab->exportTargets();
            for (int i = 0; i < int(targets.size()); ++i)
                for (const QString& suffix :
                     i == 0 ? QStringList{"png"} + wholeFormats : QStringList{"png"}) {
                    const QString path =
                        dir.filePath(QString("%1-%2.%3").arg(lab->labId()).arg(i).arg(suffix));
                    QCOMPARE(w_->exportView(i, path, QSize(640, 0)), QString());  // small: fast
                    QVERIFY(QFile(path).size() > 0);
                    const QString where = QString("%1 %2x%3 %4 (%5)")
                                              .arg(lab->labId())
                                              .arg(window.width())
                                              .arg(window.height())
                                              .arg(targets[std::size_t(i)].first)
                                              .arg(suffix);
                    checkCharts(lab, where);
                    if (QTest::currentTestFailed()) return;
                }
        }
    }

  private slots:
    void initTestCase() {
        as::test::useTestSettings("test_export_tick_labels");
        w_ = std::make_unique<MainWindow>();
        w_->show();
        QVERIFY(QTest::qWaitForWindowExposed(w_.get()));
    }
    void cleanupTestCase() { w_.reset(); }

    void defaultWindow() {
        exportEveryView(QSize(1500, 920), {"svg", "pdf"});
        QVERIFY(chartsChecked_ > 20);
    }
    void smallScreen() { exportEveryView(QSize(1024, 700), {"pdf"}); }
};

QTEST_MAIN(TestExportTickLabels)
#include "test_export_tick_labels.moc"
