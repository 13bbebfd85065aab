#pragma once
// The MNIST classifier whose penultimate layer is the feature space of the generator's quality
// metric (the Frechet distance, FrechetDistance.h; TF-GAN's mnist_frechet_distance and the
// "Frechet LeNet distance" do the same with their own frozen classifiers). Inception weights cannot
// be had here, so the numbers are NOT comparable with Inception FIDs. An MLP
// 784 -> hidden1 -> hidden2 -> 10 with ReLU, softmax cross-entropy, Adam, seeded mini-batches,
// trained on all 60,000 training digits; features = the hidden2 ReLU activations (default 128).
// File: group /feature_classifier (format 2, checksummed).
#include <Eigen/Core>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/ParamSpec.h"
#include "generator/Mlp.h"

namespace as::generator {

struct ClassifierParams : ParamKeys<ClassifierParams> {
    int hidden1 = 256;           ///< first hidden layer. Default 256, [8, 4096]
    int hidden2 = 128;           ///< the feature layer. Default 128, [8, 4096]
    int epochs = 12;             ///< passes over the training set. Default 12, [1, 1000]
    int batch = 128;             ///< mini-batch. Default 128, [1, 4096]
    double learningRate = 1e-3;  ///< Adam step size, halved after every third epoch. (0, 1]
    std::uint64_t seed = 1;      ///< initial weights and batch order

    void check() const;
};

struct ClassifierProgress {
    int epoch = 0, epochs = 0;
    long iteration = 0, totalIterations = 0;
    double loss = 0.0, secondsLeft = 0.0;
};

class FeatureClassifier {
  public:
    FeatureClassifier() = default;
    /// An untrained classifier of p's sizes for images of `pixels` values.
    FeatureClassifier(const ClassifierParams& p, int pixels);

    const ClassifierParams& params() const { return params_; }
    const MlpWeights<float>& network() const { return net_; }
    int featureCount() const { return params_.hidden2; }
    double testAccuracy() const { return testAccuracy_; }
    void setTestAccuracy(double a) { testAccuracy_ = a; }

    /// Trains on images (pixels x M in [0, 1]) and digit labels (0..9). Returns the last epoch's
    /// mean loss; stops early (returning what it has) when cancel becomes true.
    double train(const Eigen::MatrixXf& images, const Eigen::VectorXi& labels,
                 const std::function<void(const ClassifierProgress&)>& progress = {},
                 const std::atomic<bool>* cancel = nullptr);
    /// Penultimate-layer features (featureCount() x N).
    Eigen::MatrixXf features(const Eigen::MatrixXf& images) const;
    /// Predicted digit of each column.
    Eigen::VectorXi predict(const Eigen::MatrixXf& images) const;

    void save(const std::string& path, const std::string& commandLine = "") const;
    /// Throws h5::Error naming the file (and the field) on a missing, damaged or foreign file.
    static FeatureClassifier load(const std::string& path);

  private:
    ClassifierParams params_;
    MlpWeights<float> net_;
    double testAccuracy_ = -1.0;
};

}  // namespace as::generator
