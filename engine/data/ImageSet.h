#pragma once
// A labelled set of grey-scale images (MNIST digits), one image a column, and the first steps of
// the SDE lab's data pipeline (docs/models/sde-data.md):
//   pixel / 255 (floats) -> corruption (Corruptions.h) -> normaliseToMax -> initial condition x(0).
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

namespace as::data {

struct ImageSet {
    int rows = 28, cols = 28;
    /// (rows*cols) x count; column b is image b, its pixels in row-major order (index r*cols + c).
    Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic> pixels;
    Eigen::VectorXi labels;  ///< count labels, 0..9

    int count() const { return int(pixels.cols()); }
    int dim() const { return rows * cols; }

    /// Columns first .. first+n-1 as pixel / 255 in [0, 1]. Throws std::out_of_range if outside.
    Eigen::MatrixXf floats(int first, int n) const;
    /// The columns idx[0], idx[1], ... as pixel / 255. Throws std::out_of_range for a bad index.
    Eigen::MatrixXf floats(const std::vector<int>& idx) const;
    /// The images idx (in that order) with their labels. Throws std::out_of_range for a bad index.
    ImageSet subset(const std::vector<int>& idx) const;
    /// The images whose label is in keep, in their original order, at most perClassMax of each
    /// label (-1: all). Labels are kept as they are (not renumbered): keep = {0, 1, 2} gives
    /// labels 0..2, the paper's generative demo.
    ImageSet withLabels(const std::vector<int>& keep, int perClassMax = -1) const;
};

/// Reads an IDX images file and its labels file (IdxReader.h), at most maxCount of them (-1: all).
/// Throws IdxError if either file is bad, if their counts differ (both paths in the message) or
/// if a label is above 9.
ImageSet readIdxPair(const std::string& imagesPath, const std::string& labelsPath,
                     int maxCount = -1);

/// Writes a set as an IDX images file and an IDX labels file. Throws IdxError.
void writeIdxPair(const ImageSet& set, const std::string& imagesPath,
                  const std::string& labelsPath);

/// Divides each column by its largest value (the paper's Fig. 3: the initial condition is the
/// image "normalized to its largest value"); a column whose largest value is <= 0 is left as is
/// (an all-zero image stays zero).
void normaliseToMax(Eigen::MatrixXf& states);

}  // namespace as::data
