#include "app/gui/generator/InterpolatePage.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "app/gui/generator/GeneratorController.h"
#include "generator/LatentSampling.h"
#include "widgets/generator/GalleryView.h"
#include "widgets/sde/DigitCanvas.h"

namespace as::gui {

using namespace as::generator;

namespace {
constexpr int kSlider = 1000;
}

InterpolatePage::InterpolatePage(GeneratorController* controller, QWidget* parent)
    : GeneratorPage(controller, parent) {
    mode_ = new QComboBox;
    mode_->addItems({tr("between two attractors"), tr("between two encoded test digits"),
                     tr("along a principal axis of Σ_T")});
    from_ = new QComboBox;
    to_ = new QComboBox;
    imageA_ = new QSpinBox;
    imageB_ = new QSpinBox;
    for (QSpinBox* s : {imageA_, imageB_}) s->setRange(0, 9999);
    imageB_->setValue(1);
    axis_ = new QSpinBox;
    axis_->setRange(0, 0);
    auto* grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Path")), 0, 0);
    grid->addWidget(mode_, 0, 1, 1, 3);
    grid->addWidget(new QLabel(tr("From digit")), 1, 0);
    grid->addWidget(from_, 1, 1);
    grid->addWidget(new QLabel(tr("to digit")), 1, 2);
    grid->addWidget(to_, 1, 3);
    grid->addWidget(new QLabel(tr("Test digits #")), 2, 0);
    grid->addWidget(imageA_, 2, 1);
    grid->addWidget(new QLabel(tr("and #")), 2, 2);
    grid->addWidget(imageB_, 2, 3);
    grid->addWidget(new QLabel(tr("Principal axis")), 3, 0);
    grid->addWidget(axis_, 3, 1);
    for (QComboBox* c : {mode_, from_, to_})
        connect(c, &QComboBox::activated, this, [this] { update(); });
    for (QSpinBox* s : {imageA_, imageB_, axis_})
        connect(s, &QSpinBox::editingFinished, this, [this] { update(); });

    slider_ = new QSlider(Qt::Horizontal);
    slider_->setRange(0, kSlider);
    field_ = new QDoubleSpinBox;
    field_->setRange(0, 1);
    field_->setDecimals(3);
    field_->setSingleStep(0.01);
    connect(slider_, &QSlider::valueChanged, this,
            [this](int v) { setPosition(double(v) / kSlider); });
    connect(field_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        const bool axis = mode_->currentIndex() == int(Mode::Axis);
        const double r = settings_.traverseRange;
        setPosition(axis ? (v + r) / (2 * r) : v);
    });
    auto* sl = new QHBoxLayout;
    sl->addWidget(new QLabel(tr("Position")));
    sl->addWidget(slider_, 1);
    sl->addWidget(field_);

    preview_ = new widgets::DigitCanvas;
    preview_->setMaximumWidth(300);
    strip_ = new widgets::GalleryView;
    strip_->setObjectName("interpolateStrip");
    strip_->setCellSize(84);
    info_ = new QLabel;
    info_->setWordWrap(true);
    auto* left = new QVBoxLayout;
    left->addLayout(grid);
    left->addLayout(sl);
    left->addWidget(preview_, 1);
    left->addWidget(info_);
    auto* box = new QGroupBox(tr("The path, decoded"));
    auto* bl = new QVBoxLayout(box);
    bl->addWidget(strip_);
    auto* lay = new QHBoxLayout(this);
    lay->addLayout(left, 2);
    lay->addWidget(box, 3);
}

void InterpolatePage::setMode(Mode m) {
    mode_->setCurrentIndex(int(m));
    update();
}

int InterpolatePage::stripCount() const {
    return strip_->count();
}

void InterpolatePage::rebuildChoices() {
    const QSignalBlocker b1(from_), b2(to_);
    from_->clear();
    to_->clear();
    if (!model_) return;
    for (int l = 0; l < model_->classes(); ++l) {
        from_->addItem(digitName(l), l);
        to_->addItem(digitName(l), l);
    }
    to_->setCurrentIndex(std::min(1, model_->classes() - 1));
    axis_->setRange(0, model_->params().latentDim - 1);
}

void InterpolatePage::modelChanged() {
    rebuildChoices();
    stale_ = true;
    if (isVisible()) update();
}

void InterpolatePage::settingsChanged(const QString& key) {
    if (key.isEmpty() || key == "interp_steps" || key == "traverse_range" || key == "centre") {
        stale_ = true;
        if (isVisible()) update();
    }
}

void InterpolatePage::shown() {
    if (stale_) update();
}

void InterpolatePage::update() {
    if (!model_ || !model_->hasStats()) return;
    stale_ = false;
    const Mode m = Mode(mode_->currentIndex());
    const LatentCentre centre = LatentCentre(settings_.centre);
    from_->setEnabled(m != Mode::Images);
    to_->setEnabled(m == Mode::Attractors);
    imageA_->setEnabled(m == Mode::Images);
    imageB_->setEnabled(m == Mode::Images);
    axis_->setEnabled(m == Mode::Axis);
    field_->setRange(m == Mode::Axis ? -settings_.traverseRange : 0.0,
                     m == Mode::Axis ? settings_.traverseRange : 1.0);
    const int la = std::max(0, from_->currentIndex()), lb = std::max(0, to_->currentIndex());
    if (m == Mode::Attractors) {
        a_ = model_->stats().at(la).centre(centre).cast<float>();
        b_ = model_->stats().at(lb).centre(centre).cast<float>();
        info_->setText(tr("From the %1 of digit %2 to that of digit %3.")
                           .arg(settings_.centre == 0 ? tr("attractor") : tr("sample mean"))
                           .arg(digitName(la), digitName(lb)));
        showPath();
    } else if (m == Mode::Axis) {
        const PrincipalAxes pa = principalAxes(model_->stats().at(la).covariance(centre));
        const int k = axis_->value();
        const Eigen::VectorXf c = model_->stats().at(la).centre(centre).cast<float>();
        const Eigen::VectorXf step =
            (std::sqrt(std::max(0.0, pa.variances[k])) * pa.axes.col(k)).cast<float>();
        a_ = c - float(settings_.traverseRange) * step;
        b_ = c + float(settings_.traverseRange) * step;
        info_->setText(tr("Digit %1, principal axis %2 of Σ_T (variance %3): from −%4 to +%4 "
                          "standard deviations.")
                           .arg(digitName(la))
                           .arg(k)
                           .arg(pa.variances[k], 0, 'g', 3)
                           .arg(settings_.traverseRange));
        showPath();
    } else {
        const auto model = model_;
        const int ia = imageA_->value(), ib = imageB_->value();
        struct Ends {
            Eigen::VectorXf a, b;
            int da = 0, db = 0, count = 0;
        };
        controller_->run<Ends>(
            [model, ia, ib](GeneratorWorker& w) {
                const as::data::ImageSet s = w.testSet().withLabels(model->digits());
                if (ia >= s.count() || ib >= s.count())
                    throw std::runtime_error("test digit index beyond " +
                                             std::to_string(s.count() - 1));
                const Eigen::MatrixXf x = model->evolve(model->encode(s.floats({ia, ib})), 1);
                return Ends{x.col(0), x.col(1), s.labels[ia], s.labels[ib], s.count()};
            },
            [this](Ends e) {
                a_ = e.a;
                b_ = e.b;
                imageA_->setMaximum(e.count - 1);
                imageB_->setMaximum(e.count - 1);
                info_->setText(tr("Between x(T) of test digit #%1 (a %2) and #%3 (a %4).")
                                   .arg(imageA_->value())
                                   .arg(e.da)
                                   .arg(imageB_->value())
                                   .arg(e.db));
                showPath();
            });
    }
}

Eigen::VectorXf InterpolatePage::pointAt(double t) const {
    return a_ + float(t) * (b_ - a_);
}

void InterpolatePage::showPath() {
    if (a_.size() == 0 || !model_ || a_.size() != model_->params().latentDim) return;
    const Eigen::MatrixXf imgs = model_->generate(interpolate(a_, b_, settings_.interpSteps), 1);
    strip_->clear();
    strip_->addSection(tr("%1 images").arg(imgs.cols()));
    strip_->appendImages(0, imgs.data(), int(imgs.cols()));
    setPosition(t_);
}

void InterpolatePage::setPosition(double t) {
    t_ = std::clamp(t, 0.0, 1.0);
    {
        const QSignalBlocker b1(slider_), b2(field_);
        slider_->setValue(int(std::lround(t_ * kSlider)));
        const bool axis = mode_->currentIndex() == int(Mode::Axis);
        const double r = settings_.traverseRange;
        field_->setValue(axis ? -r + 2 * r * t_ : t_);
    }
    if (a_.size() == 0 || !model_ || a_.size() != model_->params().latentDim) return;
    const Eigen::MatrixXf img = model_->generate(pointAt(t_), 1);
    preview_->setImage(column(img, 0));
    preview_->setCaption(tr("position %1").arg(field_->value(), 0, 'f', 3));
}

void InterpolatePage::setDark(bool dark) {
    preview_->setDark(dark);
    strip_->setDark(dark);
}

}  // namespace as::gui
