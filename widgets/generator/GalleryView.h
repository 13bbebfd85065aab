#pragma once
// A scrollable grid of small grey images (generated digits) in titled sections, one per class.
// Every image is turned into a QImage of the cell size once, when it arrives or the cell size
// changes; a repaint only blits the cached images of the visible rows (no decoding, no scaling),
// so a gallery of thousands of images scrolls smoothly. Click: imageClicked(index); Ctrl+click
// toggles an image in the selection (a frame); indices count images in the order they were added.
#include <QAbstractScrollArea>
#include <QImage>
#include <QSet>
#include <QString>
#include <vector>

namespace as::widgets {

class GalleryView : public QAbstractScrollArea {
    Q_OBJECT
  public:
    explicit GalleryView(QWidget* parent = nullptr);

    /// Removes every image and section.
    void clear();
    /// Adds a section (returns its index); images go to a section with appendImages().
    int addSection(const QString& title);
    void setSectionTitle(int section, const QString& title);
    /// Appends count images of w x h values in [0, 1] (row-major, one after another) to section.
    /// tiles (optional): the images already rendered by renderTile() at cellSize() (e.g. in a
    /// worker thread), so the GUI thread only stores them.
    void appendImages(int section, const float* pixels, int count, int w = 28, int h = 28,
                      std::vector<QImage> tiles = {});
    /// A w x h image of values in [0, 1] as a cell x cell RGB32 image (thread-safe).
    static QImage renderTile(const float* pixels, int w, int h, int cell);
    int count() const { return int(tiles_.size()); }
    int sectionCount() const { return int(sections_.size()); }
    int sectionOf(int index) const { return tiles_.at(std::size_t(index)).section; }
    /// The grey values of image index (w * h).
    const std::vector<float>& pixels(int index) const {
        return tiles_.at(std::size_t(index)).pixels;
    }

    /// Side of a cell in pixels (default 56: 28 x 28 magnified twice).
    void setCellSize(int px);
    int cellSize() const { return cell_; }
    int columns() const { return cols_; }
    QList<int> selection() const;
    void setSelection(const QList<int>& indices);
    void clearSelection();
    /// The index under a viewport position, or -1.
    int indexAt(QPoint viewportPos) const;
    /// Scrolls so that image index is visible.
    void scrollToIndex(int index);
    void setDark(bool dark);
    QSize sizeHint() const override { return {640, 480}; }

  signals:
    void imageClicked(int index);
    void selectionChanged();

  protected:
    void paintEvent(QPaintEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;

  private:
    struct Tile {
        int section = 0, w = 28, h = 28;
        std::vector<float> pixels;
        QImage cached;  ///< cell x cell, RGB32
    };
    struct Section {
        QString title;
        std::vector<int> members;  ///< tile indices in order
        int y = 0, height = 0;     ///< in content coordinates
    };
    void relayout();
    QRect cellRect(int section, int k) const;  ///< content coordinates

    std::vector<Tile> tiles_;
    std::vector<Section> sections_;
    QSet<int> selected_;
    int cell_ = 56, gap_ = 4, header_ = 24, cols_ = 1, margin_ = 8;
    bool dark_ = false;
};

}  // namespace as::widgets
