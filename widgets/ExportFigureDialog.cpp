#include "ExportFigureDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <algorithm>
#include <cmath>

namespace as::widgets {

ExportFigureDialog::ExportFigureDialog(const QStringList& targets, QSize px, QWidget* parent)
    : QDialog(parent),
      target_(new QComboBox),
      format_(new QComboBox),
      theme_(new QComboBox),
      fromAspect_(new QCheckBox(tr("from the view's aspect"))),
      width_(new QSpinBox),
      height_(new QSpinBox),
      dpi_(new QSpinBox),
      path_(new QLineEdit) {
    setWindowTitle(tr("Export Figure"));
    target_->setObjectName("exportView");
    format_->setObjectName("exportFormat");
    theme_->setObjectName("exportColours");
    fromAspect_->setObjectName("exportFromAspect");
    width_->setObjectName("exportWidth");
    path_->setObjectName("exportFile");
    target_->addItems(targets);
    format_->addItem(tr("PNG image"), int(FigureFormat::Png));
    format_->addItem(tr("SVG vector graphic"), int(FigureFormat::Svg));
    format_->addItem(tr("PDF document"), int(FigureFormat::Pdf));
    theme_->addItem(tr("Light (for papers and slides)"), int(FigureTheme::Light));
    theme_->addItem(tr("Dark"), int(FigureTheme::Dark));
    theme_->addItem(tr("As on screen"), int(FigureTheme::AsOnScreen));
    for (QSpinBox* s : {width_, height_}) {
        s->setRange(64, 16384);
        s->setSuffix(tr(" px"));
        s->setSingleStep(100);
    }
    width_->setValue(px.width());
    height_->setValue(px.height() > 0 ? px.height() : px.width() * 5 / 8);
    fromAspect_->setChecked(px.height() <= 0);
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
    auto* heightRow = new QHBoxLayout;
    heightRow->addWidget(height_, 1);
    heightRow->addWidget(fromAspect_);
    form->addRow(tr("Height:"), heightRow);
    form->addRow(tr("Resolution:"), dpi_);
    form->addRow(tr("Colours:"), theme_);
    form->addRow(tr("File:"), pathRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto* lay = new QVBoxLayout(this);
    lay->addLayout(form);
    lay->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportFigureDialog::browse);
    connect(format_, &QComboBox::currentIndexChanged, this, &ExportFigureDialog::formatChanged);
    connect(fromAspect_, &QCheckBox::toggled, this, &ExportFigureDialog::formatChanged);
    connect(target_, &QComboBox::currentIndexChanged, this, &ExportFigureDialog::updateHeight);
    connect(width_, &QSpinBox::valueChanged, this, &ExportFigureDialog::updateHeight);
    formatChanged();
}

int ExportFigureDialog::target() const {
    return target_->currentIndex();
}

void ExportFigureDialog::setTarget(int index) {
    if (index >= 0 && index < target_->count()) target_->setCurrentIndex(index);
}

void ExportFigureDialog::setOptions(const FigureOptions& o) {
    width_->setValue(o.pixels.width());
    if (o.pixels.height() > 0) height_->setValue(o.pixels.height());
    fromAspect_->setChecked(o.pixels.height() <= 0);
    dpi_->setValue(o.dpi);
    theme_->setCurrentIndex(std::max(0, theme_->findData(int(o.theme))));
    formatChanged();
}

FigureOptions ExportFigureDialog::options() const {
    FigureOptions o;
    o.format = FigureFormat(format_->currentData().toInt());
    o.pixels = QSize(width_->value(), fromAspect_->isChecked() ? 0 : height_->value());
    o.dpi = dpi_->value();
    o.theme = FigureTheme(theme_->currentData().toInt());
    return o;
}

QString ExportFigureDialog::path() const {
    return path_->text();
}

void ExportFigureDialog::setPath(const QString& p) {
    path_->setText(p);
    format_->setCurrentIndex(int(FigureExport::formatForPath(p)));
}

void ExportFigureDialog::formatChanged() {
    const bool png = format_->currentData().toInt() == int(FigureFormat::Png);
    width_->setEnabled(png);
    fromAspect_->setEnabled(png);
    height_->setEnabled(png && !fromAspect_->isChecked());
    updateHeight();
    static const char* suffixes[] = {"png", "svg", "pdf"};
    const QString suffix = suffixes[format_->currentIndex()];
    QString p = path_->text();
    if (!p.isEmpty()) {
        const QFileInfo fi(p);
        path_->setText(fi.path() + "/" + fi.completeBaseName() + "." + suffix);
    }
}

void ExportFigureDialog::setViewSizes(const QList<QSize>& sizes) {
    viewSizes_ = sizes;
    updateHeight();
}

void ExportFigureDialog::updateHeight() {
    const int i = target_->currentIndex();
    if (!fromAspect_->isChecked() || i < 0 || i >= viewSizes_.size() || viewSizes_[i].width() <= 0)
        return;
    const QSize s = viewSizes_[i];
    height_->setValue(
        std::max(1, int(std::lround(double(width_->value()) * s.height() / s.width()))));
}

void ExportFigureDialog::browse() {
    static const char* filters[] = {"PNG image (*.png)", "SVG (*.svg)", "PDF (*.pdf)"};
    const QString f = QFileDialog::getSaveFileName(this, tr("Export Figure"), path_->text(),
                                                   tr(filters[format_->currentIndex()]));
    if (!f.isEmpty()) setPath(f);
}

}  // namespace as::widgets
