// A YOLOv5 / MegaDetector-style ONNX detector through OpenCV dnn: letterbox, forward, decode rows, NMS.
#include "CRosetteTriage.h"
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

struct rsn_detector {
    cv::dnn::Net net;
    int inputSize = 0;
    int classCount = 0;
    cv::Mat canvas; // letterboxed input, reused
};

namespace {

/// The output as a 2-D matrix of rows (N × (5 + classes)); throws when its shape is not that.
cv::Mat rows(const cv::Mat &out, int classCount) {
    int width = 5 + classCount;
    if (out.dims == 3 && out.size[0] == 1 && out.size[2] == width) return cv::Mat(out.size[1], width, CV_32F, const_cast<float *>(out.ptr<float>()));
    if (out.dims == 2 && out.size[1] == width) return out;
    std::string shape;
    for (int i = 0; i < out.dims; i++) shape += (i ? "×" : "") + std::to_string(out.size[i]);
    throw std::runtime_error("output is " + shape + ", expected 1×N×" + std::to_string(width) + " (cx, cy, w, h, objectness, " +
                             std::to_string(classCount) + " class scores)");
}

cv::Mat forward(rsn_detector *d, const cv::Mat &canvas) {
    cv::Mat blob = cv::dnn::blobFromImage(canvas, 1.0 / 255.0, cv::Size(), cv::Scalar(), false, false, CV_32F);
    d->net.setInput(blob);
    return d->net.forward().clone();
}

} // namespace

extern "C" rsn_detector *rsn_detector_open(const char *path, int inputSize, int classCount, char *err, int errlen) {
    rsn_detector *d = nullptr;
    int status = rsn::guarded(err, errlen, 2, [&] {
        if (inputSize < 32 || inputSize % 32 != 0) throw std::runtime_error("input size must be a multiple of 32");
        if (classCount < 1) throw std::runtime_error("at least one class is needed");
        auto made = std::make_unique<rsn_detector>();
        made->net = rsn::readNetwork(path);
        made->inputSize = inputSize;
        made->classCount = classCount;
        cv::Mat blank(inputSize, inputSize, CV_8UC3, cv::Scalar(114, 114, 114));
        cv::Mat out = rsn::probeNetwork(inputSize, [&] { return forward(made.get(), blank); });
        rows(out, classCount);
        d = made.release();
        return 0;
    });
    return status == 0 ? d : nullptr;
}

extern "C" void rsn_detector_close(rsn_detector *detector) { delete detector; }

extern "C" int rsn_detector_run(rsn_detector *d, const uint8_t *rgb, int width, int height, long stride, float confidence,
                                float nmsIoU, rsn_box *boxes, int maxBoxes, int *count, char *err, int errlen) {
    *count = 0;
    return rsn::guarded(err, errlen, 2, [&] {
        if (width <= 0 || height <= 0) throw std::runtime_error("empty image");
        cv::Mat src(height, width, CV_8UC3, const_cast<uint8_t *>(rgb), (size_t)stride);
        const int S = d->inputSize;
        double scale = std::min((double)S / width, (double)S / height);
        int w = (int)std::lround(width * scale), h = (int)std::lround(height * scale);
        int left = (S - w) / 2, top = (S - h) / 2;
        d->canvas.create(S, S, CV_8UC3);
        d->canvas.setTo(cv::Scalar(114, 114, 114));
        cv::Mat roi = d->canvas(cv::Rect(left, top, w, h));
        if (w == width && h == height) src.copyTo(roi); else cv::resize(src, roi, roi.size(), 0, 0, cv::INTER_LINEAR);
        cv::Mat out = forward(d, d->canvas);
        cv::Mat r = rows(out, d->classCount);
        std::vector<std::vector<cv::Rect2d>> rects((size_t)d->classCount);
        std::vector<std::vector<float>> scores((size_t)d->classCount);
        for (int i = 0; i < r.rows; i++) {
            const float *row = r.ptr<float>(i);
            int best = 0;
            for (int c = 1; c < d->classCount; c++) if (row[5 + c] > row[5 + best]) best = c;
            float score = row[4] * row[5 + best];
            if (score < confidence) continue;
            rects[(size_t)best].emplace_back(row[0] - row[2] / 2, row[1] - row[3] / 2, row[2], row[3]);
            scores[(size_t)best].push_back(score);
        }
        std::vector<rsn_box> found;
        for (int c = 0; c < d->classCount; c++) {
            std::vector<int> keep;
            cv::dnn::NMSBoxes(rects[(size_t)c], scores[(size_t)c], confidence, nmsIoU, keep);
            for (int k : keep) {
                const cv::Rect2d &b = rects[(size_t)c][(size_t)k];
                double x0 = std::clamp((b.x - left) / scale, 0.0, (double)width);
                double y0 = std::clamp((b.y - top) / scale, 0.0, (double)height);
                double x1 = std::clamp((b.x + b.width - left) / scale, 0.0, (double)width);
                double y1 = std::clamp((b.y + b.height - top) / scale, 0.0, (double)height);
                found.push_back(rsn_box{(float)x0, (float)y0, (float)(x1 - x0), (float)(y1 - y0), scores[(size_t)c][(size_t)k], c});
            }
        }
        std::sort(found.begin(), found.end(), [](const rsn_box &a, const rsn_box &b) { return a.score > b.score; });
        int n = std::min((int)found.size(), maxBoxes);
        for (int i = 0; i < n; i++) boxes[i] = found[(size_t)i];
        *count = n;
        return 0;
    });
}
