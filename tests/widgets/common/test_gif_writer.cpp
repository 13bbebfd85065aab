// The GIF writer (engine/io/GifWriter) read back by Qt's own GIF decoder: frame count, size, delays
// and pixel colours, exact when a frame has at most 256 colours and within the median cut's error
// otherwise; the LZW table's clear-and-restart on a long noisy frame; a clear error for a bad path.
#include <QImage>
#include <QImageReader>
#include <QMovie>
#include <QTemporaryDir>
#include <QTest>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <vector>

#include "export/GifWriter.h"

namespace {

/// Flat blocks of four colours, with a square of a fifth colour at (sx, sy).
QImage blocks(int w, int h, int sx, int sy) {
    QImage img(w, h, QImage::Format_RGB32);
    const QRgb colours[4] = {qRgb(240, 240, 240), qRgb(200, 30, 90), qRgb(59, 130, 200),
                             qRgb(0, 0, 0)};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) img.setPixel(x, y, colours[(x * 2 / w) + 2 * (y * 2 / h)]);
    for (int y = sy; y < sy + 6; ++y)
        for (int x = sx; x < sx + 6; ++x) img.setPixel(x, y, qRgb(230, 97, 1));
    return img;
}

void add(as::GifWriter& gif, const QImage& img, int delay) {
    gif.addFrame(reinterpret_cast<const std::uint32_t*>(img.constBits()), img.bytesPerLine() / 4,
                 delay);
}

int channelError(QRgb a, QRgb b) {
    return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                     std::abs(qBlue(a) - qBlue(b))});
}

}  // namespace

class TestGifWriter : public QObject {
    Q_OBJECT
  private slots:
    void fewColoursRoundTripExactly() {
        QTemporaryDir dir;
        const QString path = dir.filePath("blocks.gif");
        const QImage f1 = blocks(40, 30, 3, 4), f2 = blocks(40, 30, 25, 17);
        {
            as::GifWriter gif(path.toStdString(), 40, 30);
            add(gif, f1, 4);
            add(gif, f2, 7);
            add(gif, f2, 4);  // unchanged: a one-pixel frame
            gif.finish();
            QCOMPARE(gif.frameCount(), 3);
        }
        QImageReader reader(path);
        QCOMPARE(reader.format(), QByteArray("gif"));
        QCOMPARE(reader.imageCount(), 3);
        const QImage expected[3] = {f1, f2, f2};
        const int delaysMs[3] = {40, 70, 40};
        for (int i = 0; i < 3; ++i) {
            QImage got = reader.read();
            QVERIFY2(!got.isNull(), qPrintable(reader.errorString()));
            QCOMPARE(got.size(), QSize(40, 30));
            QCOMPARE(reader.nextImageDelay(), delaysMs[i]);
            got = got.convertToFormat(QImage::Format_RGB32);
            for (int y = 0; y < 30; ++y)
                for (int x = 0; x < 40; ++x)
                    QCOMPARE(got.pixel(x, y) & 0xFFFFFFu, expected[i].pixel(x, y) & 0xFFFFFFu);
        }
        QMovie movie(path);
        QVERIFY(movie.isValid());
        QCOMPARE(movie.frameCount(), 3);
    }

    void manyColoursStayWithinThePaletteError() {
        // 64 x 64 = 4096 distinct colours (red across, green down): 256 median-cut boxes of about
        // 4 x 4 levels 4 apart (0, 4, 8, 12 -> mean 6), so no channel should be off by more than
        // 6 and the worse channel by 5 on average (tolerances 10 and 6).
        QImage img(64, 64, QImage::Format_RGB32);
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x) img.setPixel(x, y, qRgb(4 * x, 4 * y, 128));
        QTemporaryDir dir;
        const QString path = dir.filePath("gradient.gif");
        as::GifWriter gif(path.toStdString(), 64, 64);
        add(gif, img, 10);
        gif.finish();
        QImageReader reader(path);
        QCOMPARE(reader.imageCount(), 1);
        const QImage got = reader.read().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(got.size(), QSize(64, 64));
        int worst = 0;
        double sum = 0;
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x) {
                const int e = channelError(got.pixel(x, y), img.pixel(x, y));
                worst = std::max(worst, e);
                sum += e;
            }
        QVERIFY2(worst <= 10, qPrintable(QString("worst channel error %1").arg(worst)));
        QVERIFY2(sum / 4096 <= 6, qPrintable(QString("mean channel error %1").arg(sum / 4096)));
    }

    void longNoisyFrameRestartsTheCodeTable() {
        // 200 colours in random order: about 40,000 codes, so the 4096-entry table fills and is
        // cleared several times; the palette is exact (<= 256 colours), so every pixel must match.
        const int w = 240, h = 180;
        std::mt19937 rng(12345);
        std::vector<QRgb> colours;
        for (int i = 0; i < 200; ++i)
            colours.push_back(qRgb(int(rng() % 256), int(rng() % 256), int(rng() % 256)));
        QImage img(w, h, QImage::Format_RGB32);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) img.setPixel(x, y, colours[rng() % colours.size()]);
        QTemporaryDir dir;
        const QString path = dir.filePath("noise.gif");
        as::GifWriter gif(path.toStdString(), w, h);
        add(gif, img, 4);
        add(gif, blocks(w, h, 100, 100), 4);
        gif.finish();
        QImageReader reader(path);
        QCOMPARE(reader.imageCount(), 2);
        const QImage got = reader.read().convertToFormat(QImage::Format_RGB32);
        int wrong = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                wrong += (got.pixel(x, y) & 0xFFFFFFu) != (img.pixel(x, y) & 0xFFFFFFu);
        QCOMPARE(wrong, 0);
        const QImage second = reader.read().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(second.pixel(103, 103) & 0xFFFFFFu, qRgb(230, 97, 1) & 0xFFFFFFu);
        QCOMPARE(second.pixel(0, 0) & 0xFFFFFFu, qRgb(240, 240, 240) & 0xFFFFFFu);
    }

    void unwritablePathIsNamed() {
        try {
            as::GifWriter gif("/nonexistent-dir/x.gif", 10, 10);
            QFAIL("expected an error");
        } catch (const std::runtime_error& e) {
            QVERIFY(QString(e.what()).contains("/nonexistent-dir/x.gif"));
        }
    }
};

QTEST_MAIN(TestGifWriter)
#include "test_gif_writer.moc"
