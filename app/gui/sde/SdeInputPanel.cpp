#include "app/gui/sde/SdeInputPanel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "data/MnistLocator.h"
#include "widgets/sde/DigitCanvas.h"

namespace as::gui {

SdeInputPanel::SdeInputPanel(QWidget* parent) : QWidget(parent) {
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(4, 4, 4, 4);
    auto* title = new QLabel(tr("<b>Input x(0)</b>"));
    v->addWidget(title);

    sourceCombo_ = new QComboBox;
    sourceCombo_->addItem(tr("Shipped examples (100)"));
    sourceCombo_->addItem(tr("MNIST test set (10,000)"));
    const bool mnist = !as::data::findMnistDir().empty();
    if (!mnist) {
        auto* m = qobject_cast<QStandardItemModel*>(sourceCombo_->model());
        if (m) m->item(1)->setEnabled(false);
        sourceCombo_->setItemData(
            1, tr("MNIST is not installed: scripts/fetch-mnist.sh fetches it"), Qt::ToolTipRole);
    }
    sourceCombo_->setToolTip(tr("Where the digits come from"));
    v->addWidget(sourceCombo_);

    auto* browse = new QHBoxLayout;
    auto* prev = new QToolButton;
    prev->setArrowType(Qt::LeftArrow);
    prev->setToolTip(tr("Previous digit"));
    auto* next = new QToolButton;
    next->setArrowType(Qt::RightArrow);
    next->setToolTip(tr("Next digit"));
    indexSpin_ = new QSpinBox;
    indexSpin_->setToolTip(tr("Index of the digit in the chosen set"));
    auto* random = new QPushButton(tr("Random"));
    random->setToolTip(tr("A random digit of the set"));
    browse->addWidget(prev);
    browse->addWidget(indexSpin_, 1);
    browse->addWidget(next);
    browse->addWidget(random);
    v->addLayout(browse);
    labelText_ = new QLabel;
    v->addWidget(labelText_);

    canvas_ = new as::widgets::DigitCanvas;
    canvas_->setEditable(true);
    canvas_->setObjectName("sdeInputCanvas");
    v->addWidget(canvas_, 1);
    auto* draw = new QHBoxLayout;
    auto* clear = new QPushButton(tr("Clear"));
    clear->setToolTip(
        tr("Blank canvas: draw your own digit (left button draws, right button erases)"));
    auto* drawHint = new QLabel(tr("Draw: left button · erase: right"));
    drawHint->setWordWrap(true);  // two lines rather than a wider panel (presentation mode)
    draw->addWidget(drawHint, 1);
    draw->addWidget(clear);
    v->addLayout(draw);

    auto* grid = new QGridLayout;
    corruptionCombo_ = new QComboBox;
    for (auto c : as::data::allCorruptions())
        corruptionCombo_->addItem(QString::fromUtf8(as::data::corruptionLabel(c)), int(c));
    corruptionCombo_->setToolTip(
        tr("MNIST-C corruption applied before normalising (the paper's Table 1)"));
    seedSpin_ = new QSpinBox;
    seedSpin_->setRange(0, 1000000);
    seedSpin_->setValue(1);
    seedSpin_->setToolTip(tr("Seed of the corruption's randomness"));
    grid->addWidget(new QLabel(tr("Corruption")), 0, 0);
    grid->addWidget(corruptionCombo_, 0, 1);
    grid->addWidget(new QLabel(tr("Seed")), 1, 0);
    grid->addWidget(seedSpin_, 1, 1);
    grid->setColumnStretch(1, 1);
    v->addLayout(grid);
    auto* use = new QPushButton(tr("Use as input"));
    use->setObjectName("sdeUseInput");
    use->setToolTip(tr("Start the dynamics from this image: x(0) = corrupted image / its maximum"));
    v->addWidget(use);

    connect(sourceCombo_, &QComboBox::activated, this, [this](int i) { loadSource(Source(i)); });
    connect(indexSpin_, &QSpinBox::valueChanged, this, [this](int i) {
        if (!restoring_) showDigit(i);
    });
    connect(prev, &QToolButton::clicked, this,
            [this] { indexSpin_->setValue(std::max(0, indexSpin_->value() - 1)); });
    connect(next, &QToolButton::clicked, this,
            [this] { indexSpin_->setValue(indexSpin_->value() + 1); });
    connect(random, &QPushButton::clicked, this, [this] {
        if (digits_.count() > 0)
            indexSpin_->setValue(int(QRandomGenerator::global()->bounded(digits_.count())));
    });
    connect(canvas_, &as::widgets::DigitCanvas::strokeFinished, this, [this] {
        label_ = -1;
        updateCaption();
        emit inputChosen();
        emit inputEdited();
    });
    connect(clear, &QPushButton::clicked, canvas_, &as::widgets::DigitCanvas::clear);
    auto edited = [this] {
        if (restoring_) return;
        emit inputChosen();
        emit inputEdited();
    };
    connect(corruptionCombo_, &QComboBox::currentIndexChanged, this, edited);
    connect(seedSpin_, &QSpinBox::valueChanged, this, edited);
    connect(use, &QPushButton::clicked, this, edited);

    loadSource(Source::Examples);
}

void SdeInputPanel::loadSource(Source s) {
    try {
        digits_ = s == Source::MnistTest
                      ? as::data::loadMnist(as::data::findMnistDir(), as::data::MnistSplit::Test)
                      : as::data::loadExampleDigits();
        if (s == Source::Examples) examplesOk_ = true;
    } catch (const std::exception& e) {
        digits_ = as::data::ImageSet{};
        labelText_->setText(tr("No digits: %1").arg(QString::fromUtf8(e.what())));
        labelText_->setWordWrap(true);
    }
    {
        const QSignalBlocker b(sourceCombo_);
        sourceCombo_->setCurrentIndex(int(s));
    }
    const QSignalBlocker b(indexSpin_);
    indexSpin_->setRange(0, std::max(0, digits_.count() - 1));
    indexSpin_->setValue(0);
    if (digits_.count() > 0) showDigit(0);
}

void SdeInputPanel::showDigit(int index) {
    if (digits_.count() == 0) return;
    index = std::clamp(index, 0, digits_.count() - 1);
    {
        const QSignalBlocker b(indexSpin_);
        indexSpin_->setValue(index);
    }
    const Eigen::MatrixXf im = digits_.floats(index, 1);
    canvas_->setImage(std::vector<float>(im.data(), im.data() + im.size()), digits_.cols,
                      digits_.rows);
    label_ = digits_.labels(index);
    updateCaption();
    emit inputChosen();
}

void SdeInputPanel::updateCaption() {
    if (digits_.count() == 0 && label_ < 0) return;
    labelText_->setText(label_ >= 0 ? tr("Digit %1 of %2 · true class <b>%3</b>")
                                          .arg(indexSpin_->value() + 1)
                                          .arg(digits_.count())
                                          .arg(label_)
                                    : tr("Drawn by hand · class unknown"));
}

int SdeInputPanel::firstIndexOf(int digit) const {
    for (int i = 0; i < digits_.count(); ++i)
        if (digits_.labels(i) == digit) return i;
    return -1;
}

std::vector<float> SdeInputPanel::cleanImage() const {
    return canvas_->image();
}

as::data::Corruption SdeInputPanel::corruption() const {
    return as::data::Corruption(corruptionCombo_->currentData().toInt());
}

quint64 SdeInputPanel::corruptionSeed() const {
    return quint64(seedSpin_->value());
}
int SdeInputPanel::index() const {
    return indexSpin_->value();
}
SdeInputPanel::Source SdeInputPanel::source() const {
    return Source(sourceCombo_->currentIndex());
}

std::vector<float> SdeInputPanel::initialCondition() const {
    std::vector<float> img = canvas_->image();
    const int w = canvas_->imageWidth(), h = canvas_->imageHeight();
    as::data::corrupt(corruption(), img.data(), img.data(), h, w, corruptionSeed());
    Eigen::Map<Eigen::MatrixXf> m(img.data(), Eigen::Index(img.size()), 1);
    Eigen::MatrixXf x = m;
    as::data::normaliseToMax(x);
    return std::vector<float>(x.data(), x.data() + x.size());
}

void SdeInputPanel::setCorruption(as::data::Corruption c, quint64 seed) {
    restoring_ = true;
    corruptionCombo_->setCurrentIndex(std::max(0, corruptionCombo_->findData(int(c))));
    seedSpin_->setValue(int(seed));
    restoring_ = false;
    emit inputChosen();
}

void SdeInputPanel::restore(const std::vector<float>& image, int label, as::data::Corruption c,
                            quint64 seed) {
    restoring_ = true;
    canvas_->setImage(image, 28, 28);
    label_ = label;
    corruptionCombo_->setCurrentIndex(std::max(0, corruptionCombo_->findData(int(c))));
    seedSpin_->setValue(int(seed));
    restoring_ = false;
    updateCaption();
    emit inputChosen();
}

void SdeInputPanel::setDark(bool dark) {
    canvas_->setDark(dark);
}

}  // namespace as::gui
