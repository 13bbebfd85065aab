// The Generator lab's gallery with 1,000 images (docs/performance.md, "Generator lab"): one full
// repaint of a 1200 x 800 GalleryView scrolled to the middle of the grid, offscreen (software
// raster), and one scroll step plus its repaint; also the cost of adding 1,000 images whose tiles
// were rendered in the worker (what the GUI thread does when a batch arrives) and of rendering
// them (what the worker does). 30 frames/s while scrolling needs a repaint under ~33 ms.
// galleryScrollOnScreen repaints into the shown window (run it under xvfb-run with
// QT_QPA_PLATFORM=xcb to include the X11 flush).
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <random>

#include "widgets/generator/GalleryView.h"

namespace {

constexpr int kImages = 1000;

std::vector<float> digits(int n) {
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    std::vector<float> x(std::size_t(n) * 784);
    for (float& v : x) v = u(rng) < 0.8f ? 0.0f : u(rng);
    return x;
}

std::vector<QImage> tiles(const std::vector<float>& x, int n, int cell) {
    std::vector<QImage> t;
    for (int k = 0; k < n; ++k)
        t.push_back(as::widgets::GalleryView::renderTile(&x[std::size_t(k) * 784], 28, 28, cell));
    return t;
}

void fill(as::widgets::GalleryView& v, const std::vector<float>& x) {
    v.show();  // lays out the viewport (1200 x 800 less the scroll bar)
    QApplication::processEvents();
    const int perClass = kImages / 10;
    for (int l = 0; l < 10; ++l) {
        v.addSection(QString("digit %1").arg(l));
        const float* p = &x[std::size_t(l) * perClass * 784];
        std::vector<float> part(p, p + std::size_t(perClass) * 784);
        v.appendImages(l, part.data(), perClass, 28, 28, tiles(part, perClass, v.cellSize()));
    }
}

void galleryRepaint(benchmark::State& state) {
    as::widgets::GalleryView v;
    v.resize(1200, 800);
    fill(v, digits(kImages));
    v.verticalScrollBar()->setValue(v.verticalScrollBar()->maximum() / 2);
    QImage target(v.viewport()->size(), QImage::Format_RGB32);
    for (auto _ : state) {
        v.viewport()->render(&target);
        benchmark::DoNotOptimize(target.constBits());
    }
    state.counters["images"] = v.count();
    state.counters["viewport_w"] = v.viewport()->width();
    state.counters["viewport_h"] = v.viewport()->height();
    // Tiles painted: the non-background pixels of the last frame, in cells.
    long ink = 0;
    for (int y = 0; y < target.height(); ++y)
        for (int x = 0; x < target.width(); ++x)
            ink += target.pixel(x, y) != QColor(246, 246, 246).rgb();
    state.counters["cells_painted"] = double(ink) / (v.cellSize() * v.cellSize());
}
BENCHMARK(galleryRepaint)->Unit(benchmark::kMillisecond);

/// Scrolls by three single steps, turning at either end of the grid.
void scrollStep(QScrollBar* sb, int& dir) {
    const int next = sb->value() + dir * sb->singleStep() * 3;
    if (next >= sb->maximum() || next <= 0) dir = -dir;
    sb->setValue(next);
}

void galleryScrollStep(benchmark::State& state) {
    as::widgets::GalleryView v;
    v.resize(1200, 800);
    fill(v, digits(kImages));
    QImage target(v.viewport()->size(), QImage::Format_RGB32);
    int dir = 1;
    for (auto _ : state) {
        scrollStep(v.verticalScrollBar(), dir);
        v.viewport()->render(&target);
        benchmark::DoNotOptimize(target.constBits());
    }
}
BENCHMARK(galleryScrollStep)->Unit(benchmark::kMillisecond);

// The same scroll step painted into the window and flushed to the screen (repaint() is
// synchronous): under xvfb-run with QT_QPA_PLATFORM=xcb this includes the X11 flush.
void galleryScrollOnScreen(benchmark::State& state) {
    as::widgets::GalleryView v;
    v.resize(1200, 800);
    fill(v, digits(kImages));
    int dir = 1;
    for (auto _ : state) {
        scrollStep(v.verticalScrollBar(), dir);
        v.viewport()->repaint();
        QApplication::processEvents();
    }
}
BENCHMARK(galleryScrollOnScreen)->Unit(benchmark::kMillisecond);

void galleryAppend(benchmark::State& state) {
    const std::vector<float> x = digits(kImages);
    for (auto _ : state) {
        state.PauseTiming();
        as::widgets::GalleryView v;
        v.resize(1200, 800);
        v.show();
        QApplication::processEvents();
        std::vector<QImage> t = tiles(x, kImages, v.cellSize());
        v.addSection("all");
        state.ResumeTiming();
        v.appendImages(0, x.data(), kImages, 28, 28, std::move(t));
    }
}
BENCHMARK(galleryAppend)->Unit(benchmark::kMillisecond);

void galleryRenderTiles(benchmark::State& state) {
    const std::vector<float> x = digits(kImages);
    for (auto _ : state) benchmark::DoNotOptimize(tiles(x, kImages, 56));
}
BENCHMARK(galleryRenderTiles)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
