#include "app/gui/shell/SweepWindow.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextStream>
#include <QVBoxLayout>
#include <cmath>
#include <exception>
#include <set>

#include "io/SweepSeries.h"
#include "widgets/common/ErrorBarPlot.h"
#include "widgets/common/FigureExport.h"

namespace as::gui {

namespace {

QString num(double v) {
    return std::isfinite(v) ? QString::number(v, 'g', 8) : QString();
}

/// A parameter worth plotting against: it takes more than one value and is not the seed.
bool varies(const SweepTable& t, std::size_t p) {
    return std::set<std::string>(t.paramValues[p].begin(), t.paramValues[p].end()).size() > 1 &&
           t.paramLabels[p] != "seed";
}

}  // namespace

SweepWindow* SweepWindow::open(const QString& path, QWidget* parent, QString* error) {
    try {
        return new SweepWindow(readSweepTable(QFile::encodeName(path).toStdString()), path, parent);
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return nullptr;
    }
}

SweepWindow::SweepWindow(SweepTable table, const QString& path, QWidget* parent)
    : QWidget(parent, Qt::Window), sweep_(std::move(table)), path_(path) {
    setObjectName("sweepWindow");
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Sweep %1 \u2014 %2")
                       .arg(QString::fromStdString(sweep_.label), QFileInfo(path).fileName()));
    x_ = new QComboBox;
    y_ = new QComboBox;
    split_ = new QComboBox;
    x_->setObjectName("sweepX");
    y_->setObjectName("sweepY");
    split_->setObjectName("sweepSplit");
    split_->addItem(tr("one curve"), QString());
    for (std::size_t p = 0; p < sweep_.paramLabels.size(); ++p) {
        const QString label = QString::fromStdString(sweep_.paramLabels[p]);
        x_->addItem(label, label);
        split_->addItem(label, label);
    }
    for (const auto& f : sweep_.resultFields)
        y_->addItem(QString::fromStdString(f), QString::fromStdString(f));
    y_->addItem(tr("wall_s (job wall time)"), QStringLiteral("wall_s"));
    for (std::size_t p = 0; p < sweep_.paramLabels.size(); ++p)
        if (varies(sweep_, p)) {
            x_->setCurrentIndex(int(p));
            break;
        }
    auto* exportPlot = new QPushButton(tr("Export Plot\u2026"));
    auto* exportTable = new QPushButton(tr("Export Table\u2026"));
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Plot")));
    controls->addWidget(y_, 1);
    controls->addWidget(new QLabel(tr("against")));
    controls->addWidget(x_, 1);
    controls->addWidget(new QLabel(tr("curves")));
    controls->addWidget(split_, 1);
    controls->addWidget(exportPlot);
    controls->addWidget(exportTable);
    caption_ = new QLabel;
    caption_->setWordWrap(true);
    caption_->setText(tr("%1 jobs: %2 ok, %3 failed, %4 missing. Points are means over the other "
                         "parameters with \u00b1 1 sample std; failed jobs are left out. Spec %5.")
                          .arg(sweep_.jobCount())
                          .arg(sweep_.ok)
                          .arg(sweep_.failed)
                          .arg(sweep_.missing)
                          .arg(QString::fromStdString(sweep_.specHash)));
    plot_ = new widgets::ErrorBarPlot;
    plot_->setObjectName("sweepPlot");
    table_ = new QTableWidget;
    table_->setObjectName("sweepTable");
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(plot_);
    split->addWidget(table_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(caption_);
    layout->addWidget(split, 1);
    buildTable();
    for (QComboBox* c : {x_, y_, split_})
        connect(c, &QComboBox::currentIndexChanged, this, &SweepWindow::replot);
    connect(exportPlot, &QPushButton::clicked, this, [this] { exportDialog(true); });
    connect(exportTable, &QPushButton::clicked, this, [this] { exportDialog(false); });
    replot();
    resize(980, 720);
}

void SweepWindow::buildTable() {
    QStringList headers{tr("job"), tr("status")};
    for (const auto& p : sweep_.paramLabels) headers << QString::fromStdString(p);
    for (const auto& f : sweep_.resultFields) headers << QString::fromStdString(f);
    headers << tr("wall_s") << tr("log");
    table_->setColumnCount(headers.size());
    table_->setHorizontalHeaderLabels(headers);
    table_->setRowCount(int(sweep_.jobCount()));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (std::size_t j = 0; j < sweep_.jobCount(); ++j) {
        int c = 0;
        auto set = [&](const QString& text) {
            table_->setItem(int(j), c++, new QTableWidgetItem(text));
        };
        set(num(sweep_.index[j]));
        set(QString::fromStdString(sweep_.status[j]));
        for (const auto& values : sweep_.paramValues) set(QString::fromStdString(values[j]));
        for (const auto& field : sweep_.results) set(num(field[j]));
        set(num(sweep_.wallSeconds[j]));
        set(QString::fromStdString(sweep_.log[j]));
    }
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

bool SweepWindow::choose(const QString& xParam, const QString& field, const QString& split) {
    const int xi = x_->findData(xParam), yi = y_->findData(field), si = split_->findData(split);
    if (xi < 0 || yi < 0 || si < 0) return false;
    const QSignalBlocker bx(x_), by(y_), bs(split_);
    x_->setCurrentIndex(xi);
    y_->setCurrentIndex(yi);
    split_->setCurrentIndex(si);
    replot();
    return true;
}

void SweepWindow::replot() {
    if (x_->count() == 0 || y_->count() == 0) return;
    SweepSeriesRequest r{x_->currentData().toString().toStdString(),
                         y_->currentData().toString().toStdString(),
                         split_->currentData().toString().toStdString()};
    if (r.split == r.xParam) r.split.clear();
    std::vector<widgets::ErrorBarPlot::Curve> curves;
    QStringList xLabels;
    bool text = false;
    const std::size_t p = std::size_t(x_->currentIndex());
    for (const auto& v : sweep_.paramValues[p]) text = text || std::isnan(SweepTable::number(v));
    try {
        for (const auto& c : sweepSeries(sweep_, r)) {
            curves.push_back({QString::fromStdString(c.name), c.x, c.mean, c.std});
            if (text)
                for (std::size_t i = 0; i < c.x.size(); ++i) {
                    const int at = int(c.x[i]);
                    while (xLabels.size() <= at) xLabels << QString();
                    xLabels[at] = QString::fromStdString(c.xText[i]);
                }
        }
    } catch (const std::exception& e) {
        caption_->setText(QString::fromUtf8(e.what()));
    }
    plot_->setXLabels(xLabels);
    plot_->setCurves(std::move(curves));
    plot_->setTitles(tr("%1: %2 vs %3")
                         .arg(QString::fromStdString(sweep_.label), y_->currentData().toString(),
                              x_->currentData().toString()),
                     x_->currentData().toString(), y_->currentData().toString());
}

QString SweepWindow::exportPlot(const QString& path) {
    widgets::FigureOptions o;
    o.format = widgets::FigureExport::formatForPath(path);
    return widgets::FigureExport::save(plot_, path, o);
}

QString SweepWindow::exportTable(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return tr("Cannot write %1: %2").arg(path, f.errorString());
    QTextStream out(&f);
    for (int c = 0; c < table_->columnCount(); ++c)
        out << (c ? "," : "") << table_->horizontalHeaderItem(c)->text();
    out << "\n";
    for (int r = 0; r < table_->rowCount(); ++r) {
        for (int c = 0; c < table_->columnCount(); ++c) {
            QString cell = table_->item(r, c) ? table_->item(r, c)->text() : QString();
            if (cell.contains(',') || cell.contains('"'))
                cell = '"' + cell.replace('"', "\"\"") + '"';
            out << (c ? "," : "") << cell;
        }
        out << "\n";
    }
    out.flush();
    return f.error() == QFile::NoError ? QString() : tr("Cannot write %1").arg(path);
}

QString SweepWindow::exportDialog(bool plot) {
    const QString base = QString::fromStdString(sweep_.label);
    const QString path =
        plot ? QFileDialog::getSaveFileName(this, tr("Export the plot"), base + "_plot.png",
                                            tr("Figures (*.png *.svg *.pdf)"))
             : QFileDialog::getSaveFileName(this, tr("Export the table"), base + "_jobs.csv",
                                            tr("CSV (*.csv)"));
    if (path.isEmpty()) return {};
    const QString err = plot ? exportPlot(path) : exportTable(path);
    if (!err.isEmpty()) QMessageBox::warning(this, tr("Export failed"), err);
    return err;
}

void SweepWindow::setDark(bool dark) {
    plot_->setDark(dark);
}

}  // namespace as::gui
