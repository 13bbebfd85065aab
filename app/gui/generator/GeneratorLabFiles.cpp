// The Generator lab's files: model files (load, save), the /generator session group
// (engine/generator/GeneratorSession.h: write, validate-then-apply) and the CSV export.
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QUndoStack>

#include "app/gui/framework/ParameterBinding.h"
#include "app/gui/generator/GeneratorLab.h"
#include "app/gui/generator/TrainPage.h"
#include "generator/GeneratorSession.h"
#include "io/Hdf5Handle.h"

namespace as::gui {

QString GeneratorLab::loadModel(const QString& path) {
    return loadModelFile(
        [&] {
            as::generator::LoadedGenerator g =
                as::generator::loadGeneratorModel(QFile::encodeName(path).toStdString());
            if (!g.model.hasStats())
                throw std::runtime_error("'" + path.toStdString() +
                                         "' carries no latent statistics (train it with generator "
                                         "train)");
            const auto meta = g.meta;
            adoptModel(std::make_shared<const as::generator::GeneratorModel>(std::move(g.model)),
                       meta, QFileInfo(path).fileName(), path);
        },
        [this] { syncModelInfo(); });
}

QString GeneratorLab::saveModel(const QString& path) {
    return saveModelFile(path, [&] {
        if (!model_) throw std::runtime_error("no model");
        as::generator::saveGeneratorModel(QFile::encodeName(path).toStdString(), *model_, meta_);
    });
}

QString GeneratorLab::exportCsv(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text)) return tr("cannot write %1").arg(path);
    QTextStream out(&f);
    out << "# generator model " << modelName_ << ": latent statistics per class\n";
    out << "digit,count,mean_distance,trace_sigma_attractor,trace_sigma_mean\n";
    if (!model_ || !model_->hasStats()) return {};
    for (int l = 0; l < model_->classes(); ++l) {
        const auto& s = model_->stats().at(l);
        out << model_->digits()[std::size_t(l)] << ',' << s.count << ',' << s.meanDistance << ','
            << s.aboutAttractor.trace() << ',' << s.aboutMean.trace() << "\n";
    }
    return {};
}

void GeneratorLab::writeSession(hid_t root) {
    if (!model_) return;  // no model (none shipped, none trained): the lab has nothing to keep
    as::generator::GeneratorSessionState st;
    st.model = model_;
    st.meta = meta_;
    st.modelName = modelName_.toStdString();
    st.modelSource = modelSource_.toStdString();
    st.view = view_;
    st.train = train_;
    as::generator::writeGeneratorGroup(root, st);
}

std::function<void()> GeneratorLab::prepareLoad(hid_t root) {
    if (!as::h5::hasChild(root, as::generator::kGeneratorSessionGroup))
        return [this] { resetToDefaults(); };
    const as::generator::GeneratorSessionState st = as::generator::readGeneratorGroup(root);
    return [this, st] {
        undo_->clear();
        train_ = st.train;
        trainPage_->sync();
        applyView(st.view, {});
        binding_->sync();
        adoptModel(st.model, st.meta, QString::fromStdString(st.modelName),
                   QString::fromStdString(st.modelSource));
    };
}

}  // namespace as::gui
