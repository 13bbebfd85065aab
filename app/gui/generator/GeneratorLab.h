#pragma once
// The Generator lab (seed 002 §VI; issue 14): an encoder, the latent CVFR SDE with planted
// attractors and a decoder, trained on MNIST. Pages: Gallery (sample and decode, nearest training
// image, PNG/HDF5 export), Reconstruct (the latent trajectory decoded as a filmstrip), Langevin
// (the chain from an attractor, GIF export), Latent space (3D scatter of x(T)), Interpolate
// (between attractors or encoded digits, along principal axes), Noise (FD vs eps) and Train.
// Opens the shipped gen_012.h5. A dock holds the model chooser and the view settings, whose edits
// are undo steps (ParameterBinding); the Train page has its own form and binding.
#include <memory>
#include <vector>

#include "app/gui/framework/Lab.h"
#include "generator/GeneratorModelFile.h"
#include "generator/GeneratorTrainSettings.h"
#include "generator/GeneratorViewSettings.h"

class QLabel;
class QTabWidget;
class QUndoStack;

namespace as::widgets {
class ParameterForm;
}

namespace as::gui {

class GalleryPage;
class GeneratorController;
class GeneratorPage;
class LangevinPage;
class InterpolatePage;
class LatentPage;
class ModelFileBox;
class NoisePage;
class ParameterBinding;
class ReconstructPage;
class TrainPage;

class GeneratorLab : public Lab {
    Q_OBJECT
  public:
    explicit GeneratorLab(QUndoStack* undo, QWidget* parent = nullptr);
    ~GeneratorLab() override;

    AS_LAB_INTERFACE;
    QString applySetting(const QString& section, const QString& key, const QString& value) override;
    /// "generator-<page>" (gallery, reconstruct, langevin, latent, interpolate, noise, train)
    /// shows that page (--lab generator-langevin).
    bool showSection(const QString& id) override;

    /// The shipped generator models that exist (gen_012.h5 first).
    static QStringList shippedModels();
    /// Loads a model file as the running model; returns "" or the error (also shown).
    QString loadModel(const QString& path);
    QString saveModel(const QString& path);
    /// Makes a model the running one (a trained one from the Train page, a session's).
    void adoptModel(std::shared_ptr<const as::generator::GeneratorModel> model,
                    const as::generator::GeneratorTrainingMeta& meta, const QString& name,
                    const QString& source);
    /// A view-settings edit as an undo step; false if refused.
    bool requestEdit(const QString& key, double value);
    void showPage(int index);

    GeneratorController* controller() const { return controller_.get(); }
    GalleryPage* galleryPage() const { return gallery_; }
    LangevinPage* langevinPage() const { return langevin_; }
    ReconstructPage* reconstructPage() const { return reconstruct_; }
    LatentPage* latentPage() const { return latent_; }
    InterpolatePage* interpolatePage() const { return interpolate_; }
    NoisePage* noisePage() const { return noise_; }
    TrainPage* trainPage() const { return trainPage_; }
    const as::generator::GeneratorTrainSettings& trainSettings() const { return train_; }
    std::shared_ptr<const as::generator::GeneratorModel> model() const { return model_; }
    const as::generator::GeneratorViewSettings& settings() const { return view_; }
    QTabWidget* tabs() const { return tabs_; }

  private:
    void buildDock();
    void applyView(const as::generator::GeneratorViewSettings& s, const QString& key);
    void syncModelInfo();

    std::unique_ptr<GeneratorController> controller_;
    QUndoStack* undo_;
    std::shared_ptr<const as::generator::GeneratorModel> model_;
    as::generator::GeneratorTrainingMeta meta_;
    QString modelName_, modelSource_;
    as::generator::GeneratorViewSettings view_;
    as::generator::GeneratorTrainSettings train_;

    QTabWidget* tabs_ = nullptr;
    std::vector<GeneratorPage*> pages_;
    GalleryPage* gallery_ = nullptr;
    LangevinPage* langevin_ = nullptr;
    ReconstructPage* reconstruct_ = nullptr;
    LatentPage* latent_ = nullptr;
    InterpolatePage* interpolate_ = nullptr;
    NoisePage* noise_ = nullptr;
    TrainPage* trainPage_ = nullptr;
    as::widgets::ParameterForm* form_ = nullptr;
    ParameterBinding* binding_ = nullptr;
    ModelFileBox* modelBox_ = nullptr;
};

}  // namespace as::gui
