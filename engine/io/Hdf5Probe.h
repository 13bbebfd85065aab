#pragma once
// Files without a seal (written before the seal existed, or by another program) reach libhdf5
// unchecked, and libhdf5 1.10.8 can crash, abort or hang on a damaged one: the fuzzers found
// over-reads, use-after-frees and 4-16 GB allocations inside its decoding of object headers
// (tests/fuzz/hdf5-upstream). So such a file is first read whole by libhdf5 in a child process
// (core/IsolatedRun.h); only if that child reads it without harm does this process open it. A
// crash or hang then costs the child, and the user gets a message instead of a dead program.
// The fork happens while this thread holds libhdf5's API lock, so no other thread of the program
// (a checkpoint being written, a model being loaded) is inside the library at that moment and
// the child does not inherit a lock that no thread of its own would ever release. The lock is
// held until the child has ended: the child shares the descriptors of the HDF5 files open in the
// program, and their flock() locks, so no other thread may close and reopen one meanwhile.
#include <string>

namespace as::h5 {

/// Reads every object, attribute and value of the HDF5 file at `path` (readEverything) in a
/// child process, within 1 s plus 50 ms per MB. Returns if the child read it all. Throws Error if
/// the child found an object libhdf5 cannot read (its message), crashed, or ran out of time. If
/// no child can be made (fork fails), returns and the file is read as before.
void probeUnsealedFile(const std::string& path);

/// The probe's time limit for a file of `bytes` bytes (seconds).
double probeSeconds(unsigned long long bytes);

}  // namespace as::h5
