#include "app/gui/sde/SdeDynamicsPage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "app/gui/sde/SdeInputPanel.h"
#include "app/gui/sde/SdeSnapshot.h"
#include "widgets/common/PresentationScale.h"
#include "widgets/sde/DigitCanvas.h"
#include "widgets/sde/DistanceBars.h"
#include "widgets/sde/ImageGrid.h"
#include "widgets/sde/PixelTrajectoryPlot.h"

namespace as::gui {

namespace {
/// Image shape for N nodes: 28 x 28 for 784, else the smallest near-square holding N.
std::pair<int, int> shapeFor(int n) {
    if (n == 784) return {28, 28};
    const int w = std::max(1, int(std::ceil(std::sqrt(double(n)))));
    return {w, (n + w - 1) / w};
}

std::vector<float> padded(const std::vector<float>& v, int w, int h) {
    std::vector<float> out(std::size_t(w) * std::size_t(h), 0.0f);
    std::copy_n(v.begin(), std::min(v.size(), out.size()), out.begin());
    return out;
}
}  // namespace

SdeDynamicsPage::SdeDynamicsPage(SdeInputPanel* input, QWidget* parent) : QWidget(parent) {
    state_ = new as::widgets::DigitCanvas;
    state_->setColorMap(as::widgets::DigitCanvas::ColorMap::Viridis);
    state_->setCaption(tr("State x(t)"));
    state_->setObjectName("sdeStateView");
    attractors_ = new as::widgets::ImageGrid;
    attractors_->setTitle(
        tr("Planted attractors x̄ₗ (framed: the prediction) — click one to start from it"));
    attractors_->setObjectName("sdeAttractorView");
    bars_ = new as::widgets::DistanceBars;
    bars_->setTitle(tr("Distance to each attractor"));
    bars_->setObjectName("sdeDistanceView");
    bars_->setToolTip(tr(
        "Euclidean distance of the late-time average state (the last K steps) to each attractor; "
        "the shortest bar is the prediction"));
    traces_ = new as::widgets::PixelTrajectoryPlot;
    traces_->setTitle(tr("Pixel trajectories xᵢ(t), coloured by the value each should reach"));
    traces_->setObjectName("sdeTrajectoryView");
    prediction_ = new QLabel;
    prediction_->setObjectName("sdePrediction");
    prediction_->setAlignment(Qt::AlignCenter);
    prediction_->setWordWrap(true);
    as::widgets::setRelativeFont(prediction_, 1.35);  // follows presentation mode

    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(state_);
    top->addWidget(attractors_);
    top->setStretchFactor(0, 2);
    top->setStretchFactor(1, 3);
    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(traces_);
    bottom->addWidget(bars_);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(top);
    right->addWidget(bottom);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 1);

    auto* lay = new QHBoxLayout(this);
    lay->setContentsMargins(2, 2, 2, 2);
    input->setMinimumWidth(240);
    // As narrow as its contents allow (wider with presentation mode's fonts), never wider.
    input->setSizePolicy(QSizePolicy::Maximum, input->sizePolicy().verticalPolicy());
    lay->addWidget(input);
    // The prediction line spans the views: under the state image alone it was cut at 1024x700
    // in presentation mode ("Heading for class 0 · true class 0 (t = 2.8…").
    auto* views = new QWidget;
    auto* vl = new QVBoxLayout(views);
    vl->setContentsMargins(0, 0, 0, 0);
    vl->addWidget(prediction_);
    vl->addWidget(right, 1);
    lay->addWidget(views, 1);
    connect(attractors_, &as::widgets::ImageGrid::imageClicked, this,
            &SdeDynamicsPage::attractorClicked);
}

void SdeDynamicsPage::showModel(const as::sde::SdeModel& m) {
    const as::sde::AttractorSet& att = m.attractors();
    const auto [w, h] = shapeFor(att.n());
    std::vector<std::vector<float>> ims;
    QStringList caps;
    for (int l = 0; l < att.classes(); ++l) {
        std::vector<float> v(std::size_t(att.n()));
        for (int i = 0; i < att.n(); ++i) v[std::size_t(i)] = float(att.points()(i, l));
        ims.push_back(padded(v, w, h));
        caps << QString::number(l);
    }
    const double hi = std::max(1.0, att.aPlus());
    attractors_->setImages(std::move(ims), w, h, caps);
    attractors_->setRange(std::min(0.0, att.aMinus() < 0 ? att.aMinus() : 0.0), hi);
    state_->setRange(0.0, hi);
    traces_->setLevels(att.aPlus(),
                       m.params().pattern == as::sde::Pattern::BlocksMinus ? att.aMinus() : 0.0);
}

void SdeDynamicsPage::showSnapshot(const SdeSnapshot& s) {
    if (!s.model) return;
    if (s.model.get() != shownModel_) {
        keep_ = s.model;  // the attractors only change with the model
        shownModel_ = s.model.get();
        showModel(*s.model);
    }
    const auto [w, h] = shapeFor(int(s.state.size()));
    state_->setImage(padded(s.state, w, h), w, h);
    state_->setCaption(tr("State x(t),  t = %1").arg(s.t, 0, 'f', 2));
    attractors_->setHighlighted(s.predicted);
    if (s.step == 0 || s.step < lastStep_) bars_->resetScale();
    lastStep_ = s.step;
    bars_->setValues(s.distances);
    traces_->setTimeRange(0.0, std::max(s.horizon, s.times.empty() ? 0.0 : s.times.back()));
    traces_->setData(s.times, s.traces, s.targets);
    traces_->setCursorTime(s.t);

    QString text;
    const QString truth = s.label >= 0 ? tr(" · true class %1").arg(s.label) : QString();
    if (s.diverged) {
        text = tr("<span style='color:#c03030'>Diverged: no decision</span>");
    } else if (s.predicted < 0) {
        text = tr("No prediction yet");
    } else if (s.t + 1e-9 >= s.horizon) {
        const bool ok = s.label < 0 || s.label == s.predicted;
        text = tr("Decided at T = %1: <b style='color:%2'>class %3</b>%4 %5")
                   .arg(s.horizon, 0, 'g', 4)
                   .arg(ok ? "#1e9e3c" : "#c03030")
                   .arg(s.predicted)
                   .arg(truth)
                   .arg(s.label < 0 ? QString() : (ok ? QStringLiteral("✓") : QStringLiteral("✗")));
    } else {
        text = tr("Heading for <b>class %1</b>%2 (t = %3 of T = %4)")
                   .arg(s.predicted)
                   .arg(truth)
                   .arg(s.t, 0, 'f', 2)
                   .arg(s.horizon, 0, 'g', 4);
    }
    prediction_->setText(text);
}

QString SdeDynamicsPage::predictionText() const {
    return prediction_->text();
}

void SdeDynamicsPage::setDark(bool dark) {
    dark_ = dark;
    state_->setDark(dark);
    attractors_->setDark(dark);
    bars_->setDark(dark);
    traces_->setDark(dark);
}

}  // namespace as::gui
