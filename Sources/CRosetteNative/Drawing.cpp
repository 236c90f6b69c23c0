// Drawing for review sheets: thin wrappers over OpenCV's imgproc drawing on caller-owned RGB buffers.
#include "CRosetteDrawing.h"
#include "Support.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

namespace {
cv::Mat wrap(uint8_t *rgb, int width, int height) {
    if (rgb == nullptr || width <= 0 || height <= 0) throw std::runtime_error("empty image");
    return cv::Mat(height, width, CV_8UC3, rgb);
}
} // namespace

extern "C" int rsn_draw_line(uint8_t *rgb, int width, int height, float x0, float y0, float x1, float y1,
                             uint8_t r, uint8_t g, uint8_t b, int thickness, char *err, int errlen) {
    return rsn::guarded(err, errlen, 1, [&] {
        cv::Mat image = wrap(rgb, width, height);
        // Fixed point with 4 fractional bits keeps sub-pixel keypoint positions.
        const int shift = 4;
        cv::Point p0(cvRound(x0 * 16), cvRound(y0 * 16)), p1(cvRound(x1 * 16), cvRound(y1 * 16));
        cv::line(image, p0, p1, cv::Scalar(r, g, b), std::max(1, thickness), cv::LINE_AA, shift);
        return 0;
    });
}

extern "C" int rsn_draw_circle(uint8_t *rgb, int width, int height, float x, float y, float radius,
                               uint8_t r, uint8_t g, uint8_t b, int thickness, char *err, int errlen) {
    return rsn::guarded(err, errlen, 1, [&] {
        cv::Mat image = wrap(rgb, width, height);
        cv::circle(image, cv::Point(cvRound(x * 16), cvRound(y * 16)), std::max(1, cvRound(radius * 16)),
                   cv::Scalar(r, g, b), std::max(1, thickness), cv::LINE_AA, 4);
        return 0;
    });
}

extern "C" int rsn_draw_text(uint8_t *rgb, int width, int height, const char *text, int x, int y, double scale,
                             uint8_t r, uint8_t g, uint8_t b, int thickness, char *err, int errlen) {
    return rsn::guarded(err, errlen, 1, [&] {
        cv::Mat image = wrap(rgb, width, height);
        cv::putText(image, text == nullptr ? "" : text, cv::Point(x, y), cv::FONT_HERSHEY_SIMPLEX, scale,
                    cv::Scalar(r, g, b), std::max(1, thickness), cv::LINE_AA);
        return 0;
    });
}
