#include "SweepMpi.h"

#include "CliCommand.h"

#ifdef AS_WITH_MPI
#define OMPI_SKIP_MPICXX 1  // the C API only (no C++ bindings to link)
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>

#include <vector>
#endif

namespace as::cli {

#ifdef AS_WITH_MPI

bool SweepMpi::available() {
    return true;
}

SweepMpi::SweepMpi() {
    int provided = 0;
    if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SINGLE, &provided) != MPI_SUCCESS)
        throw CliError("MPI_Init failed", kExitFailure);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
    MPI_Comm node;
    MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank_, MPI_INFO_NULL, &node);
    MPI_Comm_size(node, &localSize_);
    MPI_Comm_free(&node);
}

SweepMpi::~SweepMpi() {
    MPI_Finalize();
}

void SweepMpi::barrier() const {
    MPI_Barrier(MPI_COMM_WORLD);
}

std::string SweepMpi::broadcast(const std::string& text) const {
    long long n = (long long)text.size();
    MPI_Bcast(&n, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
    std::vector<char> buf(text.begin(), text.end());
    buf.resize(std::size_t(n));
    if (n > 0) MPI_Bcast(buf.data(), int(n), MPI_CHAR, 0, MPI_COMM_WORLD);
    return std::string(buf.begin(), buf.end());
}

long long SweepMpi::sum(long long value) const {
    long long total = 0;
    MPI_Allreduce(&value, &total, 1, MPI_LONG_LONG, MPI_SUM, MPI_COMM_WORLD);
    return total;
}

#else

bool SweepMpi::available() {
    return false;
}

SweepMpi::SweepMpi() {
    throw CliError(
        "--mpi: this attractor-cli was built without MPI (install openmpi-bin and libopenmpi-dev, "
        "then reconfigure with -DAS_WITH_MPI=ON); run the sweep locally with --jobs N instead");
}

SweepMpi::~SweepMpi() = default;
void SweepMpi::barrier() const {}
std::string SweepMpi::broadcast(const std::string& text) const {
    return text;
}
long long SweepMpi::sum(long long value) const {
    return value;
}

#endif

}  // namespace as::cli
