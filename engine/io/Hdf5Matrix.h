#pragma once
// Eigen matrices as 2D HDF5 datasets (row-major on disk, so h5dump shows rows as rows), read back
// with their shape and finiteness checked; messages name `where` (the file) and the dataset.
#include <Eigen/Core>
#include <string>

#include "io/Hdf5Handle.h"

namespace as::h5 {

void writeMatrix(hid_t loc, const std::string& name, const Eigen::MatrixXf& m);
void writeMatrix(hid_t loc, const std::string& name, const Eigen::MatrixXd& m);
/// Throws Error("<where>: field '<name>' ...") unless the dataset is rows x cols and finite.
Eigen::MatrixXf readMatrixF(hid_t loc, const std::string& name, Eigen::Index rows,
                            Eigen::Index cols, const std::string& where);
Eigen::MatrixXd readMatrixD(hid_t loc, const std::string& name, Eigen::Index rows,
                            Eigen::Index cols, const std::string& where);

}  // namespace as::h5
