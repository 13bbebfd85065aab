// FigureExport writes a PNG of the chosen pixel size and DPI, and non-empty SVG and PDF files.
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>
#include <cmath>

#include "FigureExport.h"
#include "RingView.h"

using namespace as::widgets;

class TestFigureExport : public QObject {
    Q_OBJECT
  private slots:
    void writesAllFormats() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QWidget w;
        auto* lay = new QVBoxLayout(&w);
        lay->addWidget(new QLabel("Ring"));
        lay->addWidget(new RingView);
        w.resize(400, 300);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        const QString png = dir.filePath("fig.png");
        QCOMPARE(FigureExport::toPng(&w, png, QSize(1200, 900), 300), QString());
        QImage img(png);
        QCOMPARE(img.size(), QSize(1200, 900));
        QCOMPARE(std::lround(img.dotsPerMeterX() * 0.0254), 300L);

        const QString svg = dir.filePath("fig.svg");
        QCOMPARE(FigureExport::toSvg(&w, svg), QString());
        QFile s(svg);
        QVERIFY(s.open(QIODevice::ReadOnly));
        const QByteArray text = s.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.size() > 500);

        const QString pdf = dir.filePath("fig.pdf");
        FigureOptions o;
        o.format = FigureExport::formatForPath(pdf);
        QCOMPARE(int(o.format), int(FigureFormat::Pdf));
        QCOMPARE(FigureExport::save(&w, pdf, o), QString());
        QFile p(pdf);
        QVERIFY(p.open(QIODevice::ReadOnly));
        QVERIFY(p.read(5) == "%PDF-");
        QVERIFY(p.size() > 500);
    }

    void unwritablePathNamesFile() {
        QWidget w;
        w.resize(100, 100);
        const QString err = FigureExport::toPng(&w, "/nonexistent-dir/x.png", QSize(100, 100));
        QVERIFY(err.contains("/nonexistent-dir/x.png"));
    }
};

QTEST_MAIN(TestFigureExport)
#include "test_figure_export.moc"
