#include "surrogate/SurrogateTrainer.h"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

#include "core/Angles.h"
#include "core/EnumNames.h"
#include "surrogate/Adam.h"

namespace as::surrogate {
namespace {

/// Inputs (time-major, A angles a column) and targets (2A x L*B) of steps [t0, t0+L) of the given
/// sequences.
void gather(const SurrogateDataset& d, int channel, const std::vector<int>& seqs, int t0, int L,
            std::vector<float>& angles, Mat<float>& target) {
    const int B = int(seqs.size()), A = d.axes;
    angles.resize(std::size_t(L) * B * A);
    target.resize(2 * A, Eigen::Index(L) * B);
    for (int b = 0; b < B; ++b) {
        const float* in = d.input(channel, seqs[std::size_t(b)]);
        const float* tg = d.target(channel, seqs[std::size_t(b)]);
        for (int t = 0; t < L; ++t) {
            const std::size_t col = std::size_t(t) * B + b;
            for (int a = 0; a < A; ++a) angles[col * A + a] = in[(t0 + t) * A + a];
            for (int k = 0; k < 2 * A; ++k) target(k, Eigen::Index(col)) = tg[2 * A * (t0 + t) + k];
        }
    }
}

}  // namespace

void singleThreadedEigen() {
    // The calling thread's OpenMP thread count (a per-thread setting that Eigen's products follow),
    // not Eigen::setNbThreads(), which is process-wide and would take the second core from the SDE
    // lab's training in the same process.
    omp_set_num_threads(1);
}

const char* outcomeName(TrainOutcome o) {
    static const std::vector<std::string> names = {"converged", "cancelled", "diverged",
                                                   "max_iterations"};
    return nameAt(names, int(o));
}

Evaluation evaluate(SurrogateNet<float>& net, const SurrogateDataset& d, int channel, int first,
                    int last, int chunk) {
    singleThreadedEigen();
    if (first < 0 || last > d.sequences || first >= last)
        throw std::invalid_argument("evaluate: bad sequence range");
    if (net.shape().axes != d.axes)
        throw std::invalid_argument("evaluate: the net and the dataset have different axes");
    std::vector<int> seqs(std::size_t(last - first));
    std::iota(seqs.begin(), seqs.end(), first);
    const AngleEncoder enc(net.shape().bins);
    const int B = int(seqs.size());
    Mat<float> state = net.zeroState(B), target;
    std::vector<float> angles;
    double sumC = 0.0, sumA = 0.0;
    for (int t0 = 0; t0 < d.steps; t0 += chunk) {
        const int L = std::min(chunk, d.steps - t0);
        gather(d, channel, seqs, t0, L, angles, target);
        const Mat<float>& y = net.forward(enc.encodeChunk<float>(angles, d.axes), state, B);
        state = net.finalState();
        sumC += double((y - target).squaredNorm());
        for (Eigen::Index j = 0; j < y.cols(); ++j)
            for (int ax = 0; ax < d.axes; ++ax) {
                const double a = std::atan2(double(y(2 * ax + 1, j)), double(y(2 * ax, j)));
                const double b =
                    std::atan2(double(target(2 * ax + 1, j)), double(target(2 * ax, j)));
                const double e = std::remainder(a - b, 2 * kPi);
                sumA += e * e;
            }
    }
    const double n = double(d.steps) * B * d.axes;
    return {sumC / (2 * n), sumA / n};
}

SurrogateTrainer::SurrogateTrainer(const SurrogateDataset& data, int channel, const TrainParams& p)
    : data_(data), channel_(channel), p_(p) {
    p_.check();
    if (channel < 0 || channel >= data.channels)
        throw std::invalid_argument("channel out of range");
    if (data.sequences < 2) throw std::invalid_argument("the dataset needs at least 2 sequences");
}

TrainResult SurrogateTrainer::run(SurrogateNet<float>& net, const Progress& progress,
                                  const std::atomic<bool>* cancel, const Checkpoint& checkpoint) {
    if (!(net.shape() == p_.shape(data_.axes)))
        throw std::invalid_argument("the net's shape does not match the parameters");
    singleThreadedEigen();
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    const int nTrain = data_.trainSequences();
    const AngleEncoder enc(p_.bins);
    std::mt19937_64 rng(p_.seed ^ 0x5eedULL);
    std::vector<int> order(static_cast<std::size_t>(nTrain));
    std::iota(order.begin(), order.end(), 0);

    Adam<float>::Settings as;
    as.learningRate = p_.lr;
    as.clipNorm = p_.clip;
    Adam<float> adam(net.params(), as);
    double lr = p_.lr;

    TrainResult res;
    double bestVal = std::numeric_limits<double>::infinity();
    std::vector<Mat<float>> bestWeights = net.weights();
    int sinceBest = 0, sinceDecay = 0;
    std::vector<float> angles;
    Mat<float> target;
    auto finish = [&](TrainOutcome o, std::string msg) {
        net.setWeights(bestWeights);
        res.outcome = o;
        res.message = std::move(msg);
        res.best = evaluate(net, data_, channel_, nTrain, data_.sequences);
        res.seconds = elapsed();
        return res;
    };

    for (int epoch = 1; epoch <= p_.max_epochs; ++epoch) {
        std::shuffle(order.begin(), order.end(), rng);
        double lossSum = 0.0;
        long lossCount = 0;
        for (int b0 = 0; b0 < nTrain; b0 += p_.batch) {
            const std::vector<int> seqs(order.begin() + b0,
                                        order.begin() + std::min(nTrain, b0 + p_.batch));
            const int B = int(seqs.size());
            Mat<float> state = net.zeroState(B);
            for (int t0 = 0; t0 < data_.steps; t0 += p_.bptt) {
                if (cancel && cancel->load()) return finish(TrainOutcome::Cancelled, "cancelled");
                const int L = std::min(p_.bptt, data_.steps - t0);
                gather(data_, channel_, seqs, t0, L, angles, target);
                net.zeroGrad();
                net.forward(enc.encodeChunk<float>(angles, data_.axes), state, B);
                const double loss = net.loss(target);
                net.backward(target);
                const double norm = adam.step();
                if (!std::isfinite(loss) || !std::isfinite(norm))
                    return finish(TrainOutcome::Diverged,
                                  "the loss became non-finite in epoch " + std::to_string(epoch));
                state = net.finalState();
                lossSum += loss;
                ++lossCount;
            }
        }
        const Evaluation val = evaluate(net, data_, channel_, nTrain, data_.sequences);
        res.epochs = epoch;
        res.trainLoss.push_back(lossSum / double(std::max(1L, lossCount)));
        res.valLoss.push_back(val.mseComponents);
        res.valAngleMse.push_back(val.mseAngle);
        if (!std::isfinite(val.mseComponents))
            return finish(
                TrainOutcome::Diverged,
                "the validation loss became non-finite in epoch " + std::to_string(epoch));
        TrainProgress pr;
        pr.epoch = epoch;
        pr.maxEpochs = p_.max_epochs;
        pr.trainLoss = res.trainLoss.back();
        pr.valLoss = val.mseComponents;
        pr.valAngleMse = val.mseAngle;
        pr.learningRate = lr;
        pr.seconds = elapsed();
        pr.improved = val.mseComponents < bestVal * (1.0 - 1e-4);
        if (pr.improved) {
            bestVal = val.mseComponents;
            bestWeights = net.weights();
            res.bestEpoch = epoch;
            sinceBest = sinceDecay = 0;
            if (checkpoint) checkpoint(net, pr);
        } else {
            ++sinceBest;
            if (++sinceDecay >= std::max(1, p_.patience / 2)) {
                lr *= 0.5;
                adam.setLearningRate(lr);
                sinceDecay = 0;
            }
        }
        if (progress) progress(pr);
        if (p_.target_mse > 0 && pr.improved && val.mseAngle <= p_.target_mse)
            return finish(TrainOutcome::Converged, "validation angle MSE reached the target");
        if (sinceBest >= p_.patience)
            return finish(TrainOutcome::Converged, "no better validation loss for " +
                                                       std::to_string(p_.patience) + " epochs");
        if (p_.max_seconds > 0 && elapsed() >= p_.max_seconds)
            return finish(TrainOutcome::MaxIterations, "time budget reached");
    }
    return finish(TrainOutcome::MaxIterations, "max_epochs reached");
}

}  // namespace as::surrogate
