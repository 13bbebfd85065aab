#pragma once
// Integrity of the HDF5 files the product writes (docs/reliability.md, "File integrity"):
//  - every non-empty dataset is chunked (chunks of at most kMaxChunkBytes) with the Fletcher32
//    filter, which HDF5 verifies on every read;
//  - files are created in the HDF5 1.10 format, whose superblock, object headers (which hold the
//    attributes) and chunk indexes carry HDF5's own checksums, verified on read;
//  - the root attribute kChecksumAttribute holds a 64-bit FNV-1a digest of a canonical walk of the
//    file's metadata (every object's path, every dataset's type and shape, every attribute's name,
//    type and value bytes), written last and verified when the file is opened for reading.
#include <hdf5.h>

#include <cstddef>
#include <string>
#include <vector>

#include "io/Hdf5Handle.h"

namespace as::h5 {

/// Root attribute holding the metadata digest, "fnv1a64:<16 hex digits>".
inline constexpr const char* kChecksumAttribute = "metadata_checksum";
/// Upper bound of one chunk of a dataset (bytes).
inline constexpr std::size_t kMaxChunkBytes = std::size_t(1) << 20;

/// Chunk shape for a dataset of `dims` elements of `elementBytes` each: the whole dataset, split
/// along its slowest axes until a chunk holds at most kMaxChunkBytes, into chunks of equal extent
/// along the axis that is split. Every dim must be > 0.
std::vector<hsize_t> chunkShape(const std::vector<hsize_t>& dims, std::size_t elementBytes);
/// Creation property list of a checksummed dataset (chunked, Fletcher32); H5P_DEFAULT's copy for
/// an empty one (nothing to protect; its shape is metadata).
Handle checksummedCreation(const std::vector<hsize_t>& dims, std::size_t elementBytes);

/// Why the HDF5 call that just failed failed, from HDF5's error stack (call before any other HDF5
/// call): "failed its checksum (the file is damaged)" when a checksum did not match, else
/// "the file is damaged or truncated (HDF5: <reason>)"; "" if HDF5 recorded nothing.
std::string failureReason();
/// Throws Error for the read of dataset `path` that just failed (call before any other HDF5
/// call): "dataset '<path>' failed its checksum (the file is damaged)", else "cannot read dataset
/// '<path>': <reason>".
[[noreturn]] void datasetReadFailed(const std::string& path);

/// Writes (or replaces) the root digest attribute. Call after the last change to the file.
void writeChecksums(hid_t file);
/// Whether the file carries the root digest attribute.
bool hasChecksums(hid_t file);
/// Recomputes the digest and compares it with the stored one, and checks that every non-empty
/// dataset carries the Fletcher32 filter. Throws Error naming the object or saying "attributes do
/// not match their checksum (the file is damaged)".
void verifyChecksums(hid_t file);

/// Reads the whole file: every object and attribute (as the digest walks them) and every stored
/// value of every dataset. Throws Error naming the first object libhdf5 cannot read. Run in a child
/// process for files without a seal (io/Hdf5Probe.h).
void readEverything(hid_t file);

}  // namespace as::h5
