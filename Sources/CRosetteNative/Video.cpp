// Video decode (frame sampling) and encode through OpenCV 4.6 videoio with its FFmpeg backend.
#include "CRosetteVideo.h"
#include "Support.hpp"

#include <opencv2/core.hpp>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <vector>

struct rsn_video {
    cv::VideoCapture capture;
    double fps = 0;
    int64_t read = 0;   // frames grabbed so far
    cv::Mat frame;      // reused decode buffer
};

struct rsn_video_writer {
    cv::VideoWriter writer;
    int width = 0, height = 0;
    cv::Mat bgr;
};

extern "C" int rsn_video_open(const char *path, rsn_video **out, rsn_video_info *info, char *err, int errlen) {
    *out = nullptr;
    return rsn::guarded(err, errlen, 2, [&] {
        cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
        auto video = new rsn_video();
        try {
            if (!video->capture.open(path, cv::CAP_FFMPEG)) throw std::runtime_error("the video could not be opened (no decodable stream)");
            video->fps = video->capture.get(cv::CAP_PROP_FPS);
            if (!(video->fps > 0 && video->fps < 1000)) video->fps = 0;
            info->fps = video->fps;
            double count = video->capture.get(cv::CAP_PROP_FRAME_COUNT);
            info->frameCount = count > 0 && count < 1e12 ? (int64_t)count : 0;
            info->width = (int32_t)video->capture.get(cv::CAP_PROP_FRAME_WIDTH);
            info->height = (int32_t)video->capture.get(cv::CAP_PROP_FRAME_HEIGHT);
            int fourcc = (int)video->capture.get(cv::CAP_PROP_FOURCC);
            for (int i = 0; i < 4; i++) {
                char c = (char)((fourcc >> (8 * i)) & 0xFF);
                info->codec[i] = (c >= 32 && c < 127) ? c : '?';
            }
            info->codec[4] = '\0';
        } catch (...) {
            delete video;
            throw;
        }
        *out = video;
        return 0;
    });
}

extern "C" int rsn_video_next_jpeg(rsn_video *video, double seconds, int quality, double *frameSeconds, int32_t *width,
                                   int32_t *height, uint8_t **out, long *outSize, char *err, int errlen) {
    *out = nullptr;
    *outSize = 0;
    return rsn::guarded(err, errlen, 2, [&] {
        // Half a frame of slack, so a sample due at 1.0 s takes the frame stamped 0.9999 s.
        double slack = video->fps > 0 ? 0.5 / video->fps : 1e-3;
        while (true) {
            if (!video->capture.grab()) return 1;
            double t = video->fps > 0 ? (double)video->read / video->fps
                                      : video->capture.get(cv::CAP_PROP_POS_MSEC) / 1000.0;
            video->read += 1;
            if (t + slack < seconds) continue;
            if (!video->capture.retrieve(video->frame) || video->frame.empty())
                throw std::runtime_error("frame " + std::to_string(video->read) + " could not be decoded");
            std::vector<uchar> encoded;
            std::vector<int> params = {cv::IMWRITE_JPEG_QUALITY, quality};
            if (!cv::imencode(".jpg", video->frame, encoded, params)) throw std::runtime_error("JPEG encoding failed");
            uint8_t *buffer = static_cast<uint8_t *>(std::malloc(encoded.size()));
            if (buffer == nullptr) throw std::runtime_error("out of memory");
            std::memcpy(buffer, encoded.data(), encoded.size());
            *out = buffer;
            *outSize = (long)encoded.size();
            *frameSeconds = t;
            *width = video->frame.cols;
            *height = video->frame.rows;
            return 0;
        }
    });
}

extern "C" int64_t rsn_video_frames_read(const rsn_video *video) { return video->read; }

extern "C" void rsn_video_close(rsn_video *video) {
    try {
        delete video;
    } catch (...) {
    }
}

extern "C" int rsn_video_writer_open(const char *path, const char *fourcc, double fps, int width, int height,
                                     rsn_video_writer **out, char *err, int errlen) {
    *out = nullptr;
    return rsn::guarded(err, errlen, 2, [&] {
        cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
        if (fourcc == nullptr || std::strlen(fourcc) != 4) throw std::runtime_error("fourcc must be 4 characters");
        if (width <= 0 || height <= 0 || !(fps > 0)) throw std::runtime_error("bad frame size or rate");
        auto writer = new rsn_video_writer();
        writer->width = width;
        writer->height = height;
        int code = cv::VideoWriter::fourcc(fourcc[0], fourcc[1], fourcc[2], fourcc[3]);
        try {
            if (!writer->writer.open(path, cv::CAP_FFMPEG, code, fps, cv::Size(width, height), true) &&
                !writer->writer.open(path, code, fps, cv::Size(width, height), true))
                throw std::runtime_error(std::string("no video writer for ") + fourcc + " at " + path);
        } catch (...) {
            delete writer;
            throw;
        }
        *out = writer;
        return 0;
    });
}

extern "C" int rsn_video_writer_write(rsn_video_writer *writer, const uint8_t *rgb, long stride, char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        cv::Mat src(writer->height, writer->width, CV_8UC3, const_cast<uint8_t *>(rgb), (size_t)stride);
        cv::cvtColor(src, writer->bgr, cv::COLOR_RGB2BGR);
        writer->writer.write(writer->bgr);
        return 0;
    });
}

extern "C" void rsn_video_writer_close(rsn_video_writer *writer) {
    try {
        if (writer != nullptr) writer->writer.release();
        delete writer;
    } catch (...) {
    }
}
