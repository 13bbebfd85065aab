// The Surrogate lab's files: the /surrogate session group (engine/surrogate/SurrogateSession.h:
// write, validate-then-apply) and the CSV export of the decoded angles.
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include "app/gui/surrogate/SurrogateController.h"
#include "app/gui/surrogate/SurrogateLab.h"
#include "io/Hdf5Handle.h"
#include "surrogate/SurrogateSession.h"

namespace as::gui {

QString SurrogateLab::exportCsv(const QString& path) {
    const auto s = controller_->latest();
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text)) return tr("cannot write %1").arg(path);
    QTextStream out(&f);
    // One block of columns per decoded angle (ring: input_rad, ...; grid3d: x_input_rad, ...).
    out << "t_ms";
    const bool several = s && s->axisNames.size() > 1;
    for (std::size_t a = 0; s && a < s->odeAngle.size(); ++a) {
        const QString p = several ? QString::fromStdString(s->axisNames[a]) + '_' : QString();
        out << ',' << p << "input_rad," << p << "ode_rad," << p << "surrogate_rad," << p
            << "error_rad";
    }
    out << '\n';
    for (std::size_t i = 0; s && i < s->t.size(); ++i) {
        out << s->t[i];
        for (std::size_t a = 0; a < s->odeAngle.size(); ++a)
            out << ',' << s->input[a][i] << ',' << s->odeAngle[a][i] << ',' << s->surAngle[a][i]
                << ',' << s->error[a][i];
        out << '\n';
    }
    return {};
}

void SurrogateLab::writeSession(hid_t root) {
    // The lab's state is the model file it runs and the input source; weights stay in the model
    // file.
    as::surrogate::writeSurrogateGroup(
        root, {modelPath_.toStdString(), as::surrogate::LiveSource(sourceCombo_->currentIndex())});
}

std::function<void()> SurrogateLab::prepareLoad(hid_t root) {
    if (!h5::hasChild(root, "surrogate")) return [this] { resetToDefaults(); };
    const as::surrogate::SurrogateSessionState st = as::surrogate::readSurrogateGroup(root);
    return [this, path = QString::fromStdString(st.modelPath), source = int(st.source)] {
        sourceCombo_->setCurrentIndex(source);
        if (!path.isEmpty() && QFileInfo::exists(path)) loadModel(path);
    };
}

}  // namespace as::gui
