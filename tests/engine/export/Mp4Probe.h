#pragma once
// Decodes an MP4 file back as a player would (libavformat + libavcodec): size, frame count,
// duration and each frame's mean luma. For the Mp4Writer and recording tests.
#include <stdexcept>
#include <string>
#include <vector>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace as::test {

struct DecodedMp4 {
    int width = 0, height = 0, frames = 0;
    double durationS = 0;
    std::vector<double> meanY;  ///< mean luma of each decoded frame, in order
};

inline DecodedMp4 decodeMp4(const std::string& path) {
    DecodedMp4 d;
    AVFormatContext* fmt = nullptr;
    if (avformat_open_input(&fmt, path.c_str(), nullptr, nullptr) < 0)
        throw std::runtime_error("cannot open " + path);
    avformat_find_stream_info(fmt, nullptr);
    const int s = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    const AVCodecParameters* par = fmt->streams[s]->codecpar;
    const AVCodec* codec = avcodec_find_decoder(par->codec_id);
    AVCodecContext* c = avcodec_alloc_context3(codec);
    avcodec_parameters_to_context(c, par);
    avcodec_open2(c, codec, nullptr);
    d.width = par->width;
    d.height = par->height;
    d.durationS = fmt->duration / double(AV_TIME_BASE);
    AVPacket* pkt = av_packet_alloc();
    AVFrame* frame = av_frame_alloc();
    auto receive = [&] {
        while (avcodec_receive_frame(c, frame) == 0) {
            double sum = 0;
            for (int y = 0; y < frame->height; ++y)
                for (int x = 0; x < frame->width; ++x)
                    sum += frame->data[0][y * frame->linesize[0] + x];
            d.meanY.push_back(sum / (frame->width * frame->height));
            ++d.frames;
        }
    };
    while (av_read_frame(fmt, pkt) >= 0) {
        if (pkt->stream_index == s)
            while (avcodec_send_packet(c, pkt) == AVERROR(EAGAIN)) receive();  // output full
        av_packet_unref(pkt);
        receive();
    }
    avcodec_send_packet(c, nullptr);
    receive();
    av_frame_free(&frame);
    av_packet_free(&pkt);
    avcodec_free_context(&c);
    avformat_close_input(&fmt);
    return d;
}

}  // namespace as::test
