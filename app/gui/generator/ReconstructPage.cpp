#include "app/gui/generator/ReconstructPage.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include "app/gui/generator/GeneratorController.h"
#include "sde/SdeIntegrator.h"
#include "widgets/generator/GalleryView.h"
#include "widgets/sde/DigitCanvas.h"

namespace as::gui {

namespace {
constexpr int kTestDigits = 500;  // test digits offered (the first of the model's digits)
}

ReconstructPage::ReconstructPage(GeneratorController* controller, QWidget* parent)
    : GeneratorPage(controller, parent) {
    input_ = new widgets::DigitCanvas;
    input_->setEditable(true);
    input_->setCaption(tr("input (draw here)"));
    output_ = new widgets::DigitCanvas;
    output_->setCaption(tr("reconstruction D(x(T))"));
    film_ = new widgets::GalleryView;
    film_->setObjectName("reconstructFilm");
    film_->setCellSize(72);
    info_ = new QLabel;
    info_->setWordWrap(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Test digit #")));
    indexBox_ = new QSpinBox;
    indexBox_->setRange(0, kTestDigits - 1);
    indexBox_->setToolTip(tr("A test digit of the model's digits"));
    connect(indexBox_, &QSpinBox::valueChanged, this, &ReconstructPage::showTestDigit);
    bar->addWidget(indexBox_);
    auto* clear = new QPushButton(tr("Clear canvas"));
    connect(clear, &QPushButton::clicked, this, [this] { input_->clear(); });
    bar->addStretch(1);
    auto* buttons = new QHBoxLayout;  // a row of their own: the page fits a 1024-pixel screen
    buttons->addWidget(clear);
    auto* run = new QPushButton(tr("Reconstruct"));
    connect(run, &QPushButton::clicked, this, &ReconstructPage::reconstruct);
    buttons->addWidget(run);
    buttons->addStretch(1);
    connect(input_, &widgets::DigitCanvas::strokeFinished, this, &ReconstructPage::reconstruct);

    auto* pair = new QHBoxLayout;
    pair->addWidget(input_);
    pair->addWidget(output_);
    auto* left = new QVBoxLayout;
    left->addLayout(bar);
    left->addLayout(buttons);
    left->addLayout(pair, 1);
    left->addWidget(info_);
    auto* filmBox = new QGroupBox(tr("x(t) decoded, t = 0 → T"));
    filmBox->setToolTip(tr("The latent trajectory x(t), decoded: a filmstrip from t = 0 to T"));
    auto* fl = new QVBoxLayout(filmBox);
    fl->addWidget(film_);
    auto* lay = new QHBoxLayout(this);
    lay->addLayout(left, 2);
    lay->addWidget(filmBox, 3);

    reveal_ = new QTimer(this);
    reveal_->setInterval(60);
    connect(reveal_, &QTimer::timeout, this, [this] {
        const int K = int(current_.frames.cols());
        if (revealed_ >= K || film_->sectionCount() == 0) {
            reveal_->stop();
            output_->setImage(current_.output);
            return;
        }
        film_->appendImages(0, current_.frames.col(revealed_).data(), 1);
        output_->setImage(column(current_.frames, revealed_));
        ++revealed_;
    });
}

int ReconstructPage::frameCount() const {
    return film_->count();
}

void ReconstructPage::modelChanged() {
    tests_.resize(0, 0);
    reveal_->stop();
    current_ = {};
    film_->clear();
    if (isVisible()) loadTestDigits();
}

void ReconstructPage::settingsChanged(const QString& key) {
    if ((key.isEmpty() || key == "film_every") && isVisible()) reconstruct();
}

void ReconstructPage::shown() {
    if (tests_.cols() == 0) loadTestDigits();
}

void ReconstructPage::loadTestDigits() {
    if (!model_ || loading_) return;
    loading_ = true;
    const std::vector<int> digits = model_->digits();
    struct Tests {
        Eigen::MatrixXf x;
        Eigen::VectorXi labels;
        QString source;
    };
    controller_->run<Tests>(
        [digits](GeneratorWorker& w) {
            const as::data::ImageSet s = w.testSet().withLabels(digits);
            Tests t;
            const int n = std::min(kTestDigits, s.count());
            t.x = s.floats(0, n);
            t.labels = s.labels.head(n);
            t.source = w.testSource();
            return t;
        },
        [this](Tests t) {
            loading_ = false;
            tests_ = std::move(t.x);
            testLabels_ = std::move(t.labels);
            indexBox_->setMaximum(std::max<int>(0, int(tests_.cols()) - 1));
            indexBox_->setToolTip(tr("A digit of %1").arg(t.source));
            showTestDigit(indexBox_->value());
        });
}

void ReconstructPage::showTestDigit(int i) {
    if (tests_.cols() == 0 && i >= 0) {  // still loading: shown when the digits arrive
        const QSignalBlocker b(indexBox_);
        indexBox_->setValue(i);
        return;
    }
    if (i < 0 || i >= tests_.cols()) return;
    if (indexBox_->value() != i) {
        const QSignalBlocker b(indexBox_);
        indexBox_->setValue(i);
    }
    input_->setImage(column(tests_, i));
    input_->setCaption(tr("input: test digit %1").arg(testLabels_[i]));
    reconstruct();
}

void ReconstructPage::reconstruct() {
    if (!model_) return;
    const std::vector<float> x = input_->image();
    if (x.size() != std::size_t(model_->pixels())) return;
    const auto model = model_;
    const int every = settings_.filmEvery;
    controller_->run<Film>(
        [model, x, every](GeneratorWorker&) {
            const Eigen::MatrixXf img =
                Eigen::Map<const Eigen::MatrixXf>(x.data(), Eigen::Index(x.size()), 1);
            as::sde::RunOptions o;
            o.seed = 1;
            o.recordEvery = every;
            const as::sde::RunResult r =
                as::sde::SdeIntegrator(model->latent()).run(model->encode(img), o);
            Eigen::MatrixXf states(model->params().latentDim, Eigen::Index(r.recorded.size()));
            for (std::size_t k = 0; k < r.recorded.size(); ++k)
                states.col(Eigen::Index(k)) = r.recorded[k].col(0);
            Film f;
            f.frames = model->decode(states);
            f.times = r.recordTimes;
            const Eigen::MatrixXf out = model->generate(r.final, 1);  // via a second CVFR if any
            f.output.assign(out.data(), out.data() + out.size());
            f.predicted = r.predicted.size() ? r.predicted[0] : -1;
            f.mse = (out - img).squaredNorm() / double(img.size());
            return f;
        },
        [this](Film f) {
            current_ = std::move(f);
            film_->clear();
            film_->addSection(tr("every %1 steps: %2 frames, t = 0 … %3")
                                  .arg(settings_.filmEvery)
                                  .arg(current_.frames.cols())
                                  .arg(current_.times.empty() ? 0.0 : current_.times.back()));
            revealed_ = 0;
            reveal_->start();
            info_->setText(tr("x(T) is nearest the attractor of digit %1; reconstruction MSE %2 "
                              "per pixel.")
                               .arg(digitName(current_.predicted))
                               .arg(current_.mse, 0, 'f', 4));
        });
}

void ReconstructPage::setDark(bool dark) {
    input_->setDark(dark);
    output_->setDark(dark);
    film_->setDark(dark);
}

}  // namespace as::gui
