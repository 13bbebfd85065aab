#pragma once
// The whole-file seal of the HDF5 files the product writes (docs/reliability.md, "File integrity").
// Fletcher32 and the metadata digest (Hdf5Integrity.h) are checked by or after libhdf5, which must
// first parse the file's internal structures (superblock, B-trees, heaps); a damaged structure
// can make libhdf5 itself misbehave (the fuzzers found reads past buffers in libhdf5 1.10.8). The
// seal is checked before libhdf5 sees the file. Files are created with a 512-byte HDF5 user block
// (which HDF5 leaves to the application and skips); once the file is closed, a map of its
// datasets' bytes is appended after HDF5's end of file and the seal is written into the block:
//
//   bytes 0-7    magic "ASSEAL01"
//   bytes 8-15   the HDF5 part's length in bytes (the file up to the map)
//   bytes 16-23  digest of the HDF5 part after the block (bytes 512 .. length)
//   bytes 24-31  the map's length in bytes
//   bytes 32-39  digest of the map
//   bytes 40-511 zero              (integers little-endian)
//
// The map (plain text, one line a dataset): "<digest hex> <path> <offset>+<size>,..." lists the
// byte ranges where each dataset's stored values lie and their digest. When the file's digest does
// not match, the map names the datasets whose bytes changed, so the message names the dataset, as
// a Fletcher32 failure does, without libhdf5 reading the damaged file.
//
// A file whose first 8 bytes are not the magic has no seal (written before the seal existed, or
// by another program) and is read as before.
#include <cstdint>
#include <string>

namespace as::h5 {

/// The HDF5 user block that holds the seal (bytes; a power of two >= 512, as HDF5 requires).
inline constexpr std::uint64_t kSealBlockBytes = 512;

/// 64-bit digest of `n` bytes (four interleaved multiply-rotate lanes, then a final mix). Not
/// cryptographic: it detects damage, not forgery.
std::uint64_t sealDigest(const unsigned char* data, std::size_t n);

/// Appends the dataset map to the closed file at `path` (created by createFile()) and writes the
/// seal into its user block. Throws Error naming the file if it cannot be read or written, or has
/// no user block.
void sealFile(const std::string& path);

/// Whether the file at `path` carries a seal: false if it has none; true if it has one and it
/// matches. If it does not match, throws Error: "dataset '<path>' failed its checksum (the file
/// is damaged)" when the map names the dataset, else "the file does not match its whole-file seal
/// (the file is damaged): <what>".
bool checkSeal(const std::string& path);

}  // namespace as::h5
