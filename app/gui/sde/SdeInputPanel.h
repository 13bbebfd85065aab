#pragma once
// The SDE lab's input column: browse digits (the 100 shipped examples, or the MNIST test set when
// it is installed) with their labels, draw or retouch one on a 28 x 28 canvas, pick a corruption
// and its seed, and send x(0) to the dynamics. The pipeline is the engine's:
//   pixel / 255 -> corruption -> normalise to max -> x(0).
// A new digit, a finished stroke, a corruption change or "Use as input" emit inputChosen(); the
// changes a person makes (not a digit shown by the browser or a session) emit inputEdited() too.
#include <QWidget>
#include <vector>

#include "data/Corruptions.h"
#include "data/ImageSet.h"

class QComboBox;
class QLabel;
class QSpinBox;

namespace as::widgets {
class DigitCanvas;
}

namespace as::gui {

class SdeInputPanel : public QWidget {
    Q_OBJECT
  public:
    enum class Source { Examples = 0, MnistTest = 1 };

    explicit SdeInputPanel(QWidget* parent = nullptr);

    /// x(0) for the current canvas, corruption and seed (784 values, largest = 1 unless all 0).
    std::vector<float> initialCondition() const;
    /// The true class of the shown digit; -1 once it was drawn on (or cleared).
    int label() const { return label_; }
    /// The clean image on the canvas (pixel / 255).
    std::vector<float> cleanImage() const;
    as::data::Corruption corruption() const;
    quint64 corruptionSeed() const;
    int index() const;
    Source source() const;
    /// How many digits the browser holds, and whether the shipped examples were found.
    int digitCount() const { return digits_.count(); }
    bool hasExamples() const { return examplesOk_; }
    /// The first index of the browser whose label is `digit` (-1: none).
    int firstIndexOf(int digit) const;
    as::widgets::DigitCanvas* canvas() const { return canvas_; }

    /// Shows digit `index` of the browser (clamped) and emits inputChosen.
    void showDigit(int index);
    void setCorruption(as::data::Corruption c, quint64 seed);
    /// Restores a session's input: the image (pixel / 255), its label, corruption and seed.
    void restore(const std::vector<float>& image, int label, as::data::Corruption c, quint64 seed);
    void setDark(bool dark);

  signals:
    void inputChosen();
    /// After inputChosen, when the person changed the input (a finished stroke, a corruption or
    /// its seed, "Use as input"): the lab plays the new input from t = 0.
    void inputEdited();

  private:
    void loadSource(Source s);
    void updateCaption();

    as::data::ImageSet digits_;
    bool examplesOk_ = false;
    int label_ = -1;
    bool restoring_ = false;
    QComboBox* sourceCombo_ = nullptr;
    QSpinBox* indexSpin_ = nullptr;
    QLabel* labelText_ = nullptr;
    as::widgets::DigitCanvas* canvas_ = nullptr;
    QComboBox* corruptionCombo_ = nullptr;
    QSpinBox* seedSpin_ = nullptr;
};

}  // namespace as::gui
