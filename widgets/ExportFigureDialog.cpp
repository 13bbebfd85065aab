#include "ExportFigureDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace as::widgets {

ExportFigureDialog::ExportFigureDialog(const QStringList& targets, QSize px, QWidget* parent)
    : QDialog(parent), target_(new QComboBox), format_(new QComboBox), width_(new QSpinBox),
      height_(new QSpinBox), dpi_(new QSpinBox), path_(new QLineEdit) {
    setWindowTitle(tr("Export Figure"));
    target_->addItems(targets);
    format_->addItem(tr("PNG image"), int(FigureFormat::Png));
    format_->addItem(tr("SVG vector graphic"), int(FigureFormat::Svg));
    format_->addItem(tr("PDF document"), int(FigureFormat::Pdf));
    for (QSpinBox* s : {width_, height_}) {
        s->setRange(64, 16384);
        s->setSuffix(tr(" px"));
        s->setSingleStep(100);
    }
    width_->setValue(px.width());
    height_->setValue(px.height());
    dpi_->setRange(36, 1200);
    dpi_->setValue(150);
    dpi_->setSuffix(tr(" dpi"));
    auto* browse = new QPushButton(tr("Browse\u2026"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->addRow(tr("View:"), target_);
    form->addRow(tr("Format:"), format_);
    form->addRow(tr("Width:"), width_);
    form->addRow(tr("Height:"), height_);
    form->addRow(tr("Resolution:"), dpi_);
    form->addRow(tr("File:"), pathRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto* lay = new QVBoxLayout(this);
    lay->addLayout(form);
    lay->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportFigureDialog::browse);
    connect(format_, &QComboBox::currentIndexChanged, this, &ExportFigureDialog::formatChanged);
    formatChanged();
}

int ExportFigureDialog::target() const { return target_->currentIndex(); }

FigureOptions ExportFigureDialog::options() const {
    FigureOptions o;
    o.format = FigureFormat(format_->currentData().toInt());
    o.pixels = QSize(width_->value(), height_->value());
    o.dpi = dpi_->value();
    return o;
}

QString ExportFigureDialog::path() const { return path_->text(); }

void ExportFigureDialog::setPath(const QString& p) {
    path_->setText(p);
    format_->setCurrentIndex(int(FigureExport::formatForPath(p)));
}

void ExportFigureDialog::formatChanged() {
    const bool png = format_->currentData().toInt() == int(FigureFormat::Png);
    width_->setEnabled(png);
    height_->setEnabled(png);
    static const char* suffixes[] = {"png", "svg", "pdf"};
    const QString suffix = suffixes[format_->currentIndex()];
    QString p = path_->text();
    if (!p.isEmpty()) {
        const QFileInfo fi(p);
        path_->setText(fi.path() + "/" + fi.completeBaseName() + "." + suffix);
    }
}

void ExportFigureDialog::browse() {
    static const char* filters[] = {"PNG image (*.png)", "SVG (*.svg)", "PDF (*.pdf)"};
    const QString f = QFileDialog::getSaveFileName(this, tr("Export Figure"), path_->text(),
                                                   tr(filters[format_->currentIndex()]));
    if (!f.isEmpty()) setPath(f);
}

}  // namespace as::widgets
