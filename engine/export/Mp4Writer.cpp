#include "export/Mp4Writer.h"

#include <stdexcept>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

namespace as {

namespace {

std::string avError(int code) {
    char buf[AV_ERROR_MAX_STRING_SIZE] = {0};
    av_strerror(code, buf, sizeof buf);
    return buf;
}

}  // namespace

struct Mp4Writer::Av {
    AVFormatContext* format = nullptr;
    AVCodecContext* codec = nullptr;
    AVStream* stream = nullptr;
    AVFrame* frame = nullptr;
    AVPacket* packet = nullptr;
    SwsContext* sws = nullptr;
    std::string encoder;
    bool headerWritten = false;

    ~Av() {
        sws_freeContext(sws);
        av_packet_free(&packet);
        av_frame_free(&frame);
        avcodec_free_context(&codec);
        if (format) {
            if (format->pb) avio_closep(&format->pb);
            avformat_free_context(format);
        }
    }
};

Mp4Writer::Mp4Writer(const std::string& path, int width, int height)
    : Mp4Writer(path, width, height, Settings{}) {}

Mp4Writer::Mp4Writer(const std::string& path, int width, int height, const Settings& s)
    : path_(path), width_(width & ~1), height_(height & ~1), av_(std::make_unique<Av>()) {
    auto fail = [&](const std::string& why) {
        throw std::runtime_error("cannot write the video " + path + ": " + why);
    };
    if (width < 2 || height < 2 || width > 8192 || height > 8192)
        fail("frame size " + std::to_string(width) + " x " + std::to_string(height) +
             " is outside [2, 8192]");
    if (s.crf < 0 || s.crf > 51) fail("crf must be in [0, 51]");
    av_log_set_level(AV_LOG_ERROR);  // libx264's statistics would fill stderr
    int rc = avformat_alloc_output_context2(&av_->format, nullptr, "mp4", path.c_str());
    if (rc < 0 || !av_->format) fail(avError(rc));
    const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
    if (!codec) codec = avcodec_find_encoder(AV_CODEC_ID_H264);
    if (!codec) fail("this FFmpeg has no H.264 encoder (Debian's libavcodec59 uses libx264)");
    av_->encoder = codec->name;
    av_->stream = avformat_new_stream(av_->format, nullptr);
    av_->codec = avcodec_alloc_context3(codec);
    if (!av_->stream || !av_->codec) fail("out of memory");
    AVCodecContext* c = av_->codec;
    c->width = width_;
    c->height = height_;
    c->pix_fmt = AV_PIX_FMT_YUV420P;
    c->time_base = AVRational{1, 1000};  // presentation times in ms
    c->framerate = AVRational{30, 1};    // a hint for rate control; frames carry their own times
    c->gop_size = 60;
    c->max_b_frames = 0;  // no reordering: the first frame is shown at t = 0 with no edit list
    c->thread_count = 1;  // one core: the simulation keeps the other
    if (av_->format->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (av_->encoder == "libx264") {
        av_opt_set(c->priv_data, "preset", s.preset.c_str(), 0);
        av_opt_set(c->priv_data, "crf", std::to_string(s.crf).c_str(), 0);
        av_opt_set(c->priv_data, "tune", "zerolatency", 0);  // no look-ahead queue of frames
    }
    if ((rc = avcodec_open2(c, codec, nullptr)) < 0)
        fail("encoder " + av_->encoder + ": " + avError(rc));
    if ((rc = avcodec_parameters_from_context(av_->stream->codecpar, c)) < 0) fail(avError(rc));
    av_->stream->time_base = c->time_base;
    if ((rc = avio_open(&av_->format->pb, path.c_str(), AVIO_FLAG_WRITE)) < 0) fail(avError(rc));
    if ((rc = avformat_write_header(av_->format, nullptr)) < 0) fail(avError(rc));
    av_->headerWritten = true;
    av_->frame = av_frame_alloc();
    av_->packet = av_packet_alloc();
    if (!av_->frame || !av_->packet) fail("out of memory");
    av_->frame->format = c->pix_fmt;
    av_->frame->width = width_;
    av_->frame->height = height_;
    if ((rc = av_frame_get_buffer(av_->frame, 0)) < 0) fail(avError(rc));
    // 0xAARRGGBB words are B, G, R, A bytes in memory on little-endian machines.
    av_->sws = sws_getContext(width_, height_, AV_PIX_FMT_BGRA, width_, height_, AV_PIX_FMT_YUV420P,
                              SWS_BILINEAR, nullptr, nullptr, nullptr);
    if (!av_->sws) fail("no RGB -> YUV 4:2:0 conversion");
}

Mp4Writer::~Mp4Writer() {
    if (!finished_ && av_ && av_->headerWritten) {
        try {
            finish();
        } catch (...) {  // a destructor does not throw; finish() is where errors are reported
        }
    }
}

const std::string& Mp4Writer::encoderName() const {
    return av_->encoder;
}

void Mp4Writer::drain() {
    for (;;) {
        const int rc = avcodec_receive_packet(av_->codec, av_->packet);
        if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return;
        if (rc < 0)
            throw std::runtime_error("cannot encode the video " + path_ + ": " + avError(rc));
        // The muxer takes each packet's duration from the next one's time; the last frame would
        // get none (and players would drop it), so every packet carries the latest interval.
        if (av_->packet->duration <= 0) av_->packet->duration = lastInterval_;
        av_packet_rescale_ts(av_->packet, av_->codec->time_base, av_->stream->time_base);
        av_->packet->stream_index = av_->stream->index;
        const int w = av_interleaved_write_frame(av_->format, av_->packet);  // takes the packet
        if (w < 0) throw std::runtime_error("cannot write the video " + path_ + ": " + avError(w));
    }
}

void Mp4Writer::addFrame(const std::uint32_t* pixels, std::ptrdiff_t stride, double timeMs) {
    if (finished_) throw std::runtime_error("the video " + path_ + " is already finished");
    int rc = av_frame_make_writable(av_->frame);
    if (rc < 0) throw std::runtime_error("cannot encode the video " + path_ + ": " + avError(rc));
    const std::uint8_t* src[1] = {reinterpret_cast<const std::uint8_t*>(pixels)};
    const int srcStride[1] = {int(stride * 4)};
    sws_scale(av_->sws, src, srcStride, 0, height_, av_->frame->data, av_->frame->linesize);
    std::int64_t pts = std::int64_t(timeMs + 0.5);
    if (pts <= lastPts_) pts = lastPts_ + 1;
    if (lastPts_ >= 0) lastInterval_ = pts - lastPts_;
    lastPts_ = pts;
    av_->frame->pts = pts;
    if ((rc = avcodec_send_frame(av_->codec, av_->frame)) < 0)
        throw std::runtime_error("cannot encode the video " + path_ + ": " + avError(rc));
    drain();
    ++frames_;
}

void Mp4Writer::finish() {
    if (finished_) return;
    finished_ = true;
    int rc = avcodec_send_frame(av_->codec, nullptr);  // flush the encoder's delayed frames
    if (rc < 0 && rc != AVERROR_EOF)
        throw std::runtime_error("cannot encode the video " + path_ + ": " + avError(rc));
    drain();
    if ((rc = av_write_trailer(av_->format)) < 0)
        throw std::runtime_error("cannot write the video " + path_ + ": " + avError(rc));
    if ((rc = avio_closep(&av_->format->pb)) < 0)
        throw std::runtime_error("cannot close the video " + path_ + ": " + avError(rc));
}

}  // namespace as
