#include "app/gui/generator/LangevinPage.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "app/gui/generator/GeneratorController.h"
#include "export/GifWriter.h"
#include "generator/LangevinSampler.h"
#include "widgets/generator/GalleryView.h"
#include "widgets/sde/DigitCanvas.h"

namespace as::gui {

using namespace as::generator;

LangevinPage::LangevinPage(GeneratorController* controller, QWidget* parent)
    : GeneratorPage(controller, parent) {
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("From the attractor of digit")));
    classBox_ = new QComboBox;
    classBox_->setObjectName("langevinClass");
    bar->addWidget(classBox_);
    auto* runButton = new QPushButton(tr("Run chain"));
    connect(runButton, &QPushButton::clicked, this, [this] { run(); });
    bar->addWidget(runButton);
    playButton_ = new QPushButton(tr("Pause"));
    connect(playButton_, &QPushButton::clicked, this, [this] {
        if (timer_->isActive())
            timer_->stop();
        else if (frames_.cols() > 0)
            timer_->start();
        playButton_->setText(timer_->isActive() ? tr("Pause") : tr("Play"));
    });
    bar->addWidget(playButton_);
    auto* gif = new QPushButton(tr("Export GIF…"));
    connect(gif, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Export the chain as GIF"),
                                                       "langevin.gif", tr("GIF (*.gif)"));
        if (!p.isEmpty()) exportGif(p);
    });
    connect(this, &LangevinPage::gifWritten, this, [this](const QString& p, const QString& err) {
        emit statusMessage(err.isEmpty() ? tr("Wrote %1").arg(p) : err, 8000);
    });
    bar->addWidget(gif);
    bar->addStretch(1);
    connect(classBox_, &QComboBox::activated, this, [this] { run(); });

    movie_ = new widgets::DigitCanvas;
    movie_->setCaption(tr("the chain, animated"));
    movie_->setMinimumWidth(260);
    strip_ = new widgets::GalleryView;
    strip_->setObjectName("langevinStrip");
    info_ = new QLabel;
    info_->setWordWrap(true);
    info_->setTextFormat(Qt::RichText);
    auto* left = new QVBoxLayout;
    left->addWidget(movie_, 1);
    left->addWidget(info_);
    auto* stripBox = new QGroupBox(tr("Every decoded state of the chain"));
    auto* sl = new QVBoxLayout(stripBox);
    sl->addWidget(strip_);
    auto* body = new QHBoxLayout;
    body->addLayout(left, 2);
    body->addWidget(stripBox, 3);
    auto* lay = new QVBoxLayout(this);
    lay->addLayout(bar);
    lay->addLayout(body, 1);

    timer_ = new QTimer(this);
    timer_->setInterval(100);
    connect(timer_, &QTimer::timeout, this, [this] {
        if (frames_.cols() == 0) return;
        frame_ = (frame_ + 1) % int(frames_.cols());
        movie_->setImage(column(frames_, frame_));
        movie_->setCaption(tr("state %1 of %2 (step %3)")
                               .arg(frame_ + 1)
                               .arg(frames_.cols())
                               .arg(frame_ * settings_.langevinEvery));
    });
}

void LangevinPage::modelChanged() {
    const QSignalBlocker b(classBox_);
    classBox_->clear();
    if (model_)
        for (int l = 0; l < model_->classes(); ++l) classBox_->addItem(digitName(l), l);
    stale_ = true;
    if (isVisible()) run();
}

void LangevinPage::settingsChanged(const QString& key) {
    if (key.isEmpty() || key.startsWith("langevin") || key == "centre") {
        stale_ = true;
        if (isVisible()) run();
    }
}

void LangevinPage::shown() {
    if (stale_) run();
}

void LangevinPage::run() {
    run(std::max(0, classBox_->currentIndex()));
}

void LangevinPage::run(int l) {
    if (!model_ || !model_->hasStats() || l < 0 || l >= model_->classes()) return;
    stale_ = false;
    classBox_->setCurrentIndex(l);
    struct Chain {
        LangevinNoise noise;
        Eigen::MatrixXf frames;
    };
    const auto model = model_;
    const int steps = settings_.langevinSteps, every = settings_.langevinEvery;
    const std::uint64_t seed = settings_.langevinSeed;
    const double targetScale = settings_.langevinTargetScale;
    const LatentCentre centre = LatentCentre(settings_.centre);
    timer_->stop();
    info_->setText(tr("Solving the Lyapunov equation and running the chain …"));
    controller_->run<Chain>(
        [=](GeneratorWorker&) {
            Chain c;
            c.noise = langevinNoise(*model, l, centre, targetScale);
            if (!c.noise.solved) throw std::runtime_error("Langevin: " + c.noise.message);
            c.frames = model->generate(langevinChain(*model, l, c.noise, steps, every, seed), seed);
            return c;
        },
        [this, l, targetScale](Chain c) {
            frames_ = std::move(c.frames);
            residual_ = c.noise.residual;
            clipped_ = c.noise.clippedFraction;
            strip_->clear();
            strip_->addSection(tr("digit %1: %2 states, every %3 of %4 steps")
                                   .arg(digitName(l))
                                   .arg(frames_.cols())
                                   .arg(settings_.langevinEvery)
                                   .arg(settings_.langevinSteps));
            strip_->appendImages(0, frames_.data(), int(frames_.cols()));
            frame_ = 0;
            movie_->setImage(column(frames_, 0));
            timer_->start();
            playButton_->setText(tr("Pause"));
            QString text =
                tr("Q = −(JΣ + ΣJᵀ) is %1. Lyapunov residual |S − Σ_T|/|Σ_T| = <b>%2</b>; clipped "
                   "fraction of Q's eigenvalues <b>%3</b> (weight %4); max Re λ(J) = %5.")
                    .arg(c.noise.positiveDefinite
                             ? tr("positive definite (G_T its Cholesky factor)")
                             : tr("not positive definite: negative "
                                  "eigenvalues clipped"))
                    .arg(residual_, 0, 'e', 2)
                    .arg(clipped_, 0, 'f', 3)
                    .arg(c.noise.clippedWeight, 0, 'f', 3)
                    .arg(c.noise.maxRealPart, 0, 'f', 4);
            if (targetScale != 1)
                text +=
                    "<br>" + tr("Target s²Σ_T with s = %1 (Langevin target scale): noise s G_T.")
                                 .arg(targetScale);
            if (!c.noise.message.empty())
                text += "<br>" + QString::fromStdString(c.noise.message).toHtmlEscaped();
            info_->setText(text);
        });
}

void LangevinPage::exportGif(const QString& path) {
    if (frames_.cols() == 0) {
        emit gifWritten(path, tr("Nothing to export: run a chain first"));
        return;
    }
    const Eigen::MatrixXf frames = frames_;
    const int scale = settings_.exportScale;
    controller_->run<QString>(
        [path, frames, scale](GeneratorWorker&) { return writeGif(path, frames, scale); },
        [this, path](QString err) { emit gifWritten(path, err); });
}

QString LangevinPage::writeGif(const QString& path, const Eigen::MatrixXf& frames, int scale) {
    const int side = 28 * scale;
    try {
        as::GifWriter gif(QFile::encodeName(path).toStdString(), side, side);
        for (Eigen::Index k = 0; k < frames.cols(); ++k) {
            const QImage img = widgets::GalleryView::renderTile(frames.col(k).data(), 28, 28, side);
            gif.addFrame(reinterpret_cast<const std::uint32_t*>(img.constBits()),
                         img.bytesPerLine() / 4, 10);
        }
        gif.finish();
    } catch (const std::exception& e) {
        return tr("Cannot write the GIF: %1").arg(QString::fromUtf8(e.what()));
    }
    return {};
}

void LangevinPage::setDark(bool dark) {
    movie_->setDark(dark);
    strip_->setDark(dark);
}

}  // namespace as::gui
