#include "sde/MiniBatchSchedule.h"

#include <algorithm>

#include "sde/BpttTrainer.h"

namespace as::sde {

MiniBatchSchedule::MiniBatchSchedule(int items, int batch, int epochs, long maxIterations,
                                     std::uint64_t seed, long firstIteration)
    : items_(items), batch_(batch), firstIteration_(firstIteration), seed_(seed) {
    const long perEpoch = (items + batch - 1) / batch;
    total_ = maxIterations > 0 ? maxIterations : perEpoch * epochs;
}

void MiniBatchSchedule::select(long iteration) {
    const long perEpoch = (items_ + batch_ - 1) / batch_;
    const long epoch = iteration / perEpoch, pos = iteration % perEpoch;
    if (epoch != epoch_) {
        order_ = epochOrder(seed_, epoch, items_);
        epoch_ = epoch;
    }
    first_ = int(pos * batch_);
    len_ = std::min(batch_, items_ - first_);
}

void MiniBatchSchedule::endWork() {
    workSeconds_ +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - workStart_).count();
}

std::string cancelledMessage(long iterations) {
    return "cancelled after " + std::to_string(iterations) + " iterations";
}

std::string nonFiniteMessage(const char* what, long iteration) {
    return std::string("the ") + what + " became non-finite at iteration " +
           std::to_string(iteration) + "; the model keeps the weights of the last good iteration";
}

std::string finishedMessage(long iterations) {
    return "finished " + std::to_string(iterations) + " iterations";
}

bool checkpointDue(const std::string& path, long every, long iteration) {
    return !path.empty() && every > 0 && iteration % every == 0;
}

}  // namespace as::sde
