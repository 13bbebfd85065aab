#include "widgets/generator/GalleryView.h"

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <algorithm>
#include <cmath>

namespace as::widgets {

GalleryView::GalleryView(QWidget* parent) : QAbstractScrollArea(parent) {
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    verticalScrollBar()->setSingleStep(cell_ / 2);
}

void GalleryView::clear() {
    tiles_.clear();
    sections_.clear();
    selected_.clear();
    relayout();
    emit selectionChanged();
}

int GalleryView::addSection(const QString& title) {
    sections_.push_back({title, {}, 0, 0});
    relayout();
    return int(sections_.size()) - 1;
}

void GalleryView::setSectionTitle(int section, const QString& title) {
    sections_.at(std::size_t(section)).title = title;
    viewport()->update();
}

QImage GalleryView::renderTile(const float* pixels, int w, int h, int cell) {
    QImage small(w, h, QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y) {
        uchar* row = small.scanLine(y);
        for (int x = 0; x < w; ++x)
            row[x] = uchar(std::lround(255.0f * std::clamp(pixels[y * w + x], 0.0f, 1.0f)));
    }
    return small.scaled(cell, cell, Qt::IgnoreAspectRatio, Qt::FastTransformation)
        .convertToFormat(QImage::Format_RGB32);
}

void GalleryView::appendImages(int section, const float* pixels, int count, int w, int h,
                               std::vector<QImage> tiles) {
    Section& s = sections_.at(std::size_t(section));
    const std::size_t n = std::size_t(w) * std::size_t(h);
    const bool ready = tiles.size() == std::size_t(count);
    for (int k = 0; k < count; ++k) {
        Tile t;
        t.section = section;
        t.w = w;
        t.h = h;
        t.pixels.assign(pixels + n * std::size_t(k), pixels + n * std::size_t(k + 1));
        if (ready && tiles[std::size_t(k)].width() == cell_)
            t.cached = std::move(tiles[std::size_t(k)]);
        else
            t.cached = renderTile(t.pixels.data(), w, h, cell_);
        s.members.push_back(int(tiles_.size()));
        tiles_.push_back(std::move(t));
    }
    relayout();
}

void GalleryView::setCellSize(int px) {
    px = std::clamp(px, 8, 512);
    if (px == cell_) return;
    cell_ = px;
    for (Tile& t : tiles_) t.cached = renderTile(t.pixels.data(), t.w, t.h, cell_);
    verticalScrollBar()->setSingleStep(cell_ / 2);
    relayout();
}

QList<int> GalleryView::selection() const {
    QList<int> out(selected_.begin(), selected_.end());
    std::sort(out.begin(), out.end());
    return out;
}

void GalleryView::setSelection(const QList<int>& indices) {
    selected_.clear();
    for (int i : indices)
        if (i >= 0 && i < count()) selected_.insert(i);
    viewport()->update();
    emit selectionChanged();
}

void GalleryView::clearSelection() {
    setSelection({});
}

void GalleryView::setDark(bool dark) {
    dark_ = dark;
    viewport()->update();
}

void GalleryView::relayout() {
    const int avail = std::max(1, viewport()->width() - 2 * margin_);
    cols_ = std::max(1, (avail + gap_) / (cell_ + gap_));
    int y = margin_;
    for (Section& s : sections_) {
        s.y = y;
        const int rows = (int(s.members.size()) + cols_ - 1) / cols_;
        s.height = header_ + rows * (cell_ + gap_);
        y += s.height + gap_;
    }
    const int total = y + margin_;
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setRange(0, std::max(0, total - viewport()->height()));
    viewport()->update();
}

QRect GalleryView::cellRect(int section, int k) const {
    const Section& s = sections_.at(std::size_t(section));
    return {margin_ + (k % cols_) * (cell_ + gap_), s.y + header_ + (k / cols_) * (cell_ + gap_),
            cell_, cell_};
}

int GalleryView::indexAt(QPoint p) const {
    const int y = p.y() + verticalScrollBar()->value();
    for (std::size_t si = 0; si < sections_.size(); ++si) {
        const Section& s = sections_[si];
        if (y < s.y + header_ || y >= s.y + s.height) continue;
        const int col = (p.x() - margin_) / (cell_ + gap_);
        const int row = (y - s.y - header_) / (cell_ + gap_);
        if (p.x() < margin_ || col >= cols_) return -1;
        const int k = row * cols_ + col;
        if (k < 0 || k >= int(s.members.size())) return -1;
        if (!cellRect(int(si), k).contains(QPoint(p.x(), y))) return -1;
        return s.members[std::size_t(k)];
    }
    return -1;
}

void GalleryView::scrollToIndex(int index) {
    if (index < 0 || index >= count()) return;
    const Tile& t = tiles_[std::size_t(index)];
    const auto& m = sections_[std::size_t(t.section)].members;
    const int k = int(std::find(m.begin(), m.end(), index) - m.begin());
    const QRect r = cellRect(t.section, k);
    QScrollBar* sb = verticalScrollBar();
    if (r.top() < sb->value()) sb->setValue(r.top() - header_);
    if (r.bottom() > sb->value() + viewport()->height())
        sb->setValue(r.bottom() - viewport()->height() + gap_);
}

void GalleryView::paintEvent(QPaintEvent* e) {
    QPainter p(viewport());
    const QColor bg = dark_ ? QColor(30, 30, 34) : QColor(246, 246, 246);
    const QColor fg = dark_ ? QColor(225, 225, 225) : QColor(40, 40, 40);
    p.fillRect(e->rect(), bg);
    const int top = verticalScrollBar()->value();
    const int visTop = top + e->rect().top(), visBottom = top + e->rect().bottom();
    p.translate(0, -top);
    p.setPen(fg);
    QFont f = p.font();
    f.setBold(true);
    p.setFont(f);
    const QPen selPen(QColor(230, 97, 1), 3);
    for (std::size_t si = 0; si < sections_.size(); ++si) {
        const Section& s = sections_[si];
        if (s.y + s.height < visTop || s.y > visBottom) continue;
        if (s.y + header_ >= visTop)
            p.drawText(QRect(margin_, s.y, viewport()->width() - 2 * margin_, header_),
                       Qt::AlignLeft | Qt::AlignVCenter, s.title);
        const int pitch = cell_ + gap_;
        const int firstRow = std::max(0, (visTop - s.y - header_) / pitch);
        const int lastRow = std::max(0, (visBottom - s.y - header_) / pitch);
        const int n = int(s.members.size());
        for (int k = firstRow * cols_; k < std::min(n, (lastRow + 1) * cols_); ++k) {
            const int idx = s.members[std::size_t(k)];
            const QRect r = cellRect(int(si), k);
            p.drawImage(r.topLeft(), tiles_[std::size_t(idx)].cached);
            if (selected_.contains(idx)) {
                p.setPen(selPen);
                p.setBrush(Qt::NoBrush);
                p.drawRect(r.adjusted(-1, -1, 1, 1));
                p.setPen(fg);
            }
        }
    }
}

void GalleryView::resizeEvent(QResizeEvent* e) {
    QAbstractScrollArea::resizeEvent(e);
    relayout();
}

void GalleryView::mousePressEvent(QMouseEvent* e) {
    const int i = indexAt(e->position().toPoint());
    if (i < 0) return;
    if (e->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier)) {
        if (selected_.contains(i))
            selected_.remove(i);
        else
            selected_.insert(i);
        viewport()->update();
        emit selectionChanged();
        return;
    }
    emit imageClicked(i);
}

}  // namespace as::widgets
