// The SDE lab's files: model files (load, save), the /sde session group (engine/sde/SdeSession.h:
// write, validate-then-apply) and the CSV export of the trajectories and distances.
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QTabWidget>
#include <QTextStream>
#include <cmath>

#include "app/gui/sde/RobustnessTable.h"
#include "app/gui/sde/SdeAnalysisPage.h"
#include "app/gui/sde/SdeController.h"
#include "app/gui/sde/SdeInputPanel.h"
#include "app/gui/sde/SdeLab.h"
#include "io/Hdf5Handle.h"
#include "sde/SdeSession.h"

namespace as::gui {

QString SdeLab::loadModel(const QString& path) {
    // A file that does not load leaves the running model (nothing was adopted); the chooser goes
    // back to it.
    return loadModelFile(
        [&] {
            as::sde::LoadedSdeModel m =
                as::sde::loadSdeModel(QFile::encodeName(path).toStdString());
            const as::sde::TrainingMeta meta = m.meta;
            adoptModel(std::make_shared<const as::sde::SdeModel>(std::move(m.model)),
                       QFileInfo(path).fileName(), meta.iterations > 0, meta);
        },
        [this] { syncControls(); });
}

QString SdeLab::saveModel(const QString& path) {
    controller_->sync();
    const auto s = controller_->latest();
    return saveModelFile(path, [&] {
        if (!s || !s->model) throw std::runtime_error("no model");
        as::sde::saveSdeModel(QFile::encodeName(path).toStdString(), *s->model, meta_);
    });
}

QString SdeLab::exportCsv(const QString& path) {
    if (tabs_->currentWidget()->isAncestorOf(analysis_)) return analysis_->exportCsv(path);
    const auto s = controller_->latest();
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text)) return tr("cannot write %1").arg(path);
    QTextStream out(&f);
    if (!s) return {};
    out << "# trajectories: x_i(t) of the chosen pixels (index i = row * 28 + column), target "
           "attractor "
        << s->target << "\n";
    out << "t";
    for (int i : s->pixels) out << ",x_" << i;
    out << "\n";
    for (std::size_t j = 0; j < s->times.size(); ++j) {
        out << s->times[j];
        for (const auto& tr : s->traces) out << ',' << (j < tr.size() ? tr[j] : NAN);
        out << "\n";
    }
    out << "\n# distances of the late-time average at t = " << s->t << "; predicted "
        << s->predicted << "\n";
    out << "class,distance,target_of_pixels\n";
    for (std::size_t l = 0; l < s->distances.size(); ++l)
        out << l << ',' << s->distances[l] << ',' << (int(l) == s->target ? 1 : 0) << "\n";
    return {};
}

void SdeLab::writeSession(hid_t root) {
    controller_->sync();
    const auto s = controller_->latest();
    as::sde::SdeSessionState st;
    st.model = s ? s->model : nullptr;
    st.meta = meta_;
    st.modelName = (s ? s->modelName : modelName_).toStdString();
    st.trained = s && s->modelTrained;
    st.image = input_->cleanImage();
    st.label = input_->label();
    st.corruption = input_->corruption();
    st.corruptionSeed = input_->corruptionSeed();
    st.stepsPerSecond = speedCombo_->currentData().toDouble();
    st.robustness = RobustnessCsv::toEngine(analysis_->robustnessTable()->records());
    st.robustnessCaption = analysis_->robustnessTable()->caption().toStdString();
    as::sde::writeSdeGroup(root, st);
}

std::function<void()> SdeLab::prepareLoad(hid_t root) {
    if (!as::h5::hasChild(root, "sde")) return [this] { resetToDefaults(); };
    const as::sde::SdeSessionState st = as::sde::readSdeGroup(root);
    return [this, st] {
        adoptModel(st.model, QString::fromStdString(st.modelName), st.trained, st.meta);
        const int i = speedCombo_->findData(int(std::lround(st.stepsPerSecond)));
        if (i >= 0) speedCombo_->setCurrentIndex(i);
        input_->restore(st.image, st.label, st.corruption, st.corruptionSeed);
        analysis_->robustnessTable()->setRecords(RobustnessCsv::fromEngine(st.robustness),
                                                 QString::fromStdString(st.robustnessCaption));
    };
}

}  // namespace as::gui
