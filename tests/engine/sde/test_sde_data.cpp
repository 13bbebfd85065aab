// MNIST IDX reading, the loader API and the shipped example digits (engine/data).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/BuildPaths.h"
#include "data/IdxReader.h"
#include "data/IdxWriter.h"
#include "data/ImageSet.h"
#include "data/MnistLocator.h"

using namespace as::data;

namespace {

/// A directory for this test process, removed at exit.
class TempDir {
  public:
    TempDir() {
        path_ = std::filesystem::temp_directory_path() /
                ("as-test-sde-data-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

const TempDir& tmp() {
    static TempDir d;
    return d;
}

/// A tiny set: count images of 3 x 2 pixels, pixel k of image b = 10 b + k, label b % 10.
ImageSet tinySet(int count) {
    ImageSet s;
    s.rows = 3;
    s.cols = 2;
    s.pixels.resize(6, count);
    s.labels.resize(count);
    for (int b = 0; b < count; ++b) {
        for (int k = 0; k < 6; ++k) s.pixels(k, b) = std::uint8_t(10 * b + k);
        s.labels(b) = b % 10;
    }
    return s;
}

void writeBytes(const std::string& path, const std::vector<unsigned char>& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

std::vector<unsigned char> readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

template <class F>
std::string errorOf(F&& f) {
    try {
        f();
    } catch (const IdxError& e) {
        return e.what();
    }
    return "(no IdxError)";
}

}  // namespace

TEST(IdxReader, RoundTripOfATinyFile) {
    const ImageSet s = tinySet(7);
    const std::string im = tmp().file("rt-images"), lab = tmp().file("rt-labels");
    writeIdxPair(s, im, lab);
    // Header bytes by hand: magic 0x00000803, dims 7, 3, 2 (big-endian), then 42 pixels.
    const auto bytes = readBytes(im);
    ASSERT_EQ(bytes.size(), 16u + 42u);
    const std::vector<unsigned char> header{0, 0, 8, 3, 0, 0, 0, 7, 0, 0, 0, 3, 0, 0, 0, 2};
    EXPECT_TRUE(std::equal(header.begin(), header.end(), bytes.begin()));
    EXPECT_EQ(bytes[16 + 6 + 1], 11);  // image 1, pixel 1
    const ImageSet r = readIdxPair(im, lab);
    EXPECT_EQ(r.rows, 3);
    EXPECT_EQ(r.cols, 2);
    EXPECT_EQ(r.count(), 7);
    EXPECT_EQ(r.dim(), 6);
    EXPECT_TRUE(r.pixels == s.pixels);
    EXPECT_TRUE(r.labels == s.labels);
    // maxCount keeps the first images.
    const ImageSet r3 = readIdxPair(im, lab, 3);
    EXPECT_EQ(r3.count(), 3);
    EXPECT_TRUE(r3.pixels == s.pixels.leftCols(3));
}

TEST(IdxReader, RefusesATruncatedFileNamingIt) {
    const ImageSet s = tinySet(5);
    const std::string im = tmp().file("trunc-images"), lab = tmp().file("trunc-labels");
    writeIdxPair(s, im, lab);
    auto bytes = readBytes(im);
    bytes.resize(bytes.size() - 7);
    writeBytes(im, bytes);
    const std::string msg = errorOf([&] { readIdxImages(im); });
    EXPECT_NE(msg.find(im), std::string::npos) << msg;
    EXPECT_NE(msg.find("truncated: header promises 30 bytes of pixels, file has 23"),
              std::string::npos)
        << msg;
    // A file shorter than its header.
    writeBytes(im, {0, 0, 8, 3, 0, 0});
    const std::string msg2 = errorOf([&] { readIdxImages(im); });
    EXPECT_NE(msg2.find(im + ": truncated"), std::string::npos) << msg2;
    // Too long is refused as well.
    writeIdxPair(s, im, lab);
    bytes = readBytes(lab);
    bytes.push_back(3);
    writeBytes(lab, bytes);
    const std::string msg3 = errorOf([&] { readIdxLabels(lab); });
    EXPECT_NE(msg3.find(lab + ": too long"), std::string::npos) << msg3;
}

TEST(IdxReader, RefusesABadMagicNamingTheFile) {
    const ImageSet s = tinySet(4);
    const std::string im = tmp().file("magic-images"), lab = tmp().file("magic-labels");
    writeIdxPair(s, im, lab);
    // Labels where images are expected and vice versa.
    const std::string m1 = errorOf([&] { readIdxImages(lab); });
    EXPECT_NE(m1.find(lab + ": bad magic 0x00000801, expected 0x00000803"), std::string::npos)
        << m1;
    const std::string m2 = errorOf([&] { readIdxLabels(im); });
    EXPECT_NE(m2.find(im + ": bad magic 0x00000803, expected 0x00000801"), std::string::npos) << m2;
    // A float IDX (type 0x0d) is refused.
    auto bytes = readBytes(im);
    bytes[2] = 0x0d;
    writeBytes(im, bytes);
    const std::string m3 = errorOf([&] { readIdxImages(im); });
    EXPECT_NE(m3.find(im + ": bad magic 0x00000d03"), std::string::npos) << m3;
    const std::string m4 = errorOf([&] { readIdxImages(tmp().file("no-such-file")); });
    EXPECT_NE(m4.find("no-such-file: cannot open"), std::string::npos) << m4;
}

TEST(IdxReader, RefusesACountMismatchNamingBothFiles) {
    const std::string im = tmp().file("mm-images"), lab = tmp().file("mm-labels");
    writeIdxPair(tinySet(6), im, lab);
    std::vector<std::uint8_t> five{0, 1, 2, 3, 4};
    writeIdxLabels(lab, five);
    const std::string msg = errorOf([&] { readIdxPair(im, lab); });
    EXPECT_NE(msg.find(im), std::string::npos) << msg;
    EXPECT_NE(msg.find(lab), std::string::npos) << msg;
    EXPECT_NE(msg.find("count mismatch"), std::string::npos) << msg;
    // A label above 9.
    writeIdxLabels(lab, {0, 1, 2, 3, 4, 12});
    const std::string msg2 = errorOf([&] { readIdxPair(im, lab); });
    EXPECT_NE(msg2.find(lab + ": label 12 of item 5"), std::string::npos) << msg2;
}

TEST(ImageSet, FloatsSubsetAndWithLabels) {
    const ImageSet s = tinySet(25);  // labels 0..9, 0..9, 0..4
    const Eigen::MatrixXf f = s.floats(2, 3);
    ASSERT_EQ(f.rows(), 6);
    ASSERT_EQ(f.cols(), 3);
    EXPECT_FLOAT_EQ(f(1, 0), 21.0f / 255.0f);
    EXPECT_FLOAT_EQ(f(5, 2), 45.0f / 255.0f);
    const Eigen::MatrixXf g = s.floats(std::vector<int>{4, 0});
    EXPECT_FLOAT_EQ(g(0, 0), 40.0f / 255.0f);
    EXPECT_FLOAT_EQ(g(3, 1), 3.0f / 255.0f);
    EXPECT_THROW(s.floats(24, 2), std::out_of_range);
    EXPECT_THROW(s.floats(std::vector<int>{25}), std::out_of_range);

    const ImageSet sub = s.subset({3, 1});
    EXPECT_EQ(sub.count(), 2);
    EXPECT_EQ(sub.labels(0), 3);
    EXPECT_EQ(sub.pixels(0, 1), 10);

    const ImageSet k = s.withLabels({0, 1, 2});
    ASSERT_EQ(k.count(), 9);
    EXPECT_EQ(k.labels(3), 0);  // image 10
    EXPECT_EQ(k.pixels(0, 3), 100);
    const ImageSet k1 = s.withLabels({2, 0}, 1);
    ASSERT_EQ(k1.count(), 2);
    EXPECT_EQ(k1.labels(0), 0);
    EXPECT_EQ(k1.labels(1), 2);
}

TEST(ImageSet, NormaliseToMax) {
    Eigen::MatrixXf x(3, 3);
    x << 0.2f, 0.0f, 0.5f,  //
        0.4f, 0.0f, 1.0f,   //
        0.1f, 0.0f, 0.25f;
    normaliseToMax(x);
    EXPECT_FLOAT_EQ(x(1, 0), 1.0f);
    EXPECT_FLOAT_EQ(x(0, 0), 0.5f);
    EXPECT_FLOAT_EQ(x(2, 0), 0.25f);
    EXPECT_TRUE(x.col(1).isZero());  // an all-zero column stays zero
    EXPECT_FLOAT_EQ(x(1, 2), 1.0f);
    EXPECT_FLOAT_EQ(x(2, 2), 0.25f);
}

TEST(ExampleDigits, HundredDigitsTenPerClassSortedByClass) {
    const ImageSet e = loadExampleDigits();
    ASSERT_EQ(e.count(), 100);
    EXPECT_EQ(e.rows, 28);
    EXPECT_EQ(e.cols, 28);
    for (int b = 0; b < 100; ++b) EXPECT_EQ(e.labels(b), b / 10) << b;
    for (int b = 0; b < 100; ++b) EXPECT_GT(int(e.pixels.col(b).maxCoeff()), 200) << b;
    // The same files named by directory and by prefix.
    const std::string dir = as::buildResourcesDir() + "/sde";
    EXPECT_TRUE(loadExampleDigits(dir).pixels == e.pixels);
    EXPECT_TRUE(loadExampleDigits(dir + "/examples").labels == e.labels);
    const std::string msg = errorOf([] { loadExampleDigits("/nowhere/examples"); });
    EXPECT_NE(msg.find("/nowhere/examples-images-idx3-ubyte: cannot open"), std::string::npos)
        << msg;
}

TEST(Locator, SearchOrderAndMessage) {
    const auto path = mnistSearchPath("/nowhere/user");
    ASSERT_GE(path.size(), 2u);
    EXPECT_EQ(path[0], "/nowhere/user");
    const std::string msg = mnistMissingMessage("/nowhere/user");
    EXPECT_NE(msg.find("/nowhere/user"), std::string::npos);
    EXPECT_NE(msg.find("scripts/fetch-mnist.sh"), std::string::npos);
    EXPECT_NE(msg.find(as::buildDataDir() + "/mnist"), std::string::npos);
    // A user directory that has the files wins over every other place.
    const std::string dir = tmp().file("fake-mnist");
    std::filesystem::create_directories(dir);
    for (const char* f : {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                          "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"})
        writeBytes(dir + "/" + f, {0});
    EXPECT_EQ(findMnistDir(dir), dir);
}

// Needs the real MNIST (the test command fetches it into <repo>/data/mnist): fails, not skips.
TEST(Mnist, FullFilesLoadAndShippedExamplesMatchTheTestSet) {
    const std::string dir = findMnistDir(as::buildDataDir() + "/mnist");
    ASSERT_FALSE(dir.empty()) << mnistMissingMessage(as::buildDataDir() + "/mnist");
    const ImageSet test = loadMnist(dir, MnistSplit::Test);
    ASSERT_EQ(test.count(), 10000);
    EXPECT_EQ(test.dim(), 784);
    EXPECT_EQ(test.labels(0), 7);  // the well-known first test digit
    const ImageSet train = loadMnist(dir, MnistSplit::Train, 1000);
    EXPECT_EQ(train.count(), 1000);
    EXPECT_EQ(train.labels(0), 5);  // the well-known first training digit
    // The shipped examples are the first ten test digits of each class, sorted by class.
    std::vector<int> idx;
    for (int d = 0; d < 10; ++d) {
        const ImageSet one = test.withLabels({d}, 10);
        int taken = 0;
        for (int b = 0; b < test.count() && taken < 10; ++b)
            if (test.labels(b) == d) idx.push_back(b), ++taken;
        ASSERT_EQ(one.count(), 10);
    }
    const ImageSet expected = test.subset(idx);
    const ImageSet shipped = loadExampleDigits();
    EXPECT_TRUE(shipped.pixels == expected.pixels);
    EXPECT_TRUE(shipped.labels == expected.labels);
}
