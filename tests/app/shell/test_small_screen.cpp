// Issue 17, item 5 "It does not fit a 1024×768 projector": the window's minimum size is at most
// 1000×650, and at 1024×700, with normal fonts and in presentation mode, every lab lays out with
// no widget squeezed below its minimum size or reaching outside its parent (docks scroll, charts
// shrink), chart titles whole, every wrapping label's text whole (the SDE prediction line was
// cut), and the SDE distance bars' labels apart.
#include <QAbstractScrollArea>
#include <QApplication>
#include <QChart>
#include <QDebug>
#include <QDockWidget>
#include <QFontMetricsF>
#include <QLabel>
#include <QScrollArea>
#include <QTabBar>
#include <QTest>
#include <QToolBar>

#include "app/gui/framework/Lab.h"
#include "app/gui/shell/MainWindow.h"
#include "tests/app/TestWindow.h"
#include "widgets/common/TraceChart.h"
#include "widgets/ei/EiProtocolChart.h"
#include "widgets/sde/DistanceBars.h"

using as::gui::Lab;
using as::gui::MainWindow;

namespace {
/// No two written values of the bars overlap.
void checkBarsApart(const as::widgets::DistanceBars& bars, const QString& where) {
    const std::vector<QRectF> r = bars.valueLabelRects();
    int written = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (r[i].isEmpty()) continue;
        ++written;
        for (std::size_t j = i + 1; j < r.size(); ++j)
            QVERIFY2(r[j].isEmpty() || !r[i].intersects(r[j]),
                     qPrintable(where + QString(": values %1 and %2 overlap").arg(i).arg(j)));
    }
    QVERIFY2(written >= 1 || bars.highlighted() < 0, qPrintable(where + ": no value written"));
}
QString nameOf(const QWidget* w) {
    QString s = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty()) s += "[" + w->objectName() + "]";
    return s;
}
QString pathOf(const QWidget* w) {
    QStringList parts;
    for (; w; w = w->parentWidget()) parts.prepend(nameOf(w));
    return parts.join('/');
}
/// Inside a scroll area's viewport a widget may be larger than what shows (it scrolls); a toolbar
/// moves what does not fit into its extension menu.
bool mayOverflow(const QWidget* w) {
    for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QAbstractScrollArea*>(p) || qobject_cast<const QToolBar*>(p))
            return true;
        if (qobject_cast<const QTabBar*>(p)) return true;
    }
    return false;
}
}  // namespace

class TestSmallScreen : public QObject {
    Q_OBJECT
  private:
    std::unique_ptr<MainWindow> w_;

    void checkLab(Lab* lab, const QString& mode) {
        QVERIFY(w_->showLab(lab->labId()));
        // The SDE prediction line at its longest, as a run in progress shows it.
        if (auto* p = lab->findChild<QLabel*>("sdePrediction"))
            p->setText("Heading for <b>class 0</b> · true class 0 (t = 2.88 of T = 3)");
        // The E-I figure's caption after a protocol with many results.
        if (auto* c = lab->findChild<as::widgets::EiProtocolChart*>()) {
            QStringList summary;
            for (int i = 0; i < 12; ++i) summary << QString("result_number_%1 = 0.123456").arg(i);
            c->showTable("response", "t,rate\n0,1\n1,2\n", summary.join('\n'));
        }
        QTest::qWait(50);
        QCoreApplication::processEvents();
        // A live lab changes its texts on every frame; a new text's layout pass is a posted event.
        // Deliver those, so the check sees the layout of the texts now shown.
        for (int i = 0; i < 4; ++i)
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCOMPARE(w_->size(), QSize(1024, 700));
        int checked = 0;
        for (QWidget* x : lab->findChildren<QWidget*>()) {
            if (!x->isVisible() || x->isWindow()) continue;
            const QString where = mode + " " + lab->labId() + ": " + pathOf(x);
            if (!mayOverflow(x)) {
                const QRect inParent = x->geometry();
                const QRect parent = x->parentWidget()->rect();
                QVERIFY2(parent.contains(inParent),
                         qPrintable(where + QString(" at %1,%2 %3x%4 in %5x%6")
                                                .arg(inParent.x())
                                                .arg(inParent.y())
                                                .arg(inParent.width())
                                                .arg(inParent.height())
                                                .arg(parent.width())
                                                .arg(parent.height())));
                const QSize min = x->minimumSizeHint().expandedTo(x->minimumSize());
                const bool ignored = x->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored ||
                                     x->sizePolicy().verticalPolicy() == QSizePolicy::Ignored;
                // (Qt's own parts - a spin box's line edit, a dock's title buttons - excepted.)
                const bool qtPart = x->objectName().startsWith("qt_");
                if (min.isValid() && !ignored && !qtPart)
                    QVERIFY2(x->width() >= min.width() && x->height() >= min.height(),
                             qPrintable(where + QString(" is %1x%2, needs %3x%4")
                                                    .arg(x->width())
                                                    .arg(x->height())
                                                    .arg(min.width())
                                                    .arg(min.height())));
            }
            // Every wrapping label shows its whole text (the SDE prediction line was cut).
            if (auto* label = qobject_cast<QLabel*>(x);
                label && label->wordWrap() && !mayOverflow(x))
                QVERIFY2(label->heightForWidth(label->width()) <= label->height() + 1,
                         qPrintable(where +
                                    QString(": text needs %1 px, has %2 px: ")
                                        .arg(label->heightForWidth(label->width()))
                                        .arg(label->height()) +
                                    label->text()));
            if (auto* bars = qobject_cast<as::widgets::DistanceBars*>(x))
                checkBarsApart(*bars, mode + " " + lab->labId());
            if (auto* chart = qobject_cast<as::widgets::TraceChart*>(x)) {
                const QFontMetricsF fm(chart->chart()->titleFont());
                QVERIFY2(fm.horizontalAdvance(chart->chart()->title()) <= chart->width() - 8,
                         qPrintable(where + ": title '" + chart->chart()->title() +
                                    QString("' cut: %1 px at %2 pt in %3 px")
                                        .arg(fm.horizontalAdvance(chart->chart()->title()))
                                        .arg(chart->chart()->titleFont().pointSizeF())
                                        .arg(chart->width())));
            }
            ++checked;
        }
        QVERIFY(checked > 10);
    }

  private slots:
    void initTestCase() {
        as::test::useTestSettings("test_small_screen");
        w_ = std::make_unique<MainWindow>();
        for (Lab* lab : w_->labs()) lab->setPlayWhenFirstShown(false);
        w_->show();
        QVERIFY(QTest::qWaitForWindowExposed(w_.get()));
    }
    void cleanupTestCase() { w_.reset(); }

    void minimumWindowFitsAProjector() {
        for (Lab* lab : w_->labs()) {
            QVERIFY(w_->showLab(lab->labId()));
            const QSize min = w_->minimumSizeHint().expandedTo(w_->minimumSize());
            QVERIFY2(min.width() <= 1000 && min.height() <= 650,
                     qPrintable(lab->labId() +
                                QString(": minimum %1x%2").arg(min.width()).arg(min.height())));
        }
    }

    // "the SDE distance-bar labels overlap (10.610.6…)"
    void distanceBarLabelsNeverOverlap() {
        as::widgets::DistanceBars bars;
        std::vector<double> v;
        for (int i = 0; i < 10; ++i) v.push_back(10.6 + 0.01 * i);
        bars.setValues(v);
        for (int w : {140, 200, 260, 360, 600}) {
            bars.resize(w, 160);
            checkBarsApart(bars, QString("%1 px").arg(w));
            const auto r = bars.valueLabelRects();
            QVERIFY(!r[std::size_t(bars.highlighted())].isEmpty());  // the prediction's value
        }
        bars.resize(900, 160);  // wide: every value
        for (const QRectF& r : bars.valueLabelRects()) QVERIFY(!r.isEmpty());
    }

    void everyLabAt1024x700() {
        w_->resize(1024, 700);
        for (Lab* lab : w_->labs()) checkLab(lab, "normal");
    }

    void everyLabAt1024x700InPresentationMode() {
        w_->setPresentationMode(true);
        w_->resize(1024, 700);
        for (Lab* lab : w_->labs()) checkLab(lab, "presentation");
        w_->setPresentationMode(false);
    }

    // As `attractor-studio --presentation --size 1024x700` starts: the mode is on before the
    // window is first shown.
    void everyLabAt1024x700PresentationFromTheStart() {
        w_ = std::make_unique<MainWindow>();
        for (Lab* lab : w_->labs()) lab->setPlayWhenFirstShown(false);
        w_->setPresentationMode(true);
        w_->resize(1024, 700);
        w_->show();
        QVERIFY(QTest::qWaitForWindowExposed(w_.get()));
        for (Lab* lab : w_->labs()) checkLab(lab, "presentation from the start");
    }
};

QTEST_MAIN(TestSmallScreen)
#include "test_small_screen.moc"
