#pragma once
// The MNIST options the SDE and generator subcommands share: --mnist (where the IDX files are),
// --digits (which digits, in class order), loading a split, and labels as class indices.
#include <Eigen/Core>
#include <string>
#include <vector>

#include "data/ImageSet.h"
#include "data/MnistLocator.h"

namespace as::cli {

/// The MNIST directory: userPath (--mnist) or the search path; CliError (exit 2) if absent.
std::string findMnistOrThrow(const std::string& userPath);
/// --digits "0,1,2" parsed (empty text: 0..classes-1, or 0..9 when classes <= 0); CliError on a
/// malformed list, a repeated digit, or a count other than classes (when classes > 0).
std::vector<int> parseDigits(const std::string& text, int classes);
/// Labels renumbered to positions in digits (digit d -> index of d; -1 if absent).
Eigen::VectorXi classIndices(const Eigen::VectorXi& labels, const std::vector<int>& digits);
/// A split of the MNIST files in dir; CliError naming the file on a bad one.
data::ImageSet loadMnistSplit(const std::string& dir, data::MnistSplit split);

}  // namespace as::cli
