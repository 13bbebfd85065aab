// The Generator lab's guided tour (Help → Guided Tour): the gallery, the memorisation check,
// a reconstruction, the Langevin chain, the latent space, interpolation, noise and training.
#include "app/gui/generator/GalleryPage.h"
#include "app/gui/generator/GeneratorLab.h"

namespace as::gui {

std::vector<TourStep> GeneratorLab::tourSteps() {
    return {
        {tr("Images from attractors"),
         tr("An encoder maps a digit to a latent state x(0); a stochastic attractor network (the "
            "CVFR SDE with one planted attractor per digit) carries it to x(T); a decoder turns "
            "x(T) back into an image. After training, the states x(T) of each digit form a cloud "
            "around its attractor, with covariance Σ_T."),
         [this] { showPage(0); }},
        {tr("The gallery"),
         tr("Each image here was drawn from N(x̄ₗ, Σ_T) and decoded: the model generating new "
            "digits. Change the seed to draw others; <b>More</b> adds as many again."),
         [this] {
             showPage(0);
             requestEdit("seed", 7);
         }},
        {tr("Memorised?"),
         tr("Click an image: it is enlarged beside its nearest training image. If they were the "
            "same, the model would only be replaying its training set."),
         [this] {
             showPage(0);
             gallery_->inspect(0);
         }},
    };
}

}  // namespace as::gui
