// The Generator lab's figures (attractor-studio --figure), seed 002 §VI: a shipped model on one
// page with the default view settings (fixed seeds), exported once the page's jobs are done and
// its reveal animations (filmstrip, Langevin strip) have had their time.
#include <QDir>
#include <QElapsedTimer>
#include <memory>

#include "app/gui/generator/GeneratorController.h"
#include "app/gui/generator/GeneratorLab.h"
#include "core/BuildPaths.h"

namespace as::gui {

std::vector<FigureSpec> GeneratorLab::figures() {
    auto figure = [this](QString name, QString paper, QString page, QString view, QString model,
                         QString note = {}) {
        FigureSpec f(std::move(name), tr("seed 002 %1").arg(paper), labId() + "-" + page,
                     std::move(view), std::move(note));
        auto clock = std::make_shared<QElapsedTimer>();
        f.start = [this, model, clock] {
            const QString path =
                QDir(QString::fromStdString(as::buildResourcesDir() + "/models")).filePath(model);
            if (const QString err = loadModel(path); !err.isEmpty())
                qWarning("%s", qPrintable(err));
            clock->start();
        };
        // Jobs start lazily when a page is shown and reveal their frames at 10 per second.
        f.ready = [this, clock] { return controller_->pending() == 0 && clock->elapsed() > 3000; };
        return f;
    };
    return {
        figure("gen-gallery", tr("Fig. 10: conditional generation, digits 0-2"), "gallery",
               tr("Gallery"), "gen_012.h5"),
        figure("gen-gallery-all", tr("Fig. 10: conditional generation, all ten digits"), "gallery",
               tr("Gallery"), "gen_all.h5"),
        figure("gen-dynamical", tr("Fig. 16: the fully dynamical generator"), "gallery",
               tr("Gallery"), "gen_012_dynamical.h5"),
        figure("gen-reconstruct",
               tr("Figs. 9 and 15: an encoded digit through the dynamics, decoded step by step"),
               "reconstruct", tr("Reconstruct"), "gen_012.h5"),
        figure("gen-langevin", tr("Fig. 14: Langevin chain from an attractor"), "langevin",
               tr("Langevin"), "gen_012.h5"),
        figure("gen-latent", tr("Fig. 8: the latent space in 3D, clusters per digit"), "latent",
               tr("Latent space"), "gen_012_view3.h5"),
        figure("gen-interpolate", tr("Fig. 13: traversal of the latent space"), "interpolate",
               tr("Interpolate"), "gen_012.h5", tr("MNIST digits, not the paper's faces")),
        figure("gen-noise", tr("Fig. 11: sample quality against the latent noise \u03b5"), "noise",
               tr("Noise"), "gen_012.h5",
               tr("the shipped runs: Fr\u00e9chet distance in the features of the project's MNIST "
                  "classifier, not Inception FID")),
    };
}

}  // namespace as::gui
