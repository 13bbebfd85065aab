// The whole-file seal (io/FileSeal.h): every file written through writeFileAtomically or a
// session carries it; any changed, missing or added byte is refused before libhdf5 reads the
// file; a file without a seal (older files, other programs) is read as before.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "io/FileSeal.h"
#include "io/Hdf5Handle.h"
#include "io/SessionFile.h"
#include "tests/engine/TempPath.h"

namespace fs = std::filesystem;
using namespace as;

namespace {

std::vector<char> bytesOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
void writeBytes(const std::string& path, const std::vector<char>& b) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(b.data(), std::streamsize(b.size()));
}
/// A sealed file with `n` doubles (large enough for the streamed digest's several blocks).
std::string sealedFile(const std::string& name, std::size_t n) {
    const std::string path = as::test::tempPath(name);
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = std::sin(0.001 * double(i));
    h5::writeFileAtomically(path, "test file", [&](hid_t f) {
        h5::writeAttribute(f, "label", std::string("seal test"));
        h5::writeDataset(f, "values", v, {hsize_t(n)});
    });
    return path;
}
/// Opens and reads the file the way every loader does; returns "" or the error.
std::string load(const std::string& path) {
    try {
        h5::Handle f = h5::openFileReadOnly(path);
        (void)h5::readDoubles(f, "values");
        return {};
    } catch (const std::exception& e) {
        return e.what();
    }
}

}  // namespace

TEST(FileSeal, DigestIsStableAcrossChunkingAndSensitiveToEveryByte) {
    std::vector<unsigned char> data(1000);
    std::mt19937 rng(5);
    for (auto& c : data) c = static_cast<unsigned char>(rng());
    const std::uint64_t d = h5::sealDigest(data.data(), data.size());
    EXPECT_EQ(d, h5::sealDigest(data.data(), data.size()));
    EXPECT_NE(d, h5::sealDigest(data.data(), data.size() - 1));  // length counts
    for (std::size_t i = 0; i < data.size(); i += 37)
        for (unsigned bit : {0u, 7u}) {
            data[i] ^= static_cast<unsigned char>(1u << bit);
            EXPECT_NE(d, h5::sealDigest(data.data(), data.size())) << "byte " << i;
            data[i] ^= static_cast<unsigned char>(1u << bit);
        }
}

TEST(FileSeal, WrittenFilesAreSealedAndLoad) {
    // 300,000 doubles: 2.4 MB, read back in three blocks of 1 MB.
    const std::string path = sealedFile("big.h5", 300000);
    EXPECT_TRUE(h5::checkSeal(path));
    EXPECT_TRUE(h5::isHdf5(path));  // the user block does not hide the HDF5 signature
    EXPECT_EQ(load(path), "");
    fs::remove(path);
}

TEST(FileSeal, EveryDamageIsRefusedBeforeHdf5ReadsTheFile) {
    const std::string path = sealedFile("orig.h5", 5000);
    const std::vector<char> orig = bytesOf(path);
    const std::string bad = as::test::tempPath("bad.h5");
    int refused = 0, tried = 0, named = 0;
    // 50 seeded offsets over the whole file, seal block included, one flipped bit each.
    std::mt19937_64 rng(12);
    for (int k = 0; k < 50; ++k, ++tried) {
        std::vector<char> b = orig;
        const std::size_t at = std::size_t(rng() % b.size());
        b[at] = char(b[at] ^ (1 << (k % 8)));
        writeBytes(bad, b);
        const std::string err = load(bad);
        if (!err.empty()) ++refused;
        if (err.find("dataset '/values'") != std::string::npos) ++named;
        EXPECT_NE(err, "") << "a flip at byte " << at << " loaded";
        // Past the magic: the seal says it, naming the dataset when the flip hit its values.
        if (at >= 8 && !err.empty())
            EXPECT_TRUE(err.find("whole-file seal") != std::string::npos ||
                        err.find("dataset '/values' failed its checksum") != std::string::npos)
                << err;
    }
    std::printf("[ info ] %d of %d flipped variants refused (%d naming the dataset)\n", refused,
                tried, named);
    // Truncated, extended.
    std::vector<char> b(orig.begin(), orig.end() - 1);
    writeBytes(bad, b);
    EXPECT_NE(load(bad).find("seal"), std::string::npos);
    b = orig;
    b.push_back(0);
    writeBytes(bad, b);
    EXPECT_NE(load(bad).find("seal"), std::string::npos);
    fs::remove(bad);
    fs::remove(path);
}

TEST(FileSeal, AFileWithoutASealIsReadAsBefore) {
    const std::string path = as::test::tempPath("unsealed.h5");
    {
        h5::Handle f = h5::createFile(path);  // a user block, but never sealed
        h5::writeDataset(f, "values", std::vector<double>{1, 2, 3}, {3});
    }
    EXPECT_FALSE(h5::checkSeal(path));
    EXPECT_EQ(load(path), "");
    fs::remove(path);
}

TEST(FileSeal, SessionsAreSealed) {
    const std::string path = as::test::tempPath("session.h5");
    {
        SessionWriter w(path, "ring");
        h5::writeDataset(w.root(), "values", std::vector<double>{1, 2, 3}, {3});
        w.commit();
    }
    EXPECT_TRUE(h5::checkSeal(path));
    EXPECT_EQ(load(path), "");
    fs::remove(path);
}
