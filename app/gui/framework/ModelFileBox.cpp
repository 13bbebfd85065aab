#include "app/gui/framework/ModelFileBox.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace as::gui {
namespace {
// The data of the running model's own entry (a model not in the list: trained, from a session).
const QString kCurrent = QStringLiteral("#current");
}  // namespace

ModelFileBox::ModelFileBox(const QString& kind, const QString& saveName, QWidget* parent)
    : QGroupBox(tr("Model"), parent), kind_(kind), saveName_(saveName) {
    auto* layout = new QVBoxLayout(this);
    combo_ = new QComboBox;
    connect(combo_, &QComboBox::activated, this, [this](int i) {
        const QString path = combo_->itemData(i).toString();
        if (path != kCurrent) emit entryChosen(path);
    });
    layout->addWidget(combo_);
    auto* files = new QHBoxLayout;
    auto* load = new QPushButton(tr("Load model…"));
    auto* save = new QPushButton(tr("Save model…"));
    connect(load, &QPushButton::clicked, this, &ModelFileBox::chooseAndLoad);
    connect(save, &QPushButton::clicked, this, &ModelFileBox::chooseAndSave);
    files->addWidget(load);
    files->addWidget(save);
    layout->addLayout(files);
    info_ = new QLabel;
    info_->setWordWrap(true);
    layout->addWidget(info_);
}

void ModelFileBox::addEntry(const QString& name, const QString& path) {
    combo_->addItem(name, path);
}

void ModelFileBox::addFiles(const QStringList& paths) {
    for (const QString& p : paths) addEntry(QFileInfo(p).fileName(), p);
}

void ModelFileBox::showRunningFile(const QString& name, const QString& file) {
    showRunning(name, [&] { return file.isEmpty() ? -1 : combo_->findData(file); });
}

void ModelFileBox::showRunningNamed(const QString& name) {
    showRunning(name, [&] { return combo_->findText(name); });
}

void ModelFileBox::showRunning(const QString& name, const std::function<int()>& entry) {
    const QSignalBlocker b(combo_);
    const int current = combo_->findData(kCurrent);
    if (current >= 0) combo_->removeItem(current);
    int i = entry();
    if (i < 0) {
        combo_->addItem(name, kCurrent);
        i = combo_->count() - 1;
    }
    combo_->setCurrentIndex(i);
}

void ModelFileBox::setInfo(const QString& text) {
    info_->setText(text);
}

void ModelFileBox::chooseAndLoad() {
    const QString p =
        QFileDialog::getOpenFileName(this, tr("Load %1 model").arg(kind_), {}, tr("HDF5 (*.h5)"));
    if (!p.isEmpty()) emit loadRequested(p);
}

void ModelFileBox::chooseAndSave() {
    const QString p = QFileDialog::getSaveFileName(this, tr("Save %1 model").arg(kind_), saveName_,
                                                   tr("HDF5 (*.h5)"));
    if (!p.isEmpty()) emit saveRequested(p);
}

}  // namespace as::gui
