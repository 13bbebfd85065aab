#include "app/gui/generator/GeneratorLab.h"

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include "app/gui/framework/ModelFileBox.h"
#include "app/gui/framework/ParameterBinding.h"
#include "app/gui/generator/GalleryPage.h"
#include "app/gui/generator/GeneratorController.h"
#include "app/gui/generator/InterpolatePage.h"
#include "app/gui/generator/LangevinPage.h"
#include "app/gui/generator/LatentPage.h"
#include "app/gui/generator/NoisePage.h"
#include "app/gui/generator/ReconstructPage.h"
#include "app/gui/generator/TrainPage.h"
#include "core/BuildPaths.h"
#include "widgets/common/ParameterForm.h"

namespace as::gui {

using as::generator::GeneratorViewSettings;

QStringList GeneratorLab::shippedModels() {
    QStringList out;
    const QDir dir(QString::fromStdString(as::buildResourcesDir() + "/models"));
    for (const char* name :
         {"gen_012.h5", "gen_012_view3.h5", "gen_all.h5", "gen_012_dynamical.h5"})
        if (dir.exists(name)) out << dir.filePath(name);
    return out;
}

GeneratorLab::GeneratorLab(QUndoStack* undo, QWidget* parent)
    : Lab(QStringLiteral("generator"), tr("Generator"), parent),
      controller_(std::make_unique<GeneratorController>()),
      undo_(undo) {
    setWindowFlags(Qt::Widget);
    setObjectName("generatorLab");
    tabs_ = new QTabWidget;
    tabs_->setObjectName("generatorTabs");
    setCentralWidget(tabs_);
    statusLabel()->setMinimumWidth(380);

    gallery_ = new GalleryPage(controller_.get());
    pages_.push_back(gallery_);
    tabs_->addTab(gallery_, tr("Gallery"));
    reconstruct_ = new ReconstructPage(controller_.get());
    pages_.push_back(reconstruct_);
    tabs_->addTab(reconstruct_, tr("Reconstruct"));
    langevin_ = new LangevinPage(controller_.get());
    pages_.push_back(langevin_);
    tabs_->addTab(langevin_, tr("Langevin"));
    latent_ = new LatentPage(controller_.get());
    pages_.push_back(latent_);
    tabs_->addTab(latent_, tr("Latent space"));
    interpolate_ = new InterpolatePage(controller_.get());
    pages_.push_back(interpolate_);
    tabs_->addTab(interpolate_, tr("Interpolate"));
    noise_ = new NoisePage(controller_.get());
    pages_.push_back(noise_);
    tabs_->addTab(noise_, tr("Noise"));
    trainPage_ = new TrainPage(
        controller_.get(), undo_, [this] { return train_; },
        [this](const as::generator::GeneratorTrainSettings& s) { train_ = s; });
    pages_.push_back(trainPage_);
    tabs_->addTab(trainPage_, tr("Train"));
    connect(trainPage_, &TrainPage::modelTrained, this,
            [this](std::shared_ptr<const as::generator::GeneratorModel> m,
                   const as::generator::GeneratorTrainingMeta& meta,
                   const QString&) { adoptModel(std::move(m), meta, tr("trained here"), {}); });
    for (GeneratorPage* p : pages_) {
        connect(p, &GeneratorPage::statusMessage, this, &Lab::statusMessage);
        connect(p, &GeneratorPage::editRequested, this,
                [this](const QString& k, double v) { requestEdit(k, v); });
    }
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int i) {
        if (i >= 0 && i < int(pages_.size())) pages_[std::size_t(i)]->shown();
    });
    connect(controller_.get(), &GeneratorController::failed, this,
            [this](const QString& m) { emit statusMessage(tr("Generator: %1").arg(m), 10000); });
    connect(controller_.get(), &GeneratorController::busyChanged, this, [this](bool busy) {
        statusLabel()->setText(
            tr("model: %1%2").arg(modelName_, busy ? tr("  |  working …") : QString()));
    });
    buildDock();
    connect(trainPage_, &TrainPage::saveRequested, modelBox_, &ModelFileBox::chooseAndSave);
    connect(trainPage_, &TrainPage::loadRequested, modelBox_, &ModelFileBox::chooseAndLoad);
    for (GeneratorPage* p : pages_) p->setSettings(view_, QStringLiteral("#init"));

    const QStringList shipped = shippedModels();
    if (!shipped.isEmpty())
        loadModel(shipped.first());
    else
        QTimer::singleShot(0, this, [this] {
            emit statusMessage(tr("No shipped generator model in resources/models: train one in "
                                  "the Train tab or load a file."),
                               0);
        });
}

GeneratorLab::~GeneratorLab() = default;

void GeneratorLab::buildDock() {
    auto* inner = new QWidget;
    auto* lay = new QVBoxLayout(inner);
    modelBox_ = new ModelFileBox(tr("generator"), "generator.h5");
    modelBox_->combo()->setObjectName("generatorModelCombo");
    modelBox_->addFiles(shippedModels());
    modelBox_->combo()->setToolTip(tr("Shipped trained models (resources/models)"));
    connect(modelBox_, &ModelFileBox::entryChosen, this, [this](const QString& path) {
        if (!path.isEmpty()) loadModel(path);
    });
    connect(modelBox_, &ModelFileBox::loadRequested, this, &GeneratorLab::loadModel);
    connect(modelBox_, &ModelFileBox::saveRequested, this, &GeneratorLab::saveModel);
    lay->addWidget(modelBox_);

    auto* box = new QGroupBox(tr("View settings (Ctrl+Z undoes)"));
    auto* bl = new QVBoxLayout(box);
    bl->setContentsMargins(2, 2, 2, 2);
    form_ = new as::widgets::ParameterForm(GeneratorViewSettings::specs());
    form_->setObjectName("generatorForm");
    binding_ = new ParameterBinding(
        "generator",
        ParameterBinding::of<GeneratorViewSettings>(
            [this] { return view_; }, [this](const GeneratorViewSettings& s) { applyView(s, {}); }),
        form_, undo_, this);
    connect(binding_, &ParameterBinding::refused, this,
            [this](const QString& rule) { emit statusMessage(tr("Refused: %1").arg(rule), 8000); });
    bl->addWidget(form_);
    lay->addWidget(box);
    lay->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    auto* dock = new QDockWidget(tr("Model and settings"));
    dock->setObjectName("generatorDock");
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(scroll);
    dock->setMinimumWidth(240);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    binding_->sync();
}

bool GeneratorLab::requestEdit(const QString& key, double value) {
    return binding_->edit(key, value);
}

void GeneratorLab::applyView(const GeneratorViewSettings& s, const QString& key) {
    // Which key changed: the one that differs (an undo step changes one), or "" when several do
    // (a session, a reset).
    QString changed = key;
    int differing = 0;
    if (changed.isEmpty())
        for (const auto& spec : GeneratorViewSettings::specs())
            if (s.get(spec.key) != view_.get(spec.key) && differing++ == 0)
                changed = QString::fromStdString(spec.key);
    view_ = s;
    if (key.isEmpty() && differing == 0) return;
    if (differing > 1) changed.clear();
    for (GeneratorPage* p : pages_) p->setSettings(view_, changed);
}

void GeneratorLab::adoptModel(std::shared_ptr<const as::generator::GeneratorModel> model,
                              const as::generator::GeneratorTrainingMeta& meta, const QString& name,
                              const QString& source) {
    if (!model) return;
    model_ = std::move(model);
    meta_ = meta;
    modelName_ = name;
    modelSource_ = source;
    syncModelInfo();
    for (GeneratorPage* p : pages_) p->setModel(model_, modelName_);
    trainPage_->showCurves(meta_.curves,
                           tr("The curves %1 was trained with (%2 iterations). Start training to "
                              "train a model of your own.")
                               .arg(modelName_)
                               .arg(meta_.curves.size()));
    statusLabel()->setText(tr("model: %1").arg(modelName_));
    emit statusMessage(tr("Generator model: %1").arg(name), 6000);
}

void GeneratorLab::syncModelInfo() {
    modelBox_->showRunningFile(modelName_, modelSource_);
    if (!model_) return;
    const auto& p = model_->params();
    QStringList ds;
    for (int d : model_->digits()) ds << QString::number(d);
    QString info = tr("<b>%1</b><br>digits %2 (C = %3), d = %4, hidden %5<br>ε = %6, T = %7 "
                      "(%8 steps of dt = %9)")
                       .arg(modelName_, ds.join(", "))
                       .arg(model_->classes())
                       .arg(p.latentDim)
                       .arg(p.hidden)
                       .arg(p.latent.eps, 0, 'g', 3)
                       .arg(p.latent.dt * p.latent.steps, 0, 'g', 3)
                       .arg(p.latent.steps)
                       .arg(p.latent.dt, 0, 'g', 3);
    if (p.decoderInputs > 0)
        info += tr("<br>the decoder reads the first %1 latent components").arg(p.decoderInputs);
    if (meta_.iterations > 0)
        info += tr("<br>trained %1 iterations, loss weights conv %2, rec %3, centroid %4")
                    .arg(meta_.iterations)
                    .arg(meta_.train.wConv)
                    .arg(meta_.train.wRec)
                    .arg(meta_.train.wCentroid);
    modelBox_->setInfo(info);
}

void GeneratorLab::showPage(int index) {
    tabs_->setCurrentIndex(index);
}

bool GeneratorLab::showSection(const QString& id) {
    const QString prefix = labId() + "-";
    if (!id.startsWith(prefix)) return false;
    const QString page = id.mid(prefix.size());
    for (int i = 0; i < tabs_->count(); ++i)
        if (tabs_->tabText(i).section(' ', 0, 0).toLower() == page) {
            showPage(i);
            return true;
        }
    return false;
}

std::vector<std::pair<QString, QWidget*>> GeneratorLab::exportTargets() {
    std::vector<std::pair<QString, QWidget*>> t = {{tr("Generator lab"), centralWidget()}};
    for (int i = 0; i < tabs_->count(); ++i) t.push_back({tabs_->tabText(i), tabs_->widget(i)});
    return t;
}

void GeneratorLab::setDark(bool dark) {
    for (GeneratorPage* p : pages_) p->setDark(dark);
}

QString GeneratorLab::applySetting(const QString& section, const QString& key,
                                   const QString& value) {
    (void)section;
    if (binding_->has(key)) return binding_->applySetting(key, value, labId());
    ParameterBinding* train = trainPage_->binding();
    if (train->has(key)) return train->applySetting(key, value, labId());
    return unknownParameter(key, labId(), binding_->keys() + train->keys());
}

void GeneratorLab::resetToDefaults() {
    undo_->clear();
    train_ = {};
    trainPage_->sync();
    applyView(GeneratorViewSettings{}, {});
    binding_->sync();
    const QStringList shipped = shippedModels();
    if (!shipped.isEmpty()) loadModel(shipped.first());
}

}  // namespace as::gui
