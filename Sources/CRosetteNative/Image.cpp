// JPEG decode into reused buffers, encode and resize through OpenCV 4.6.
#include "CRosetteNative.h"
#include "Support.hpp"

#include <opencv2/core.hpp>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <cstdio>
#include <cstdlib>
#include <vector>

struct rsn_image {
    cv::Mat decoded;             // as decoded (BGR or grey), buffer reused between decodes
    cv::Mat rgb;                 // RGB view for colour images, buffer reused
    std::vector<uchar> fileBytes; // reused file buffer for rsn_image_decode_file
    bool colour = false;
};

namespace {

int readFlags(int mode, int reduce) {
    bool grey = mode == RSN_DECODE_GREY;
    switch (reduce) {
    case 2: return grey ? cv::IMREAD_REDUCED_GRAYSCALE_2 : cv::IMREAD_REDUCED_COLOR_2;
    case 4: return grey ? cv::IMREAD_REDUCED_GRAYSCALE_4 : cv::IMREAD_REDUCED_COLOR_4;
    case 8: return grey ? cv::IMREAD_REDUCED_GRAYSCALE_8 : cv::IMREAD_REDUCED_COLOR_8;
    default: return grey ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR;
    }
}

int decodeInto(rsn_image *image, const cv::Mat &encoded, int mode, int reduce) {
    // imdecode leaves `dst` untouched when the data is not an image: without this, a corrupt file after a
    // good one would "decode" as the previous picture.
    image->decoded.release();
    cv::imdecode(encoded, readFlags(mode, reduce) | cv::IMREAD_IGNORE_ORIENTATION, &image->decoded);
    if (image->decoded.empty()) throw std::runtime_error("the image data could not be decoded");
    image->colour = image->decoded.channels() == 3;
    if (image->colour) cv::cvtColor(image->decoded, image->rgb, cv::COLOR_BGR2RGB);
    return 0;
}

} // namespace

extern "C" rsn_image *rsn_image_create(void) {
    try {
        cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
        return new rsn_image();
    } catch (...) {
        return nullptr;
    }
}

extern "C" void rsn_image_destroy(rsn_image *image) { delete image; }

extern "C" int rsn_image_decode(rsn_image *image, const uint8_t *data, long size, int mode, int reduce,
                                char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        if (size <= 0) throw std::runtime_error("empty image data");
        cv::Mat encoded(1, (int)size, CV_8UC1, const_cast<uint8_t *>(data));
        return decodeInto(image, encoded, mode, reduce);
    });
}

extern "C" int rsn_image_decode_file(rsn_image *image, const char *path, int mode, int reduce, char *err,
                                     int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        FILE *f = std::fopen(path, "rb");
        if (f == nullptr) throw std::runtime_error("cannot open file");
        std::fseek(f, 0, SEEK_END);
        long size = std::ftell(f);
        std::fseek(f, 0, SEEK_SET);
        if (size <= 0) {
            std::fclose(f);
            throw std::runtime_error("empty file");
        }
        image->fileBytes.resize((size_t)size);
        size_t got = std::fread(image->fileBytes.data(), 1, (size_t)size, f);
        std::fclose(f);
        if ((long)got != size) throw std::runtime_error("short read");
        cv::Mat encoded(1, (int)size, CV_8UC1, image->fileBytes.data());
        return decodeInto(image, encoded, mode, reduce);
    });
}

extern "C" void rsn_image_pixels(const rsn_image *image, int32_t *width, int32_t *height, int32_t *channels,
                                 long *stride, const uint8_t **pixels) {
    const cv::Mat &m = image->colour ? image->rgb : image->decoded;
    *width = m.cols;
    *height = m.rows;
    *channels = m.channels();
    *stride = (long)m.step[0];
    *pixels = m.data;
}

extern "C" int rsn_encode_jpeg(const uint8_t *pixels, int width, int height, int channels, long stride,
                               int quality, uint8_t **out, long *outSize, char *err, int errlen) {
    *out = nullptr;
    *outSize = 0;
    return rsn::guarded(err, errlen, 2, [&] {
        if (channels != 1 && channels != 3) throw std::runtime_error("channels must be 1 or 3");
        if (width <= 0 || height <= 0) throw std::runtime_error("empty image");
        cv::Mat src(height, width, channels == 3 ? CV_8UC3 : CV_8UC1, const_cast<uint8_t *>(pixels),
                    (size_t)stride);
        cv::Mat bgr;
        const cv::Mat *toEncode = &src;
        if (channels == 3) {
            cv::cvtColor(src, bgr, cv::COLOR_RGB2BGR);
            toEncode = &bgr;
        }
        std::vector<uchar> encoded;
        std::vector<int> params = {cv::IMWRITE_JPEG_QUALITY, quality};
        if (!cv::imencode(".jpg", *toEncode, encoded, params)) throw std::runtime_error("JPEG encoding failed");
        uint8_t *buffer = static_cast<uint8_t *>(std::malloc(encoded.size()));
        if (buffer == nullptr) throw std::runtime_error("out of memory");
        std::memcpy(buffer, encoded.data(), encoded.size());
        *out = buffer;
        *outSize = (long)encoded.size();
        return 0;
    });
}

extern "C" int rsn_resize(const uint8_t *src, int width, int height, int channels, long stride, uint8_t *dst,
                          int dstWidth, int dstHeight, char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        int type = channels == 3 ? CV_8UC3 : CV_8UC1;
        cv::Mat in(height, width, type, const_cast<uint8_t *>(src), (size_t)stride);
        cv::Mat outMat(dstHeight, dstWidth, type, dst);
        bool shrinking = dstWidth < width;
        cv::resize(in, outMat, outMat.size(), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
        if (outMat.data != dst) throw std::runtime_error("resize reallocated its output");
        return 0;
    });
}

extern "C" const char *rsn_opencv_version(void) { return CV_VERSION; }
