// Files without a seal are read whole by libhdf5 in a child process before this process opens
// them (io/Hdf5Probe.h): a good one loads as before, a damaged one is refused with a message,
// and the files that crash libhdf5 1.10.8 (tests/fuzz/hdf5-upstream) cannot take the caller down.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "io/FileSeal.h"
#include "io/Hdf5Handle.h"
#include "io/Hdf5Integrity.h"
#include "io/Hdf5Probe.h"
#include "tests/engine/TempPath.h"

namespace fs = std::filesystem;
using namespace as;

namespace {

/// An HDF5 file written without the product's seal or checksums (as older builds and other
/// programs write them): an attribute and a 2D dataset of 3 x 1000 doubles.
std::string unsealedFile(const std::string& name) {
    const std::string path = as::test::tempPath(name);
    h5::silenceErrors();
    h5::Handle f(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT));
    h5::writeAttribute(f, "label", std::string("unsealed"));
    std::vector<double> v(3000);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = 0.5 * double(i);
    const hsize_t dims[2] = {3, 1000};
    h5::Handle space(H5Screate_simple(2, dims, nullptr));
    h5::Handle set(
        H5Dcreate2(f, "values", H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
    H5Dwrite(set, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data());
    return path;
}

std::vector<char> bytesOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST(Hdf5Probe, AnUnsealedFileIsReadWholeInAChildAndThenLoads) {
    const std::string path = unsealedFile("good.h5");
    EXPECT_FALSE(h5::checkSeal(path));
    EXPECT_NO_THROW(h5::probeUnsealedFile(path));
    h5::Handle f = h5::openFileReadOnly(path);
    const std::vector<double> v = h5::readDoubles(f, "values");
    ASSERT_EQ(v.size(), 3000u);
    EXPECT_EQ(v[2999], 0.5 * 2999);
    fs::remove(path);
}

TEST(Hdf5Probe, NotAnHdf5FileIsRefusedWithTheReason) {
    const std::string path = as::test::tempPath("text.h5");
    std::ofstream(path) << "not an HDF5 file\n";
    try {
        h5::openFileReadOnly(path);
        FAIL() << "a text file opened";
    } catch (const h5::Error& e) {
        EXPECT_NE(std::string(e.what()).find("cannot be opened"), std::string::npos) << e.what();
    }
    fs::remove(path);
}

TEST(Hdf5Probe, ADamagedDatasetIsRefusedBeforeTheCallerReadsIt) {
    // Cut the file inside the dataset's values: HDF5 opens it (the metadata comes first) but the
    // read in the child fails, so the caller never opens it.
    const std::string path = unsealedFile("cut.h5");
    std::vector<char> bytes = bytesOf(path);
    bytes.resize(bytes.size() - 4000);
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(bytes.data(), std::streamsize(bytes.size()));
    EXPECT_THROW(h5::openFileReadOnly(path), h5::Error);
    fs::remove(path);
}

TEST(Hdf5Probe, FilesThatCrashLibhdf5AreRefusedOrReadWithoutHarm) {
    // Each of these made libhdf5 1.10.8 over-read, leak or ask for gigabytes inside this process
    // (found by the fuzzers). Now libhdf5 reads them first in a child: under the sanitizers, whose
    // reports end the child, every one is refused; a plain build may read some without visible
    // harm (the over-reads land in mapped memory), and then the loader's own checks decide.
    int refused = 0, files = 0;
    for (const auto& e : fs::directory_iterator(AS_TEST_DATA_DIR "/../../fuzz/hdf5-upstream")) {
        if (e.path().extension() == ".md") continue;
        ++files;
        try {
            h5::Handle f = h5::openFileReadOnly(e.path().string());
            h5::readEverything(f);  // read here only if the child read it all
        } catch (const h5::Error& err) {
            ++refused;
            EXPECT_FALSE(std::string(err.what()).empty());
        }
    }
    EXPECT_EQ(files, 6);
    std::printf("hdf5-upstream inputs: %d files, %d refused\n", files, refused);
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
    EXPECT_EQ(refused, files);
#endif
#endif
}

TEST(Hdf5Probe, ProbesWhileAnotherThreadWritesFilesAllSucceed) {
    // The GUI writes checkpoints and loads models on worker threads. A child forked while another
    // thread is inside libhdf5 (which holds one lock around every call) would wait forever for
    // that lock and be refused at the time limit: half of these probes were, before the fork was
    // made under the library's lock. The writer failed too: a child that shares the descriptor of
    // the writer's open file keeps its flock() lock, so reopening the file to seal it failed.
    const std::string probed = unsealedFile("probed.h5");
    const std::string busy = as::test::tempPath("busy.h5");
    std::atomic<bool> stop{false};
    int written = 0, writeFailures = 0;
    std::thread writer([&] {
        const std::vector<double> v(100000, 1.0);
        while (!stop) {
            try {
                h5::writeFileAtomically(busy, "busy file", [&](hid_t f) {
                    h5::writeDataset(f, "v", v, {hsize_t(v.size())});
                });
                ++written;
            } catch (const std::exception&) {
                ++writeFailures;
            }
        }
    });
    int refused = 0;
    for (int i = 0; i < 60; ++i) {
        try {
            h5::probeUnsealedFile(probed);
        } catch (const h5::Error&) {
            ++refused;
        }
    }
    stop = true;
    writer.join();
    EXPECT_EQ(refused, 0);
    EXPECT_EQ(writeFailures, 0);
    EXPECT_GT(written, 0);
    fs::remove(probed);
    fs::remove(busy);
}

TEST(Hdf5Probe, TheTimeLimitGrowsWithTheFile) {
    EXPECT_DOUBLE_EQ(h5::probeSeconds(0), 1.0);
    EXPECT_DOUBLE_EQ(h5::probeSeconds(100'000'000), 6.0);
}
