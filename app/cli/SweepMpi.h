#pragma once
// The MPI side of `sweep run --mpi` (docs/sweeps.md): only what the ranks need to share one job
// list. Built when CMake finds MPI (option AS_WITH_MPI); without it the constructor throws
// CliError (exit 2) saying so.
#include <string>

namespace as::cli {

class SweepMpi {
  public:
    /// MPI_Init. Throws CliError (exit 2) when attractor-cli was built without MPI.
    SweepMpi();
    /// MPI_Finalize.
    ~SweepMpi();
    SweepMpi(const SweepMpi&) = delete;
    SweepMpi& operator=(const SweepMpi&) = delete;

    int rank() const { return rank_; }
    int size() const { return size_; }
    /// Ranks on this node (MPI_COMM_TYPE_SHARED): the cores are split among them.
    int localSize() const { return localSize_; }
    void barrier() const;
    /// Rank 0's `text` on every rank.
    std::string broadcast(const std::string& text) const;
    /// The sum of `value` over the ranks, on every rank.
    long long sum(long long value) const;

    /// Whether this build has MPI.
    static bool available();

  private:
    int rank_ = 0, size_ = 1, localSize_ = 1;
};

}  // namespace as::cli
