#include "app/gui/generator/LatentPage.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/gui/generator/GeneratorController.h"
#include "core/BuildPaths.h"
#include "generator/GeneratorModelFile.h"
#include "widgets/generator/LatentScatter.h"
#include "widgets/sde/DigitCanvas.h"

namespace as::gui {

namespace {
constexpr int kPoints = 1500;  // test digits encoded
}

LatentPage::LatentPage(GeneratorController* controller, QWidget* parent)
    : GeneratorPage(controller, parent) {
    const QString view3 = QDir(QString::fromStdString(as::buildResourcesDir() + "/models"))
                              .filePath("gen_012_view3.h5");
    if (QFile::exists(view3)) {
        try {
            auto g = as::generator::loadGeneratorModel(QFile::encodeName(view3).toStdString());
            view3_ = std::make_shared<const as::generator::GeneratorModel>(std::move(g.model));
        } catch (const std::exception&) {
            view3_.reset();  // the lab's model is shown instead
        }
    }
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Model")));
    which_ = new QComboBox;
    if (view3_) which_->addItem(tr("gen_012_view3.h5 (the decoder reads x₁, x₂, x₃)"), 1);
    which_->addItem(tr("the lab's model (first three of d components)"), 0);
    connect(which_, &QComboBox::activated, this, [this] { refresh(); });
    bar->addWidget(which_);
    auto* reset = new QPushButton(tr("Reset view"));
    bar->addWidget(reset);
    bar->addStretch(1);
    scatter_ = new widgets::LatentScatter;
    scatter_->setObjectName("latentScatter");
    connect(reset, &QPushButton::clicked, this, [this] { scatter_->setRotation(35, 25); });
    preview_ = new widgets::DigitCanvas;
    preview_->setCaption(tr("hover a point: D(x(T))"));
    preview_->setMaximumWidth(260);
    info_ = new QLabel;
    info_->setWordWrap(true);
    auto* side = new QVBoxLayout;
    side->addWidget(preview_);
    side->addWidget(info_);
    side->addStretch(1);
    auto* body = new QHBoxLayout;
    body->addWidget(scatter_, 1);
    body->addLayout(side);
    auto* lay = new QVBoxLayout(this);
    lay->addLayout(bar);
    lay->addLayout(body, 1);
    connect(scatter_, &widgets::LatentScatter::pointHovered, this, &LatentPage::decodePoint);
    connect(scatter_, &widgets::LatentScatter::pointClicked, this, &LatentPage::decodePoint);
}

int LatentPage::pointCount() const {
    return int(scatter_->pointCount());
}

std::shared_ptr<const as::generator::GeneratorModel> LatentPage::chosenModel() const {
    return which_->currentData().toInt() == 1 && view3_ ? view3_ : model_;
}

void LatentPage::modelChanged() {
    stale_ = true;
    if (isVisible()) refresh();
}

void LatentPage::shown() {
    if (stale_) refresh();
}

void LatentPage::refresh() {
    const auto model = chosenModel();
    if (!model) return;
    stale_ = false;
    info_->setText(tr("Encoding the test digits and running them to T …"));
    struct Cloud {
        std::shared_ptr<const as::generator::GeneratorModel> model;
        Eigen::MatrixXf states;
        Eigen::VectorXi labels;
        QString source;
    };
    controller_->run<Cloud>(
        [model](GeneratorWorker& w) {
            const as::data::ImageSet s = w.testSet().withLabels(model->digits());
            const int n = std::min(kPoints, s.count());
            Cloud c;
            c.model = model;
            c.states = model->evolve(model->encode(s.floats(0, n)), 11);
            c.labels.resize(n);
            for (int i = 0; i < n; ++i) c.labels[i] = model->classOfDigit(s.labels[i]);
            c.source = w.testSource();
            return c;
        },
        [this](Cloud c) {
            shownModel_ = c.model;
            states_ = std::move(c.states);
            labels_ = std::move(c.labels);
            std::vector<widgets::LatentScatter::Point> pts;
            for (Eigen::Index i = 0; i < states_.cols(); ++i)
                pts.push_back({{states_(0, i), states_(1, i), states_(2, i)}, labels_[i]});
            std::vector<std::array<float, 3>> att;
            const Eigen::MatrixXd& a = shownModel_->latent().attractors().points();
            for (Eigen::Index l = 0; l < a.cols(); ++l)
                att.push_back({float(a(0, l)), float(a(1, l)), float(a(2, l))});
            QStringList names;
            for (int d : shownModel_->digits()) names << QString::number(d);
            scatter_->setData(std::move(pts), std::move(att), names);
            const bool all3 = shownModel_->params().decoderWidth() == 3;
            scatter_->setTitle(tr("x(T) of %1 test digits: components 1–3 of d = %2")
                                   .arg(states_.cols())
                                   .arg(shownModel_->params().latentDim));
            info_->setText(
                tr("%1 digits of %2. Drag to rotate, wheel to zoom. %3")
                    .arg(states_.cols())
                    .arg(c.source)
                    .arg(all3 ? tr("This model's decoder reads only these three components, so "
                                   "the decoded image of a point depends on nothing else.")
                              : tr("The decoder reads all d components; the scatter shows the "
                                   "first three.")));
            scatter_->setMarked(0);
            decodePoint(0);
        });
}

void LatentPage::decodePoint(int i) {
    if (!shownModel_ || i < 0 || i >= states_.cols()) return;
    // One decoder pass (d-400-784, ~0.3 M multiply-adds): cheap enough for the GUI thread.
    const Eigen::MatrixXf img = shownModel_->generate(states_.col(i), 1);
    preview_->setImage(column(img, 0));
    preview_->setCaption(tr("point %1 (digit %2): D(x(T))")
                             .arg(i)
                             .arg(shownModel_->digits()[std::size_t(labels_[i])]));
}

void LatentPage::setDark(bool dark) {
    scatter_->setDark(dark);
    preview_->setDark(dark);
}

}  // namespace as::gui
