// Mp4Writer: a clip written frame by frame decodes back (through libavformat/libavcodec, as any
// player would) with the frame count, the size, the timing and the colours that went in.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "export/Mp4Writer.h"
#include "tests/engine/export/Mp4Probe.h"

namespace {

std::filesystem::path tempFile(const char* name) {
    return std::filesystem::temp_directory_path() / name;
}

}  // namespace

TEST(Mp4Writer, FramesDecodeBackWithTheirCountSizeTimingAndBrightness) {
    const auto path = tempFile("as_test_mp4_writer.mp4");
    const int w = 160, h = 90, n = 45;  // 1.5 s at 30 frames/s
    {
        as::Mp4Writer mp4(path.string(), w, h);
        std::vector<std::uint32_t> px(std::size_t(w) * h);
        for (int i = 0; i < n; ++i) {
            // Grey levels ramp from black to white: the decoded mean luma must ramp too.
            const std::uint32_t g = std::uint32_t(std::lround(255.0 * i / (n - 1)));
            for (auto& p : px) p = 0xFF000000u | (g << 16) | (g << 8) | g;
            mp4.addFrame(px.data(), w, i * 1000.0 / 30.0);
        }
        mp4.finish();
        EXPECT_EQ(mp4.frames(), n);
        EXPECT_EQ(mp4.encoderName(), "libx264");
    }
    const as::test::DecodedMp4 d = as::test::decodeMp4(path.string());
    EXPECT_EQ(d.width, w);
    EXPECT_EQ(d.height, h);
    EXPECT_EQ(d.frames, n);
    EXPECT_NEAR(d.durationS, n / 30.0, 0.05);
    ASSERT_EQ(int(d.meanY.size()), n);
    // Limited-range luma: black is 16, white 235 (BT.601); allow the encoder's rounding.
    EXPECT_NEAR(d.meanY.front(), 16.0, 3.0);
    EXPECT_NEAR(d.meanY.back(), 235.0, 3.0);
    for (int i = 1; i < n; ++i) EXPECT_GE(d.meanY[i], d.meanY[i - 1] - 1.0) << "frame " << i;
    std::filesystem::remove(path);
}

TEST(Mp4Writer, OddSizesDropTheLastColumnAndRowAndStridesAreHonoured) {
    const auto path = tempFile("as_test_mp4_odd.mp4");
    const int w = 33, h = 17, stride = 40;
    {
        as::Mp4Writer mp4(path.string(), w, h);
        EXPECT_EQ(mp4.width(), 32);
        EXPECT_EQ(mp4.height(), 16);
        std::vector<std::uint32_t> px(std::size_t(stride) * h, 0xFFFFFFFFu);
        for (int i = 0; i < 5; ++i) mp4.addFrame(px.data(), stride, i * 40.0);
        // A time not after the previous frame's is moved past it, not refused.
        mp4.addFrame(px.data(), stride, 0.0);
        mp4.finish();
    }
    const as::test::DecodedMp4 d = as::test::decodeMp4(path.string());
    EXPECT_EQ(d.width, 32);
    EXPECT_EQ(d.height, 16);
    EXPECT_EQ(d.frames, 6);
    std::filesystem::remove(path);
}

TEST(Mp4Writer, RefusesBadSizesAndUnwritablePathsNamingTheFile) {
    EXPECT_THROW(as::Mp4Writer("/tmp/as_bad.mp4", 1, 100), std::runtime_error);
    EXPECT_THROW(as::Mp4Writer("/tmp/as_bad.mp4", 100, 9000), std::runtime_error);
    try {
        as::Mp4Writer("/nonexistent-dir/clip.mp4", 64, 64);
        FAIL() << "an unwritable path was accepted";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/clip.mp4"), std::string::npos)
            << e.what();
    }
}

TEST(Mp4Writer, FinishedWriterRefusesFrames) {
    const auto path = tempFile("as_test_mp4_finished.mp4");
    as::Mp4Writer mp4(path.string(), 16, 16);
    std::vector<std::uint32_t> px(16 * 16, 0xFF336699u);
    mp4.addFrame(px.data(), 16, 0);
    mp4.finish();
    EXPECT_THROW(mp4.addFrame(px.data(), 16, 40), std::runtime_error);
    std::filesystem::remove(path);
}
