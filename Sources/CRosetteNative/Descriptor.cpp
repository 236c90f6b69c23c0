// A global descriptor (embedding) network through OpenCV dnn: signature checks, normalisation, forward.
#include "CRosetteDescriptor.h"
#include "NetworkProbe.hpp"  // readNetwork, probeNetwork
#include "Support.hpp"

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

struct rsn_descriptor {
    cv::dnn::Net net;
    int inputSize = 0;
    int dimension = 0;
    cv::Mat blob; // 1×3×S×S input, reused
};

namespace {

std::string shapeText(const cv::Mat &m) {
    std::string shape;
    for (int i = 0; i < m.dims; i++) shape += (i ? "×" : "") + std::to_string(m.size[i]);
    return shape;
}

/// The length D of a 1×D or 1×D×1×1 output; throws naming the shape otherwise.
int vectorLength(const cv::Mat &out) {
    bool vector = out.dims == 2 && out.size[0] == 1;
    if (out.dims == 4) vector = out.size[0] == 1 && out.size[2] == 1 && out.size[3] == 1;
    if (out.dims == 1) vector = true;
    if (!vector) {
        throw std::runtime_error("output: " + shapeText(out) + " (an image or feature map, not one vector)");
    }
    return out.dims == 1 ? out.size[0] : out.size[1];
}

/// Runs the network on `d->blob` into `out` (D floats); throws when the output is not D finite values.
void forward(rsn_descriptor *d, float *out) {
    d->net.setInput(d->blob);
    cv::Mat result = d->net.forward();
    if (result.type() != CV_32F || (int)result.total() != d->dimension) {
        throw std::runtime_error("output: the network gave " + shapeText(result) + ", expected " + std::to_string(d->dimension) +
                                 " values");
    }
    cv::Mat flat = result.isContinuous() ? result : result.clone();
    const float *p = flat.ptr<float>();
    std::copy(p, p + d->dimension, out);
}

} // namespace

extern "C" rsn_descriptor *rsn_descriptor_open(const char *path, int inputSize, int minimumDimension, int *dimension, char *err,
                                               int errlen) {
    rsn_descriptor *d = nullptr;
    int status = rsn::guarded(err, errlen, 2, [&] {
        if (inputSize < 8) throw std::runtime_error("input: the input size must be at least 8 pixels");
        auto made = std::make_unique<rsn_descriptor>();
        made->net = rsn::readNetwork(path);
        made->inputSize = inputSize;
        int shape[] = {1, 3, inputSize, inputSize};
        made->blob.create(4, shape, CV_32F);
        made->blob.setTo(0);
        cv::Mat out;
        try {
            out = rsn::probeNetwork(inputSize, [&] {
                made->net.setInput(made->blob);
                return made->net.forward().clone();
            });
        } catch (const std::runtime_error &) {
            // A grey-input network says so more clearly than OpenCV's shape assertion.
            int greyShape[] = {1, 1, inputSize, inputSize};
            cv::Mat grey(4, greyShape, CV_32F, cv::Scalar(0));
            bool takesGrey = false;
            try {
                takesGrey = rsn::probeNetwork(inputSize, [&] {
                    made->net.setInput(grey);
                    made->net.forward();
                    return true;
                });
            } catch (...) {
            }
            if (takesGrey) throw std::runtime_error("input: the network takes 1×1×" + std::to_string(inputSize) + "×" +
                                                    std::to_string(inputSize) + " (one grey channel)");
            throw;
        }
        int length = vectorLength(out);
        if (length < minimumDimension) {
            throw std::runtime_error("output: a vector of " + std::to_string(length) + " values (" + shapeText(out) + ")");
        }
        if (out.type() != CV_32F) throw std::runtime_error("output: the network's output is not 32-bit float");
        const float *p = out.ptr<float>();
        for (int i = 0; i < length; i++) {
            if (!std::isfinite(p[i])) {
                throw std::runtime_error("output: value " + std::to_string(i) + " of the output on a blank input is not finite");
            }
        }
        made->dimension = length;
        *dimension = length;
        d = made.release();
        return 0;
    });
    return status == 0 ? d : nullptr;
}

extern "C" void rsn_descriptor_close(rsn_descriptor *descriptor) { delete descriptor; }

extern "C" int rsn_descriptor_run(rsn_descriptor *d, const uint8_t *crop, const float *mean, const float *std, float *out,
                                  char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        const int S = d->inputSize;
        const size_t plane = (size_t)S * (size_t)S;
        float *dst = d->blob.ptr<float>();
        for (int c = 0; c < 3; c++) {
            float m = mean[c], s = std[c] > 0 ? std[c] : 1.0f;
            float *p = dst + (size_t)c * plane;
            for (size_t i = 0; i < plane; i++) p[i] = ((float)crop[i * 3 + (size_t)c] / 255.0f - m) / s;
        }
        forward(d, out);
        return 0;
    });
}
