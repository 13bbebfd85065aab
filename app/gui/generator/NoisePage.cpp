#include "app/gui/generator/NoisePage.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextStream>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <map>

#include "core/BuildPaths.h"
#include "io/SweepTable.h"
#include "widgets/common/ErrorBarPlot.h"

namespace as::gui {

QString NoisePage::shippedCsv() {
    return QDir(QString::fromStdString(as::buildResourcesDir() + "/generator"))
        .filePath("fd_eps_012.csv");
}

NoisePage::NoisePage(GeneratorController* controller, QWidget* parent)
    : GeneratorPage(controller, parent) {
    plot_ = new widgets::ErrorBarPlot;
    plot_->setTitles(tr("Fréchet distance of generated digits vs latent noise ε"),
                     tr("latent noise ε (training and sampling)"),
                     tr("feature-space FD (mean ± sd over seeds)"));
    plot_->setObjectName("noisePlot");
    auto* open = new QPushButton(tr("Open runs…"));
    connect(open, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getOpenFileName(
            this, tr("Open FD-vs-ε runs"), {}, tr("Runs CSV or merged sweep (*.csv *_merged.h5)"));
        if (p.isEmpty()) return;
        const QString err = loadCsv(p);
        emit statusMessage(err.isEmpty() ? tr("Read %1").arg(p) : err, 10000);
    });
    auto* reload = new QPushButton(tr("Shipped runs"));
    connect(reload, &QPushButton::clicked, this, [this] { loadCsv(shippedCsv()); });
    auto* bar = new QHBoxLayout;
    bar->addWidget(open);
    bar->addWidget(reload);
    bar->addStretch(1);
    info_ = new QLabel;
    info_->setWordWrap(true);
    info_->setTextFormat(Qt::RichText);
    auto* lay = new QVBoxLayout(this);
    lay->addLayout(bar);
    lay->addWidget(plot_, 1);
    lay->addWidget(info_);
}

void NoisePage::shown() {
    if (!loaded_) {
        loaded_ = true;
        const QString err = loadCsv(shippedCsv());
        if (!err.isEmpty()) info_->setText(err.toHtmlEscaped());
    }
}

QString NoisePage::loadSweep(const QString& path) {
    // A merged sweep of the recipe resources/sweeps/generator_fd_eps.json (docs/sweeps.md): the
    // parameter eps and the fields fd, fd_floor and class_agreement of each finished job.
    Runs runs;
    std::vector<double> floors;
    try {
        const SweepTable t = readSweepTable(QFile::encodeName(path).toStdString());
        const auto col = [&](const std::vector<std::string>& names, const char* name) {
            return int(std::find(names.begin(), names.end(), name) - names.begin());
        };
        const int ie = col(t.paramLabels, "eps"), ifd = col(t.resultFields, "fd"),
                  ifl = col(t.resultFields, "fd_floor"),
                  iag = col(t.resultFields, "class_agreement");
        if (ie == int(t.paramLabels.size()) || ifd == int(t.resultFields.size()))
            return tr("%1: not a sweep of generator fid over eps (it needs the parameter eps and "
                      "the field fd)")
                .arg(path);
        for (std::size_t j = 0; j < t.jobCount(); ++j) {
            const double eps = SweepTable::number(t.paramValues[std::size_t(ie)][j]);
            const double fd = t.results[std::size_t(ifd)][j];
            if (t.status[j] != "ok" || !std::isfinite(eps) || !std::isfinite(fd)) continue;
            const bool hasAg = iag < int(t.resultFields.size());
            runs[eps].push_back({fd, hasAg ? t.results[std::size_t(iag)][j] : -1.0});
            if (ifl < int(t.resultFields.size())) floors.push_back(t.results[std::size_t(ifl)][j]);
        }
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return showRuns(runs, floors, path, true);
}

QString NoisePage::loadCsv(const QString& path) {
    if (QFileInfo(path).suffix().compare("h5", Qt::CaseInsensitive) == 0) return loadSweep(path);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return tr("Cannot read %1: %2").arg(path, f.errorString());
    QTextStream in(&f);
    const QStringList head = in.readLine().trimmed().split(',');
    const int ie = int(head.indexOf("eps")), ifd = int(head.indexOf("fd")),
              ifl = int(head.indexOf("fd_floor")), iag = int(head.indexOf("class_agreement"));
    if (ie < 0 || ifd < 0) return tr("%1: the header needs the columns eps and fd").arg(path);
    Runs runs;
    std::vector<double> floors;
    int line = 1;
    while (!in.atEnd()) {
        ++line;
        const QString text = in.readLine().trimmed();
        if (text.isEmpty() || text.startsWith('#')) continue;
        const QStringList c = text.split(',');
        bool ok1 = false, ok2 = false;
        const double eps = c.value(ie).toDouble(&ok1), fd = c.value(ifd).toDouble(&ok2);
        if (!ok1 || !ok2 || !std::isfinite(eps) || !std::isfinite(fd))
            return tr("%1, line %2: eps and fd must be numbers").arg(path).arg(line);
        const double ag = iag >= 0 ? c.value(iag).toDouble() : -1.0;
        runs[eps].push_back({fd, ag});
        if (ifl >= 0) floors.push_back(c.value(ifl).toDouble());
    }
    return showRuns(runs, floors, path, iag >= 0);
}

QString NoisePage::showRuns(const Runs& runs, const std::vector<double>& floors,
                            const QString& path, bool withAgreement) {
    if (runs.empty()) return tr("%1: no runs").arg(path);
    points_.clear();
    widgets::ErrorBarPlot::Curve plot{tr("FD"), {}, {}, {}};
    QStringList rows;
    for (const auto& [eps, v] : runs) {
        Point p;
        p.eps = eps;
        p.runs = int(v.size());
        double ag = 0;
        for (const auto& r : v) {
            p.mean += r.first;
            ag += r.second;
        }
        p.mean /= double(v.size());
        p.agreement = ag / double(v.size());
        for (const auto& r : v) p.sd += (r.first - p.mean) * (r.first - p.mean);
        p.sd = v.size() > 1 ? std::sqrt(p.sd / double(v.size() - 1)) : 0.0;
        points_.push_back(p);
        plot.x.push_back(eps);
        plot.y.push_back(p.mean);
        plot.err.push_back(p.sd);
        rows << tr("ε = %1: FD %2 ± %3 (%4 runs%5)")
                    .arg(eps)
                    .arg(p.mean, 0, 'f', 2)
                    .arg(p.sd, 0, 'f', 2)
                    .arg(p.runs)
                    .arg(withAgreement
                             ? tr(", class agreement %1 %").arg(100 * p.agreement, 0, 'f', 1)
                             : QString());
    }
    plot_->setCurves({std::move(plot)});
    floor_ = floors.empty() ? -1 : floors.front();
    plot_->setReference(floor_ >= 0 ? floor_ : std::numeric_limits<double>::quiet_NaN(),
                        tr("real-vs-real floor %1").arg(floor_, 0, 'f', 2));
    const auto best =
        std::min_element(points_.begin(), points_.end(),
                         [](const Point& a, const Point& b) { return a.mean < b.mean; });
    info_->setText(tr("From <b>%1</b>. Lowest mean FD at ε = %2. %3<br>The Fréchet distance is "
                      "measured in the features of the project's MNIST classifier; it is not "
                      "comparable to Inception FID.")
                       .arg(QFileInfo(path).fileName().toHtmlEscaped())
                       .arg(best->eps)
                       .arg(rows.join("; ")));
    loaded_ = true;
    return {};
}

void NoisePage::setDark(bool dark) {
    plot_->setDark(dark);
}

}  // namespace as::gui
