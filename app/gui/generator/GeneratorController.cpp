#include "app/gui/generator/GeneratorController.h"

#include <stdexcept>

#include "data/MnistLocator.h"

namespace as::gui {

const as::data::ImageSet& GeneratorWorker::testSet() {
    if (!test_) {
        const std::string dir = as::data::findMnistDir();
        if (!dir.empty()) {
            test_ = as::data::loadMnist(dir, as::data::MnistSplit::Test);
            testSource_ = tr("MNIST test set");
        } else {
            test_ = as::data::loadExampleDigits();
            testSource_ = tr("the shipped example digits (MNIST not installed)");
        }
    }
    return *test_;
}

const as::data::ImageSet& GeneratorWorker::trainSet() {
    if (!train_) {
        const std::string dir = as::data::findMnistDir();
        if (dir.empty()) throw std::runtime_error(as::data::mnistMissingMessage());
        train_ = as::data::loadMnist(dir, as::data::MnistSplit::Train);
    }
    return *train_;
}

GeneratorController::GeneratorController(QObject* parent)
    : QObject(parent), thread_(new GeneratorWorker, QStringLiteral("generator-worker"), &cancel_) {}

GeneratorController::~GeneratorController() = default;

void GeneratorController::finishJob() {
    if (--pending_ <= 0) {
        pending_ = 0;
        emit busyChanged(false);
    }
}

}  // namespace as::gui
