// The SDE lab's guided tour (Help → Guided Tour): pick a digit, play, watch the bars, add noise,
// switch G, corrupt the input, draw your own.
#include "app/gui/sde/SdeController.h"
#include "app/gui/sde/SdeInputPanel.h"
#include "app/gui/sde/SdeLab.h"
#include "widgets/sde/DigitCanvas.h"

namespace as::gui {

std::vector<TourStep> SdeLab::tourSteps() {
    auto showClass = [this](int digit) {
        return [this, digit] {
            showTab(0);
            input_->setCorruption(as::data::Corruption::Clean, 1);
            const int i = input_->firstIndexOf(digit);
            input_->showDigit(i >= 0 ? i : 0);
            controller_->play();
        };
    };
    return {
        {tr("Planted attractors"),
         tr("Each of the 784 nodes is one pixel. The coupling A is built so that ten chosen "
            "states, the "
            "<b>attractors</b> shown as images on the right, are fixed points of dx/dt = f(x) + A "
            "g(x): one "
            "block of pixels lit at a₊ per class. Training changes only the free part Ã of A."),
         [this] {
             showTab(0);
             requestEdit("eps", 0.0);
         }},
        {tr("Pick a digit"),
         tr("A test digit is the initial condition x(0) (scaled so its brightest pixel is 1). "
            "Press Play: the "
            "state image on the left leaves the digit and falls into one block — the system "
            "<b>decides</b>."),
         showClass(7)},
        {tr("Watch the bars"),
         tr("The bars are the distances of the late-time average state to every attractor; the "
            "shortest one, "
            "framed in orange among the attractors, is the prediction. The coloured curves are "
            "single pixels: "
            "green ones should end at a₊, blue ones at 0 (the paper's Fig. 3)."),
         showClass(3)},
        {tr("Add noise"),
         tr("Now ε = 0.1 with G = identity: every pixel is kicked by independent Gaussian noise. "
            "The curves "
            "fluctuate (Fig. 4), but the state still settles into a noisy cloud around the right "
            "attractor."),
         [this, showClass] {
             requestEdit("noise", 0);
             requestEdit("eps", 0.1);
             showClass(3)();
         }},
        {tr("Switch G"),
         tr("With G = trained the noise is correlated through the learnt matrix G (a model trained "
            "with "
            "“Train G”). Without a trained G the identity is used. Switch it in the toolbar while "
            "it runs."),
         [this] {
             requestEdit("noise", 1);
             controller_->play();
         }},
        {tr("Corrupt the input"),
         tr("Gaussian noise σ = 0.8 is added to the digit before it is normalised (the paper's "
            "Table 1). The "
            "dynamics may still find the right class — or fall into a wrong one."),
         [this] {
             requestEdit("noise", 0);
             requestEdit("eps", 0.0);
             input_->setCorruption(as::data::Corruption::Gauss08, 1);
             controller_->play();
         }},
        {tr("Your turn: draw"),
         tr("The canvas is cleared: draw a digit with the mouse (right button erases). When you "
            "release the "
            "button the dynamics start from your drawing. Ctrl+Z undoes parameter edits; the "
            "Training tab "
            "trains a model of your own."),
         [this] {
             input_->setCorruption(as::data::Corruption::Clean, 1);
             input_->canvas()->clear();
         }},
    };
}

}  // namespace as::gui
