#include "generator/GeneratorTrainer.h"

#include <cmath>
#include <stdexcept>

#include "generator/GeneratorModelFile.h"
#include "io/Hdf5Errors.h"
#include "io/Hdf5Handle.h"
#include "sde/AdamCheckpoint.h"
#include "sde/AdamOptimizer.h"
#include "sde/BpttTrainer.h"
#include "sde/MiniBatchSchedule.h"
#include "sde/ThreadBudget.h"

namespace as::generator {

void LossCurves::push(const LossTerms& t) {
    total.push_back(t.total);
    conv.push_back(t.conv);
    rec.push_back(t.rec);
    centroid.push_back(t.centroid);
}

LossTerms LossCurves::last() const {
    LossTerms t;
    if (total.empty()) return t;
    t.total = total.back();
    t.conv = conv.back();
    t.rec = rec.back();
    t.centroid = centroid.back();
    return t;
}

GeneratorTrainer::GeneratorTrainer(GeneratorModel& model, const GeneratorTrainParams& tp)
    : model_(model), tp_(tp) {
    tp_.check();
    MlpWeights<float> enc = model_.encoder(), dec = model_.decoder();
    Eigen::MatrixXf at = model_.latent().atilde();
    Eigen::MatrixXf a2 = model_.hasSecondCvfr() ? model_.secondCvfr().A2 : Eigen::MatrixXf();
    sde::AdamOptimizer::Settings s;
    s.learningRate = tp_.learningRate;
    for (Eigen::MatrixXf* m : tensors(enc, dec, at, a2))
        adam_.push_back(std::make_unique<sde::AdamOptimizer>(m->rows(), m->cols(), s));
}

GeneratorTrainer::~GeneratorTrainer() = default;

std::vector<Eigen::MatrixXf*> GeneratorTrainer::tensors(MlpWeights<float>& enc,
                                                        MlpWeights<float>& dec,
                                                        Eigen::MatrixXf& atilde,
                                                        Eigen::MatrixXf& a2) const {
    std::vector<Eigen::MatrixXf*> out;
    if (model_.hasSecondCvfr()) return {&atilde, &a2};  // §VI.2: E and D are frozen
    for (MlpWeights<float>* net : {&enc, &dec})
        for (int k = 0; k < net->layers(); ++k) {
            out.push_back(&net->w[std::size_t(k)]);
            out.push_back(&net->b[std::size_t(k)]);
        }
    out.push_back(&atilde);
    return out;
}

LossTerms GeneratorTrainer::lossAndGradient(const Eigen::MatrixXf& X, const Eigen::VectorXi& labels,
                                            std::uint64_t noiseSeed, GeneratorGradient<float>& grad,
                                            Eigen::MatrixXf& dAtilde) const {
    GeneratorProblem<float> pr;
    pr.latent = &model_.latent().params();
    pr.attractors = &model_.latent().attractors();
    pr.A = &model_.latent().A();
    pr.encoder = &model_.encoder();
    pr.decoder = &model_.decoder();
    pr.wConv = tp_.wConv;
    pr.wRec = tp_.wRec;
    pr.wCentroid = tp_.wCentroid;
    if (model_.hasSecondCvfr()) {
        pr.stage2 = &model_.secondCvfr().params;
        pr.A2 = &model_.secondCvfr().A2;
        pr.trainCoders = false;
    }
    const LossTerms t = generatorLossAndGradient(pr, X, labels, noiseSeed, buf_, &grad);
    dAtilde = model_.latent().attractors().pullBack(grad.dA);
    return t;
}

GeneratorReport GeneratorTrainer::train(
    const Eigen::MatrixXf& images, const Eigen::VectorXi& labels,
    const std::function<void(const GeneratorProgress&)>& progress,
    const std::atomic<bool>* cancel) {
    if (images.rows() != model_.pixels())
        throw std::invalid_argument("training images have " + std::to_string(images.rows()) +
                                    " pixels, the model " + std::to_string(model_.pixels()));
    if (labels.size() != images.cols() || images.cols() == 0)
        throw std::invalid_argument("need one label per training image (and at least one image)");
    if ((labels.array() < 0).any() || (labels.array() >= model_.classes()).any())
        throw std::invalid_argument("a training label is outside [0, " +
                                    std::to_string(model_.classes()) + ")");
    sde::MiniBatchSchedule batches(int(images.cols()), tp_.batch, tp_.epochs, tp_.maxIterations,
                                   tp_.seed, iteration_);
    const long total = batches.total();

    GeneratorReport rep;
    MlpWeights<float> enc = model_.encoder(), dec = model_.decoder();
    Eigen::MatrixXf atilde = model_.latent().atilde();
    Eigen::MatrixXf a2 = model_.hasSecondCvfr() ? model_.secondCvfr().A2 : Eigen::MatrixXf();
    const std::vector<Eigen::MatrixXf*> params = tensors(enc, dec, atilde, a2);
    GeneratorGradient<float> grad;
    Eigen::MatrixXf dAtilde;
    Eigen::MatrixXf X;
    Eigen::VectorXi lab;
    while (iteration_ < total) {
        if (cancel && cancel->load()) {
            rep.outcome = sde::TrainOutcome::Cancelled;
            rep.message = sde::cancelledMessage(iteration_);
            break;
        }
        batches.startWork();
        batches.select(iteration_);
        const int len = batches.size();
        // Threads only for large products on an idle machine (sde/ThreadBudget.h: a descheduled
        // thread stalls every product; measured 20x slower with 2 threads under a load of 8).
        const sde::ThreadBudget budget(sde::ThreadBudget::machineBusy()
                                           ? 0.0
                                           : double(len) * double(images.rows()) *
                                                 double(model_.params().hidden));
        X.resize(images.rows(), len);
        lab.resize(len);
        for (int j = 0; j < len; ++j) {
            const int item = batches.item(j);
            X.col(j) = images.col(item);
            lab[j] = labels[item];
        }
        const LossTerms t =
            lossAndGradient(X, lab, sde::iterationNoiseSeed(tp_.seed, iteration_), grad, dAtilde);
        if (!std::isfinite(t.total) || !grad.encoder.allFinite() || !grad.decoder.allFinite() ||
            !dAtilde.allFinite() || !grad.dA2.allFinite()) {
            rep.outcome = sde::TrainOutcome::Diverged;
            rep.message = sde::nonFiniteMessage("loss", iteration_ + 1);
            break;
        }
        GeneratorGradient<float>& g = grad;
        const std::vector<Eigen::MatrixXf*> grads = tensors(g.encoder, g.decoder, dAtilde, g.dA2);
        for (std::size_t k = 0; k < params.size(); ++k) adam_[k]->step(*params[k], *grads[k]);
        if (!enc.allFinite() || !dec.allFinite() || !atilde.allFinite() || !a2.allFinite()) {
            rep.outcome = sde::TrainOutcome::Diverged;
            rep.message = sde::nonFiniteMessage("weights", iteration_ + 1);
            break;
        }
        model_.setEncoder(enc);
        model_.setDecoder(dec);
        model_.setAtilde(atilde);
        if (model_.hasSecondCvfr()) model_.setSecondCoupling(a2);
        ++iteration_;
        curves_.push(t);
        batches.endWork();

        GeneratorProgress pg;
        pg.loss = t;
        batches.publish(pg, iteration_, rep, progress);
        if (sde::checkpointDue(tp_.checkpointPath, tp_.checkpointEvery, iteration_))
            saveCheckpoint(tp_.checkpointPath);
    }
    sde::closeReport(rep, iteration_);
    rep.final = curves_.last();
    rep.curves = curves_;
    return rep;
}

void GeneratorTrainer::saveCheckpoint(const std::string& path) const {
    h5::silenceErrors();
    h5::writeFileAtomically(path, "generator checkpoint", [&](hid_t f) {
        {
            h5::Handle g = h5::createGroup(f, kGeneratorGroup);
            GeneratorTrainingMeta meta;
            meta.train = tp_;
            meta.iterations = iteration_;
            meta.curves = curves_;
            meta.outcome = "checkpoint";
            writeGeneratorModel(g, model_, meta);
        }
        h5::Handle c = h5::createGroup(f, "checkpoint");
        h5::writeAttribute(c, "iteration", std::int64_t(iteration_));
        h5::writeAttribute(c, "tensors", std::int64_t(adam_.size()));
        for (std::size_t k = 0; k < adam_.size(); ++k)
            sde::writeAdamState(c, "adam_" + std::to_string(k), *adam_[k]);
    });
}

void GeneratorTrainer::resume(const std::string& path) {
    const std::string where = "generator checkpoint '" + path + "'";
    h5::namingFile(path, where, [&] {
        h5::Handle f = openGeneratorFile(path, where);
        h5::Handle mg = h5::openGroup(f, kGeneratorGroup);
        LoadedGenerator saved = readGeneratorModel(mg, path);
        const GeneratorModel& sm = saved.model;
        if (sm.encoder().sizes() != model_.encoder().sizes() ||
            sm.decoder().sizes() != model_.decoder().sizes() || sm.digits() != model_.digits() ||
            sde::SdeModel::structuralChange(sm.latent().params(), model_.latent().params()) ||
            sm.hasSecondCvfr() != model_.hasSecondCvfr())
            throw h5::Error(
                where +
                " was written for a different architecture (sizes, digits or latent model)");
        h5::Handle c = h5::openGroup(f, "checkpoint");
        const long it = long(h5::readIntAttribute(c, "iteration"));
        if (it < 0 || std::size_t(it) != saved.meta.curves.size())
            throw h5::Error(where +
                            ": field 'checkpoint/iteration' does not match the loss curves");
        if (h5::readIntAttribute(c, "tensors") != std::int64_t(adam_.size()))
            throw h5::Error(where + ": field 'checkpoint/tensors' does not match the model");
        std::vector<sde::AdamState> states;
        for (std::size_t k = 0; k < adam_.size(); ++k) {
            const Eigen::MatrixXf& m = adam_[k]->firstMoment();
            states.push_back(
                sde::readAdamState(c, "adam_" + std::to_string(k), m.rows(), m.cols(), where));
        }
        // Everything read and checked: now change state.
        model_ = sm;
        for (std::size_t k = 0; k < adam_.size(); ++k) states[k].restoreInto(*adam_[k]);
        iteration_ = it;
        curves_ = saved.meta.curves;
    });
}

}  // namespace as::generator
