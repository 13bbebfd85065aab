// The Generator lab's guided tour (Help → Guided Tour): the gallery, the memorisation check, a
// reconstruction, the Langevin chain, the latent space, interpolation, noise and training.
#include "app/gui/generator/GalleryPage.h"
#include "app/gui/generator/GeneratorLab.h"
#include "app/gui/generator/InterpolatePage.h"
#include "app/gui/generator/LangevinPage.h"
#include "app/gui/generator/ReconstructPage.h"

namespace as::gui {

std::vector<TourStep> GeneratorLab::tourSteps() {
    return {
        {tr("Images from attractors"),
         tr("An encoder maps a digit to a latent state x(0); a stochastic attractor network (the "
            "CVFR SDE, one planted attractor per digit) carries it to x(T); a decoder turns x(T) "
            "back into an image. After training, the states x(T) of each digit form a cloud "
            "around its attractor x̄ₗ, with covariance Σ_T."),
         [this] { showPage(0); }},
        {tr("The gallery"),
         tr("Each image here was drawn from N(x̄ₗ, Σ_T) and decoded: the model generating new "
            "digits. A new seed draws others (Ctrl+Z brings the old ones back); <b>More</b> adds "
            "as many again."),
         [this] {
             showPage(0);
             requestEdit("seed", 7);
         }},
        {tr("Memorised?"),
         tr("Click an image: it is enlarged beside its nearest training image. If the two were "
            "the same, the model would only be replaying its training set."),
         [this] {
             showPage(0);
             gallery_->inspect(0);
         }},
        {tr("Watch it generate"),
         tr("A test digit is encoded and the latent dynamics run to T. The filmstrip decodes the "
            "state every 10 steps: the image sharpens as x(t) falls towards its attractor. Draw "
            "your own digit on the left canvas: it is reconstructed when you let go."),
         [this] {
             showPage(1);
             reconstruct_->showTestDigit(3);
         }},
        {tr("Langevin sampling"),
         tr("Started on the attractor, the SDE is driven by a noise matrix G_T solved from the "
            "Lyapunov equation so that its stationary covariance is Σ_T. Its states, decoded, "
            "wander through the digit's variations (Fig. 14). The residual says how well G_T "
            "reproduces Σ_T."),
         [this] {
             showPage(2);
             langevin_->run(0);
         }},
        {tr("The latent space"),
         tr("x(T) of the test digits, first three components, one colour per digit, attractors "
            "as large dots (Fig. 8). Drag to rotate; hover a point to decode it."),
         [this] { showPage(3); }},
        {tr("Between digits"),
         tr("A straight line from one attractor to another, decoded: the 0 turns into a 1. The "
            "slider decodes any point on the way; other paths join two encoded digits or follow "
            "a principal axis of Σ_T (Fig. 13)."),
         [this] {
             showPage(4);
             interpolate_->setMode(InterpolatePage::Mode::Attractors);
             interpolate_->setPosition(0.5);
         }},
        {tr("How much noise?"),
         tr("Models trained and sampled at several noise levels ε, five seeds each: the Fréchet "
            "distance of their images to the test set (lower is better, the dashed line is "
            "real-vs-real). The paper's Fig. 11 finds a minimum at an intermediate ε."),
         [this] { showPage(5); }},
        {tr("Train your own"),
         tr("Choose the digits, d, ε, T and the loss weights, and press Start training: the loss "
            "curves of the three terms of eq 21 update as it runs, and the model becomes the "
            "lab's when it ends (Cancel keeps what it learnt)."),
         [this] { showPage(6); }},
    };
}

}  // namespace as::gui
