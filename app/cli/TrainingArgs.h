#pragma once
// The training options the SDE and generator subcommands share: --epochs, --iterations, --batch,
// --lr, --checkpoint and --resume, registered once and applied once to the lab's training
// parameters (sde::TrainParams, generator::GeneratorTrainParams: epochs, maxIterations, batch,
// learningRate, checkpointPath, checkpointEvery).
#include <CLI/CLI.hpp>
#include <string>

namespace as::cli {

struct TrainingArgs {
    int epochs = 0, batch = 0;  ///< 0: the parameters' own
    long long iterations = -1;  ///< -1: the parameters' own
    double lr = -1.0;           ///< <= 0: the parameters' own
    std::string checkpoint, resume;

    /// Registers the six options on `app`.
    void addOptions(CLI::App* app) {
        app->add_option("--epochs", epochs, "train: epochs")->type_name("E");
        app->add_option("--iterations", iterations, "train: stop after this many mini-batches")
            ->type_name("I");
        app->add_option("--batch", batch, "train: batch size")->type_name("B");
        app->add_option("--lr", lr, "train: Adam learning rate")->type_name("X");
        app->add_option("--checkpoint", checkpoint, "train: checkpoint file (kept on Ctrl-C)")
            ->type_name("FILE.h5");
        app->add_option("--resume", resume, "train: continue from this checkpoint")
            ->type_name("FILE.h5");
    }
    /// The options given, over tp; with --checkpoint, a checkpoint every `checkpointEvery`
    /// iterations unless tp sets its own period.
    template <class TP>
    void applyTo(TP& tp, int checkpointEvery) const {
        if (epochs > 0) tp.epochs = epochs;
        if (iterations >= 0) tp.maxIterations = long(iterations);
        if (batch > 0) tp.batch = batch;
        if (lr > 0) tp.learningRate = lr;
        if (!checkpoint.empty()) {
            tp.checkpointPath = checkpoint;
            if (tp.checkpointEvery == 0) tp.checkpointEvery = checkpointEvery;
        }
    }
};

}  // namespace as::cli
