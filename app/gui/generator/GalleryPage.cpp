#include "app/gui/generator/GalleryPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "app/gui/generator/GeneratorController.h"
#include "export/PngWriter.h"
#include "generator/GeneratedImagesFile.h"
#include "generator/LatentSampling.h"
#include "generator/NearestNeighbours.h"
#include "widgets/generator/GalleryView.h"
#include "widgets/sde/DigitCanvas.h"

namespace as::gui {

using namespace as::generator;

GalleryPage::GalleryPage(GeneratorController* controller, QWidget* parent)
    : GeneratorPage(controller, parent) {
    view_ = new widgets::GalleryView;
    view_->setObjectName("generatorGallery");
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Seed")));
    seedBox_ = new QDoubleSpinBox;  // the seed's whole range (to 2^32 - 1), past an int's
    seedBox_->setObjectName("gallerySeed");
    seedBox_->setDecimals(0);
    const as::ParamSpec* seed = as::findSpec(as::generator::GeneratorViewSettings::specs(), "seed");
    seedBox_->setRange(seed->formLow(), seed->formHigh());
    seedBox_->setToolTip(tr("Seed of the Gaussian draws (Ctrl+Z undoes a change)"));
    connect(seedBox_, &QDoubleSpinBox::editingFinished, this,
            [this] { emit editRequested("seed", seedBox_->value()); });
    bar->addWidget(seedBox_);
    bar->addWidget(new QLabel(tr("per class")));
    perClassBox_ = new QSpinBox;
    perClassBox_->setRange(1, 1000);
    perClassBox_->setToolTip(tr("Images drawn per class, and added by More"));
    connect(perClassBox_, &QSpinBox::editingFinished, this,
            [this] { emit editRequested("per_class", perClassBox_->value()); });
    bar->addWidget(perClassBox_);
    auto* regen = new QPushButton(tr("Regenerate"));
    regen->setToolTip(tr("Draw the gallery again from the seed"));
    connect(regen, &QPushButton::clicked, this, &GalleryPage::regenerate);
    bar->addWidget(regen);
    moreButton_ = new QPushButton(tr("More"));
    moreButton_->setObjectName("galleryMore");
    moreButton_->setToolTip(tr("Draw as many images again per class (the seed's next samples)"));
    connect(moreButton_, &QPushButton::clicked, this, &GalleryPage::more);
    bar->addWidget(moreButton_);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Zoom")));
    cellBox_ = new QComboBox;
    for (int c : {28, 42, 56, 84, 112}) cellBox_->addItem(tr("%1 px").arg(c), c);
    cellBox_->setCurrentIndex(2);
    connect(cellBox_, &QComboBox::currentIndexChanged, this,
            [this] { view_->setCellSize(cellBox_->currentData().toInt()); });
    bar->addWidget(cellBox_);
    bar->addStretch(1);
    // The export controls on a row of their own, so the page fits a 1024-pixel screen.
    auto* exportBar = new QHBoxLayout;
    auto* selOnly = new QCheckBox(tr("Selection only"));
    selOnly->setToolTip(tr("Export only the images selected with Ctrl+click"));
    exportBar->addStretch(1);
    exportBar->addWidget(selOnly);
    auto* png = new QPushButton(tr("Export PNG…"));
    connect(png, &QPushButton::clicked, this, [this, selOnly] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Export gallery as PNG"),
                                                       "gallery.png", tr("PNG (*.png)"));
        if (!p.isEmpty()) exportPng(p, selOnly->isChecked());
    });
    exportBar->addWidget(png);
    auto* h5 = new QPushButton(tr("Export HDF5…"));
    connect(h5, &QPushButton::clicked, this, [this, selOnly] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Export gallery as HDF5"),
                                                       "gallery.h5", tr("HDF5 (*.h5)"));
        if (!p.isEmpty()) exportHdf5(p, selOnly->isChecked());
    });
    exportBar->addWidget(h5);
    connect(this, &GalleryPage::exported, this, [this](const QString& p, const QString& err) {
        emit statusMessage(err.isEmpty() ? tr("Wrote %1").arg(p) : err, 8000);
    });

    auto* side = new QGroupBox(tr("Selected image"));
    auto* sl = new QVBoxLayout(side);
    enlarged_ = new widgets::DigitCanvas;
    enlarged_->setCaption(tr("generated"));
    nearest_ = new widgets::DigitCanvas;
    nearest_->setCaption(tr("nearest training image"));
    detail_ =
        new QLabel(tr("Click an image to enlarge it and find its nearest training image "
                      "(the memorisation check). Ctrl+click selects images for export."));
    detail_->setWordWrap(true);
    sl->addWidget(enlarged_, 1);
    sl->addWidget(nearest_, 1);
    sl->addWidget(detail_);
    side->setMaximumWidth(220);

    info_ = new QLabel;
    info_->setWordWrap(true);
    auto* body = new QHBoxLayout;
    body->addWidget(view_, 1);
    body->addWidget(side);
    auto* lay = new QVBoxLayout(this);
    lay->addLayout(bar);
    lay->addLayout(exportBar);
    lay->addWidget(info_);
    lay->addLayout(body, 1);

    connect(view_, &widgets::GalleryView::imageClicked, this, &GalleryPage::inspect);
    connect(view_, &widgets::GalleryView::selectionChanged, this, &GalleryPage::updateInfo);
}

int GalleryPage::imageCount() const {
    return view_->count();
}

void GalleryPage::modelChanged() {
    regenerate();
}

void GalleryPage::settingsChanged(const QString& key) {
    {
        const QSignalBlocker b1(seedBox_), b2(perClassBox_);
        seedBox_->setValue(double(settings_.seed));
        perClassBox_->setValue(settings_.perClass);
    }
    if (key.isEmpty() || key == "seed" || key == "per_class" || key == "centre") regenerate();
}

void GalleryPage::regenerate() {
    ++generation_;
    view_->clear();
    latent_.clear();
    digitOf_.clear();
    drawn_ = 0;
    enlarged_->setImage({});
    nearest_->setImage({});
    if (!model_) return;
    for (int l = 0; l < model_->classes(); ++l) view_->addSection(tr("digit %1").arg(digitName(l)));
    draw(0);
}

void GalleryPage::more() {
    if (!model_) return;
    draw(drawn_);
}

void GalleryPage::draw(long first) {
    if (!model_ || !model_->hasStats()) {
        info_->setText(tr("The model carries no latent statistics: nothing to sample."));
        return;
    }
    drawn_ = first + settings_.perClass;
    ++busy_;
    moreButton_->setEnabled(false);
    const auto model = model_;
    const int n = settings_.perClass, cell = view_->cellSize();
    const std::uint64_t seed = settings_.seed;
    const LatentCentre centre = LatentCentre(settings_.centre);
    const quint64 gen = generation_;
    controller_->run<Batch>(
        [=](GeneratorWorker&) {
            Batch b;
            b.generation = gen;
            b.perClass = n;
            const int C = model->classes();
            b.latent.resize(model->params().latentDim, long(C) * n);
            for (int l = 0; l < C; ++l)
                b.latent.middleCols(long(l) * n, n) =
                    sampleGaussian(model->stats().at(l), centre, n, seed, std::uint64_t(l), first);
            // Through the second CVFR first for a §VI.2 model (GeneratorModel::generate).
            b.images = model->generate(b.latent, seed + std::uint64_t(first));
            b.tiles.reserve(std::size_t(b.images.cols()));
            for (Eigen::Index k = 0; k < b.images.cols(); ++k)
                b.tiles.push_back(
                    widgets::GalleryView::renderTile(b.images.col(k).data(), 28, 28, cell));
            return b;
        },
        [this](Batch b) { adopt(std::move(b)); });
}

void GalleryPage::adopt(Batch b) {
    // One class per turn of the event loop (at most 1,000 images, a few ms), so a batch of
    // 10 x 1,000 images never holds the GUI thread for long.
    if (b.generation != generation_ || !model_) {
        finishBatch();
        return;
    }
    auto shared = std::make_shared<Batch>(std::move(b));
    adoptClass(shared, 0);
}

void GalleryPage::adoptClass(const std::shared_ptr<Batch>& b, int l) {
    if (b->generation != generation_ || !model_ || l >= model_->classes()) {
        finishBatch();
        return;
    }
    const long d = b->latent.rows();
    const long c0 = long(l) * b->perClass;
    std::vector<QImage> tiles(std::make_move_iterator(b->tiles.begin() + c0),
                              std::make_move_iterator(b->tiles.begin() + c0 + b->perClass));
    view_->appendImages(l, b->images.col(c0).data(), b->perClass, 28, 28, std::move(tiles));
    latent_.insert(latent_.end(), b->latent.col(c0).data(),
                   b->latent.col(c0).data() + d * b->perClass);
    digitOf_.insert(digitOf_.end(), std::size_t(b->perClass), model_->digits()[std::size_t(l)]);
    if (l + 1 < model_->classes()) {
        QMetaObject::invokeMethod(
            this, [this, b, l] { adoptClass(b, l + 1); }, Qt::QueuedConnection);
        return;
    }
    finishBatch();
    if (enlarged_->ink() == 0.0 && view_->count() > 0) inspect(0);  // the panel is never empty
}

void GalleryPage::finishBatch() {
    busy_ = std::max(0, busy_ - 1);
    moreButton_->setEnabled(busy_ == 0);
    updateInfo();
}

void GalleryPage::updateInfo() {
    if (!model_) return;
    info_->setText(
        tr("%1 images from %2: N(%3, Σ) per class, seed %4, decoded by the model's decoder. "
           "%5 selected.")
            .arg(view_->count())
            .arg(modelName_)
            .arg(settings_.centre == 0 ? tr("x̄ₗ (the attractor)") : tr("mₗ (the sample mean)"))
            .arg(qulonglong(settings_.seed))
            .arg(view_->selection().size()));
}

std::vector<int> GalleryPage::chosen(bool selectionOnly) const {
    std::vector<int> out;
    if (selectionOnly) {
        for (int i : view_->selection()) out.push_back(i);
    } else {
        for (int i = 0; i < view_->count(); ++i) out.push_back(i);
    }
    return out;
}

Eigen::MatrixXf GalleryPage::images(const std::vector<int>& idx) const {
    Eigen::MatrixXf m(784, Eigen::Index(idx.size()));
    for (std::size_t k = 0; k < idx.size(); ++k)
        m.col(Eigen::Index(k)) =
            Eigen::Map<const Eigen::VectorXf>(view_->pixels(idx[k]).data(), 784);
    return m;
}

void GalleryPage::exportPng(const QString& path, bool selectionOnly) {
    const std::vector<int> idx = chosen(selectionOnly);
    if (idx.empty()) {
        emit exported(path, tr("Nothing to export: the gallery (or the selection) is empty"));
        return;
    }
    const int cols = selectionOnly ? std::min<int>(int(idx.size()), 16)
                                   : std::max(1, std::min(view_->columns(), int(idx.size())));
    const int scale = settings_.exportScale;
    controller_->run<QString>(
        [path, m = images(idx), cols, scale](GeneratorWorker&) {
            try {
                writeGrayPng(QFile::encodeName(path).toStdString(),
                             tileImages(m, 28, 28, cols, scale, 2));
            } catch (const std::exception& e) {
                return tr("Cannot write the PNG: %1").arg(QString::fromUtf8(e.what()));
            }
            return QString();
        },
        [this, path](QString err) { emit exported(path, err); });
}

void GalleryPage::exportHdf5(const QString& path, bool selectionOnly) {
    const std::vector<int> idx = chosen(selectionOnly);
    if (idx.empty() || !model_) {
        emit exported(path, tr("Nothing to export: the gallery is empty"));
        return;
    }
    const long d = model_->params().latentDim;
    GeneratedImages g;
    g.images = images(idx);
    g.latent.resize(d, Eigen::Index(idx.size()));
    for (std::size_t k = 0; k < idx.size(); ++k) {
        const std::size_t i = std::size_t(idx[k]);
        g.latent.col(Eigen::Index(k)) =
            Eigen::Map<const Eigen::VectorXf>(&latent_[i * std::size_t(d)], d);
        g.digits.push_back(digitOf_[i]);
    }
    g.what = "Generator lab gallery: samples N(centre_l, Sigma_l) decoded, centre " +
             std::string(settings_.centre == 0 ? "attractor" : "mean");
    g.model = modelName_.toStdString();
    g.seed = std::int64_t(settings_.seed);
    g.extra.push_back({"gallery_index", std::vector<double>(idx.begin(), idx.end())});
    controller_->run<QString>(
        [path, g = std::move(g)](GeneratorWorker&) {
            try {
                writeGeneratedImages(QFile::encodeName(path).toStdString(), g);
            } catch (const std::exception& e) {
                return tr("Cannot write the HDF5 file: %1").arg(QString::fromUtf8(e.what()));
            }
            return QString();
        },
        [this, path](QString err) { emit exported(path, err); });
}

void GalleryPage::inspect(int index) {
    if (index < 0 || index >= view_->count() || !model_) return;
    const std::vector<float> q = view_->pixels(index);
    enlarged_->setImage(q);
    enlarged_->setCaption(
        tr("generated digit %1 (#%2)").arg(digitOf_[std::size_t(index)]).arg(index));
    detail_->setText(tr("Looking for the nearest training image …"));
    const std::vector<int> digits = model_->digits();
    struct Found {
        std::vector<float> image;
        int label = 0, index = 0;
        double distance = 0;
    };
    controller_->run<Found>(
        [q, digits](GeneratorWorker& w) {
            const as::data::ImageSet set = w.trainSet().withLabels(digits);
            const Eigen::MatrixXf refs = set.floats(0, set.count());
            const Nearest nn = nearestColumns(
                Eigen::Map<const Eigen::MatrixXf>(q.data(), Eigen::Index(q.size()), 1), refs);
            Found f;
            f.index = nn.index[0];
            f.distance = nn.distance[0];
            f.label = set.labels[f.index];
            f.image.assign(refs.col(f.index).data(), refs.col(f.index).data() + refs.rows());
            return f;
        },
        [this](Found f) {
            nearest_->setImage(f.image);
            nearest_->setCaption(tr("nearest training image (digit %1)").arg(f.label));
            detail_->setText(tr("L2 distance in pixels %1 (of the digits' training images; a "
                                "distance near 0 would mean the model memorised it).")
                                 .arg(f.distance, 0, 'f', 3));
        });
}

void GalleryPage::setDark(bool dark) {
    view_->setDark(dark);
    enlarged_->setDark(dark);
    nearest_->setDark(dark);
}

}  // namespace as::gui
