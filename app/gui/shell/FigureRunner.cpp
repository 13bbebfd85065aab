#include "app/gui/shell/FigureRunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>
#include <algorithm>

#include "app/gui/framework/Lab.h"
#include "app/gui/shell/MainWindow.h"
#include "widgets/common/FigureExport.h"

namespace as::gui::FigureRunner {

namespace {

/// Runs the event loop for `ms` (the labs' redraw timers pull the last snapshot into the views).
void settle(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

FigureOutcome fail(int code, const QString& message) {
    return {code, message, 0};
}

QString checkOutput(const QString& out) {
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (suffix != "png" && suffix != "svg" && suffix != "pdf")
        return QObject::tr("--out %1: the file must end in .png, .svg or .pdf").arg(out);
    const QFileInfo dir(QFileInfo(out).absolutePath());
    if (!dir.isDir() || !dir.isWritable())
        return QObject::tr("--out %1: the folder %2 does not exist or is not writable")
            .arg(out, dir.filePath());
    return {};
}

}  // namespace

std::vector<std::pair<Lab*, FigureSpec>> all(const MainWindow& w) {
    std::vector<std::pair<Lab*, FigureSpec>> figures;
    for (Lab* lab : w.labs())
        for (FigureSpec& f : lab->figures()) figures.emplace_back(lab, std::move(f));
    return figures;
}

QString listing(const MainWindow& w) {
    QString text;
    for (const auto& [lab, f] : all(w)) {
        text += QString("%1  %2%3\n").arg(f.name, -22).arg(f.paper, f.sweep ? "  [sweep]" : "");
        if (!f.note.isEmpty()) text += QString(24, ' ') + "(" + f.note + ")\n";
    }
    return text;
}

FigureOutcome render(MainWindow& w, const QString& name, const QString& out,
                     const QStringList& sets) {
    auto figures = all(w);
    auto it = std::find_if(figures.begin(), figures.end(),
                           [&](const auto& e) { return e.second.name == name; });
    if (it == figures.end())
        return fail(
            2, QObject::tr("no figure '%1' (attractor-studio --figure list names them)").arg(name));
    if (const QString err = checkOutput(out); !err.isEmpty()) return fail(2, err);
    Lab* lab = it->first;
    const FigureSpec& spec = it->second;
    QElapsedTimer clock;
    clock.start();
    for (Lab* l : w.labs()) {  // only the figure's recipe runs
        l->setPlayWhenFirstShown(false);
        l->pause();
    }
    w.resize(spec.window);
    w.setAttribute(Qt::WA_DontShowOnScreen);
    w.show();
    if (!w.showLab(spec.section))
        return fail(1, QObject::tr("figure %1: no lab section '%2'").arg(name, spec.section));
    for (const QString& kv : spec.settings + sets) {
        if (!kv.contains('=')) return fail(2, QObject::tr("--set %1: expected key=value").arg(kv));
        const QString err = lab->applySetting(spec.section, kv.section('=', 0, 0).trimmed(),
                                              kv.section('=', 1).trimmed());
        if (!err.isEmpty()) return fail(2, QObject::tr("figure %1: %2").arg(name, err));
    }
    QCoreApplication::sendPostedEvents();
    settle(50);
    lab->pause();
    if (spec.start) spec.start();
    if (spec.ready) {
        QElapsedTimer waited;
        waited.start();
        while (!spec.ready()) {
            if (waited.elapsed() > qint64(1000 * spec.timeoutSeconds))
                return fail(1, QObject::tr("figure %1: not ready after %2 s")
                                   .arg(name)
                                   .arg(spec.timeoutSeconds));
            settle(50);
        }
    }
    lab->pause();
    settle(300);  // the redraw timers (20-200 ms) show the final state
    const auto targets = lab->exportTargets();
    int index = -1;
    for (int i = 0; i < int(targets.size()); ++i)
        if (targets[std::size_t(i)].first == spec.view) index = i;
    if (index < 0)
        return fail(
            1,
            QObject::tr("figure %1: lab '%2' has no view '%3'").arg(name, lab->labId(), spec.view));
    widgets::FigureOptions o;
    o.format = widgets::FigureExport::formatForPath(out);
    o.pixels = QSize(spec.widthPixels, 0);
    o.theme = widgets::FigureTheme::Light;
    if (const QString err = w.exportFigure(index, out, o); !err.isEmpty()) return fail(1, err);
    return {0, QObject::tr("figure %1 written: %2").arg(name, QDir::toNativeSeparators(out)),
            double(clock.elapsed()) / 1000.0};
}

}  // namespace as::gui::FigureRunner
