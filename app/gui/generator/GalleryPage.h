#pragma once
// The Generator lab's Gallery page: per class, images sampled from N(centre_l, Sigma_l) and decoded
// (LatentSampling), in a scrollable grid; More draws as many again (the next samples of the same
// seed); the seed field is the view settings' seed. A click enlarges an image beside its nearest
// training image (pixels, NearestNeighbours); Ctrl+click selects. Export: the grid or the
// selection as a PNG (PngWriter) at the chosen scale, or the raw arrays as HDF5
// (GeneratedImagesFile). Sampling, decoding and tile rendering run in the worker.
#include <Eigen/Core>
#include <QString>
#include <cstdint>
#include <memory>
#include <vector>

#include "app/gui/generator/GeneratorPage.h"

class QLabel;
class QPushButton;
class QDoubleSpinBox;
class QSpinBox;
class QComboBox;

namespace as::gui {

class GalleryPage : public GeneratorPage {
    Q_OBJECT
  public:
    explicit GalleryPage(GeneratorController* controller, QWidget* parent = nullptr);

    /// Clears the grid and draws settings().perClass images per class with settings().seed.
    void regenerate();
    /// Draws settings().perClass more images per class (the next samples of the seed).
    void more();
    int imageCount() const;
    /// A batch is being drawn, decoded or added to the grid.
    bool isBusy() const { return busy_ > 0; }
    widgets::GalleryView* view() const { return view_; }
    /// Writes the grid (or only the selection) as a PNG, in the worker thread; exported(path,
    /// error) follows.
    void exportPng(const QString& path, bool selectionOnly);
    /// Writes the images, latent states and digits (or only the selection) as HDF5, in the worker
    /// thread; exported(path, error) follows.
    void exportHdf5(const QString& path, bool selectionOnly);
    /// Enlarges image index and looks up its nearest training image.
    void inspect(int index);
    void setDark(bool dark) override;

  signals:
    /// An export finished: error is "" or what went wrong.
    void exported(const QString& path, const QString& error);

  protected:
    void modelChanged() override;
    void settingsChanged(const QString& key) override;

  private:
    struct Batch {
        quint64 generation = 0;
        int perClass = 0;
        Eigen::MatrixXf images, latent;  ///< pixels x (C * perClass), class after class
        std::vector<QImage> tiles;
    };
    void draw(long first);
    void adopt(Batch b);
    void adoptClass(const std::shared_ptr<Batch>& b, int l);
    void finishBatch();
    std::vector<int> chosen(bool selectionOnly) const;
    Eigen::MatrixXf images(const std::vector<int>& idx) const;
    void updateInfo();

    widgets::GalleryView* view_;
    widgets::DigitCanvas* enlarged_;
    widgets::DigitCanvas* nearest_;
    QLabel* detail_;
    QLabel* info_;
    QDoubleSpinBox* seedBox_;
    QSpinBox* perClassBox_;
    QComboBox* cellBox_;
    QPushButton* moreButton_;
    quint64 generation_ = 0;
    int busy_ = 0;
    long drawn_ = 0;             ///< samples per class drawn so far
    std::vector<float> latent_;  ///< the latent state of every tile, in the view's order
    std::vector<int> digitOf_;
};

}  // namespace as::gui
