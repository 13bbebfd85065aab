// File → Export Figure, Export CSV and Export Spikes of the current lab (MainWindow's export half).
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <algorithm>

#include "app/gui/framework/Lab.h"
#include "app/gui/shell/MainWindow.h"
#include "app/gui/shell/Settings.h"
#include "widgets/common/ExportFigureDialog.h"
#include "widgets/common/FigureExport.h"

namespace as::gui {

// --- export --------------------------------------------------------------------------------

QString MainWindow::exportView(int target, const QString& path, QSize pixels, int dpi) {
    const auto targets = currentLab()->exportTargets();
    if (target < 0 || target >= int(targets.size())) return tr("No such view");
    widgets::FigureOptions o;
    o.format = widgets::FigureExport::formatForPath(path);
    o.pixels = pixels;
    o.dpi = dpi;
    return exportFigure(target, path, o);
}

QString MainWindow::exportFigure(int target, const QString& path, const widgets::FigureOptions& o) {
    const auto targets = currentLab()->exportTargets();
    if (target < 0 || target >= int(targets.size())) return tr("No such view");
    const bool screenDark = dark_;
    const bool figureDark = o.theme == widgets::FigureTheme::AsOnScreen
                                ? screenDark
                                : o.theme == widgets::FigureTheme::Dark;
    // The figure's theme for the time of the render only; palette changes reach the widgets as
    // posted events, delivered here before painting (no repaint happens in between: no flicker).
    auto switchTo = [this](bool dark) {
        setDarkTheme(dark);
        QCoreApplication::sendPostedEvents();
    };
    if (figureDark != screenDark)
        switchTo(figureDark);
    else
        QCoreApplication::sendPostedEvents();  // a theme just switched on screen, not painted yet
    const QString err = widgets::FigureExport::save(targets[std::size_t(target)].second, path, o);
    if (figureDark != screenDark) switchTo(screenDark);
    return err;
}

void MainWindow::exportFigureDialog() {
    QStringList names;
    Lab* lab = currentLab();
    const auto targets = lab->exportTargets();
    QList<QSize> sizes;
    for (const auto& t : targets) {
        names << t.first;
        sizes << t.second->size();
    }
    widgets::ExportFigureDialog dlg(names, QSize(1600, 0), this);
    dlg.setViewSizes(sizes);
    // The last export's choices: view (by name), format, size, dpi, colours and folder.
    QSettings st;
    widgets::FigureOptions last;
    last.pixels = QSize(st.value(settings::kExportWidth, 1600).toInt(),
                        st.value(settings::kExportHeight, 0).toInt());
    last.dpi = st.value(settings::kExportDpi, 150).toInt();
    last.theme =
        widgets::FigureTheme(std::clamp(st.value(settings::kExportTheme, 0).toInt(), 0, 2));
    dlg.setOptions(last);
    dlg.setTarget(int(names.indexOf(st.value(settings::kExportView).toString())));
    static const char* suffixes[] = {"png", "svg", "pdf"};
    const int format = std::clamp(st.value(settings::kExportFormat, 0).toInt(), 0, 2);
    dlg.setPath(st.value(settings::kExportDirectory, lastDir()).toString() + "/" + lab->labId() +
                "-figure." + suffixes[format]);
    if (dlg.exec() != QDialog::Accepted || dlg.path().isEmpty()) return;
    const widgets::FigureOptions chosen = dlg.options();
    st.setValue(settings::kExportView, names.value(dlg.target()));
    st.setValue(settings::kExportFormat, int(chosen.format));
    st.setValue(settings::kExportTheme, int(chosen.theme));
    st.setValue(settings::kExportWidth, chosen.pixels.width());
    st.setValue(settings::kExportHeight, chosen.pixels.height());
    st.setValue(settings::kExportDpi, chosen.dpi);
    st.setValue(settings::kExportDirectory, QFileInfo(dlg.path()).absolutePath());
    const QString err = exportFigure(dlg.target(), dlg.path(), chosen);
    if (!err.isEmpty())
        QMessageBox::warning(this, tr("Export failed"), err);
    else
        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(dlg.path())), 5000);
}

void MainWindow::exportCsvDialog() {
    const QString f = QFileDialog::getSaveFileName(
        this, tr("Export Traces as CSV"), lastDir() + "/" + currentLab()->labId() + "-traces.csv",
        tr("CSV (*.csv)"));
    if (f.isEmpty()) return;
    const QString err = currentLab()->exportCsv(f);
    if (!err.isEmpty())
        QMessageBox::warning(this, tr("Export failed"), err);
    else
        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(f)), 5000);
}

void MainWindow::exportSpikesDialog() {
    Lab* lab = currentLab();
    if (!lab || !lab->canExportSpikes()) return;
    const QString sonata = tr("SONATA spikes (*.h5)"), csv = tr("CSV (*.csv)");
    QString filter = sonata;
    QString f = QFileDialog::getSaveFileName(this, tr("Export Spikes"),
                                             lastDir() + "/" + lab->labId() + "-spikes.h5",
                                             sonata + ";;" + csv, &filter);
    if (f.isEmpty()) return;
    if (QFileInfo(f).suffix().isEmpty()) f += filter == csv ? ".csv" : ".h5";
    const QString err = lab->exportSpikes(f);
    if (!err.isEmpty())
        QMessageBox::warning(this, tr("Export failed"), err);
    else
        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(f)), 5000);
}

}  // namespace as::gui
