#pragma once
// Where the MNIST IDX files are, loading them, and the shipped example digits.
//
// findMnistDir looks, in this order, for a directory holding all four files
// (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,
// t10k-labels-idx1-ubyte):
//   1. userPath (a --mnist option, a GUI setting), if not empty
//   2. $AS_MNIST_DIR
//   3. AS_DATA_DIR "/mnist"  (<repo>/data/mnist, where scripts/fetch-mnist.sh puts them)
//   4. $XDG_DATA_HOME/attractor-studio/mnist, or ~/.local/share/attractor-studio/mnist
#include <string>
#include <vector>

#include "data/ImageSet.h"

namespace as::data {

enum class MnistSplit { Train, Test };

/// Loads the train (60,000) or test ("t10k", 10,000) split from dir, at most maxCount images
/// (-1: all). Throws IdxError naming the file if a file is missing or bad.
ImageSet loadMnist(const std::string& dir, MnistSplit split, int maxCount = -1);

/// The candidate directories of findMnistDir, in search order (empty entries left out).
std::vector<std::string> mnistSearchPath(const std::string& userPath = "");

/// The first candidate directory that holds all four files, else "".
std::string findMnistDir(const std::string& userPath = "");

/// A message for a user without MNIST: where it looked and how to fetch the files.
std::string mnistMissingMessage(const std::string& userPath = "");

/// The shipped example digits (resources/sde/: the first 10 test digits of each class, 100 images,
/// sorted by class). path: a directory holding kExampleImagesFile and kExampleLabelsFile, or a
/// prefix P naming P-images-idx3-ubyte and P-labels-idx1-ubyte (".../sde/examples"); "" =
/// $AS_RESOURCES_DIR "/sde" if that environment variable is set and holds the files, else the
/// build's AS_RESOURCES_DIR "/sde". Throws IdxError if absent or bad.
ImageSet loadExampleDigits(const std::string& path = "");

/// File names inside the example directory.
inline constexpr const char* kExampleImagesFile = "examples-images-idx3-ubyte";
inline constexpr const char* kExampleLabelsFile = "examples-labels-idx1-ubyte";

}  // namespace as::data
