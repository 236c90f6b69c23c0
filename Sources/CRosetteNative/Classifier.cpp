// An ONNX image classifier through OpenCV dnn: box crops (square, letterbox, stretch), normalisation, forward.
#include "CRosetteClassifier.h"
#include "NetworkProbe.hpp"
#include "Support.hpp"

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>
#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

struct rsn_classifier {
    cv::dnn::Net net;
    int inputSize = 0;
    int classCount = 0;
    cv::Mat blob; // 1×3×N×N input, reused
};

namespace {

std::string shapeText(const cv::Mat &m) {
    std::string shape;
    for (int i = 0; i < m.dims; i++) shape += (i ? "×" : "") + std::to_string(m.size[i]);
    return shape;
}

/// Runs the network on `d->blob` and copies the scores out; throws when the output is not C values.
void forward(rsn_classifier *d, float *scores) {
    d->net.setInput(d->blob);
    cv::Mat out = d->net.forward();
    if ((int)out.total() != d->classCount || out.type() != CV_32F) {
        throw std::runtime_error("output is " + shapeText(out) + ", expected 1×" + std::to_string(d->classCount) +
                                 " (one score per label)");
    }
    cv::Mat flat = out.isContinuous() ? out : out.clone();
    const float *p = flat.ptr<float>();
    std::copy(p, p + d->classCount, scores);
}

void resizeInto(const cv::Mat &src, cv::Mat dst) {
    if (src.cols == dst.cols && src.rows == dst.rows) { src.copyTo(dst); return; }
    bool shrink = dst.cols <= src.cols && dst.rows <= src.rows;
    cv::resize(src, dst, dst.size(), 0, 0, shrink ? cv::INTER_AREA : cv::INTER_LINEAR);
}

} // namespace

extern "C" int rsn_classifier_crop(const uint8_t *rgb, int width, int height, long stride, float x, float y, float boxWidth,
                                   float boxHeight, float margin, int mode, int size, uint8_t *out, char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        if (width <= 0 || height <= 0) throw std::runtime_error("empty image");
        if (size < 1) throw std::runtime_error("the crop size must be positive");
        if (!(boxWidth > 0) || !(boxHeight > 0)) throw std::runtime_error("the box is empty");
        cv::Mat src(height, width, CV_8UC3, const_cast<uint8_t *>(rgb), (size_t)stride);
        double bx = x - margin * boxWidth, by = y - margin * boxHeight;
        double bw = boxWidth * (1 + 2 * margin), bh = boxHeight * (1 + 2 * margin);
        if (mode == RSN_CROP_SQUARE) {
            double side = std::max(bw, bh);
            bx += (bw - side) / 2;
            by += (bh - side) / 2;
            bw = bh = side;
        }
        int x0 = (int)std::lround(bx), y0 = (int)std::lround(by);
        int x1 = std::max(x0 + 1, (int)std::lround(bx + bw)), y1 = std::max(y0 + 1, (int)std::lround(by + bh));
        cv::Mat region(y1 - y0, x1 - x0, CV_8UC3, cv::Scalar(114, 114, 114));
        cv::Rect inside = cv::Rect(x0, y0, x1 - x0, y1 - y0) & cv::Rect(0, 0, width, height);
        if (inside.area() > 0) src(inside).copyTo(region(cv::Rect(inside.x - x0, inside.y - y0, inside.width, inside.height)));
        cv::Mat dst(size, size, CV_8UC3, out);
        if (mode == RSN_CROP_LETTERBOX) {
            dst.setTo(cv::Scalar(114, 114, 114));
            double scale = std::min((double)size / region.cols, (double)size / region.rows);
            int w = std::max(1, (int)std::lround(region.cols * scale)), h = std::max(1, (int)std::lround(region.rows * scale));
            resizeInto(region, dst(cv::Rect((size - w) / 2, (size - h) / 2, w, h)));
        } else {
            resizeInto(region, dst);
        }
        return 0;
    });
}

extern "C" rsn_classifier *rsn_classifier_open(const char *path, int inputSize, int classCount, char *err, int errlen) {
    rsn_classifier *d = nullptr;
    int status = rsn::guarded(err, errlen, 2, [&] {
        if (inputSize < 1) throw std::runtime_error("the input size must be positive");
        if (classCount < 1) throw std::runtime_error("at least one label is needed");
        auto made = std::make_unique<rsn_classifier>();
        made->net = rsn::readNetwork(path);
        made->inputSize = inputSize;
        made->classCount = classCount;
        int shape[] = {1, 3, inputSize, inputSize};
        made->blob.create(4, shape, CV_32F);
        made->blob.setTo(0);
        rsn::probeNetwork(inputSize, [&] {
            made->net.setInput(made->blob);
            cv::Mat out = made->net.forward();
            if ((int)out.total() != classCount) {
                throw std::runtime_error("output is " + shapeText(out) + ", expected 1×" + std::to_string(classCount) +
                                         " (one score per label)");
            }
            return 0;
        });
        d = made.release();
        return 0;
    });
    return status == 0 ? d : nullptr;
}

extern "C" void rsn_classifier_close(rsn_classifier *classifier) { delete classifier; }

extern "C" int rsn_classifier_run(rsn_classifier *d, const uint8_t *crop, const float *mean, const float *std, float *scores,
                                  char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        const int N = d->inputSize;
        const size_t plane = (size_t)N * (size_t)N;
        float *dst = d->blob.ptr<float>();
        for (int c = 0; c < 3; c++) {
            float m = mean[c], s = std[c] > 0 ? std[c] : 1.0f;
            float *p = dst + (size_t)c * plane;
            for (size_t i = 0; i < plane; i++) p[i] = ((float)crop[i * 3 + (size_t)c] / 255.0f - m) / s;
        }
        forward(d, scores);
        return 0;
    });
}

extern "C" int rsn_classifier_forward(rsn_classifier *d, const float *input, float *scores, char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        const size_t n = 3 * (size_t)d->inputSize * (size_t)d->inputSize;
        std::copy(input, input + n, d->blob.ptr<float>());
        forward(d, scores);
        return 0;
    });
}
