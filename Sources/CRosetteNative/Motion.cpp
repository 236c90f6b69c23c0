// Motion triage: smoothed grey frames, per-pixel median backgrounds and change boxes through OpenCV.
#include "CRosetteTriage.h"
#include "Support.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

extern "C" int rsn_motion_grey(const uint8_t *pixels, int width, int height, int channels, long stride, uint8_t *grey,
                               float *colourfulness, char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        if (width <= 0 || height <= 0) throw std::runtime_error("empty frame");
        if (channels != 1 && channels != 3) throw std::runtime_error("channels must be 1 or 3");
        cv::Mat src(height, width, channels == 3 ? CV_8UC3 : CV_8UC1, const_cast<uint8_t *>(pixels), (size_t)stride);
        cv::Mat out(height, width, CV_8UC1, grey);
        cv::Mat g;
        float colour = 0;
        if (channels == 3) {
            cv::cvtColor(src, g, cv::COLOR_RGB2GRAY);
            std::vector<cv::Mat> planes;
            cv::split(src, planes);
            cv::Mat rg, gb;
            cv::absdiff(planes[0], planes[1], rg);
            cv::absdiff(planes[1], planes[2], gb);
            colour = (float)(cv::mean(rg)[0] + cv::mean(gb)[0]);
        } else {
            g = src;
        }
        cv::GaussianBlur(g, out, cv::Size(5, 5), 1.5);
        if (out.data != grey) throw std::runtime_error("blur reallocated its output");
        *colourfulness = colour;
        return 0;
    });
}

extern "C" int rsn_motion_median(const uint8_t *const *frames, int count, int width, int height, uint8_t *out,
                                 char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        if (count <= 0) throw std::runtime_error("no frames");
        const size_t n = (size_t)width * (size_t)height;
        std::vector<uint8_t> values((size_t)count);
        const size_t mid = (size_t)count / 2;
        for (size_t i = 0; i < n; i++) {
            for (int f = 0; f < count; f++) values[(size_t)f] = frames[f][i];
            std::nth_element(values.begin(), values.begin() + (long)mid, values.end());
            uint8_t m = values[mid];
            if (count % 2 == 0) {
                uint8_t lower = *std::max_element(values.begin(), values.begin() + (long)mid);
                m = (uint8_t)(((int)m + (int)lower + 1) / 2);
            }
            out[i] = m;
        }
        return 0;
    });
}

namespace {

/// Local mean, weighted nearly as a Gaussian of this sigma: two passes of a square box (odd width closest to
/// sigma·√6; mirrored borders). A box filter costs the same for any width, which keeps motion triage fast.
cv::Mat localMean(const cv::Mat &a, float sigma) {
    int width = 2 * std::max(1, (int)std::lround((sigma * 2.4495 - 1) / 2)) + 1;
    cv::Mat once, out;
    cv::boxFilter(a, once, CV_32F, cv::Size(width, width), cv::Point(-1, -1), true, cv::BORDER_REFLECT);
    cv::boxFilter(once, out, CV_32F, cv::Size(width, width), cv::Point(-1, -1), true, cv::BORDER_REFLECT);
    return out;
}

/// |f − g·o| with g the least-squares local gain of `o` onto `f` (clamped to 1/3…3) in a local window:
/// what a change of illumination over the same texture (sun fleck, shadow, exposure) cannot explain.
/// `oo` is localMean(o·o), passed in because the caller often has it already.
cv::Mat localGainResidual(const cv::Mat &f, const cv::Mat &o, const cv::Mat &oo, float sigma) {
    cv::Mat fo = localMean(f.mul(o), sigma);
    cv::Mat g = fo / (oo + 1.0f);
    cv::min(g, 3.0, g);
    cv::max(g, 1.0 / 3.0, g);
    cv::Mat r;
    cv::absdiff(f, g.mul(o), r);
    return r;
}

/// Whether the local-gain comparison is on.
bool usesLocalGain(const rsn_motion_params *p) {
    return p->localSigma > 0 && p->residualFactor > 0 && std::isfinite(p->textureLevel);
}

/// CV_32F change of grey frame `f` against background `bg`: the brightness-matched plain difference, and where the
/// background is textured (local standard deviation above textureLevel; `textured` gets that mask) the local-gain
/// residual divided by residualFactor instead, so a sun fleck or shadow over the same texture is not change.
cv::Mat backgroundChange(const cv::Mat &f, const cv::Mat &bg, const rsn_motion_params *params, cv::Mat &textured) {
    double fm = cv::mean(f)[0], bm = cv::mean(bg)[0];
    double gain = std::min(2.0, std::max(0.5, fm > 1 ? bm / fm : 1.0));
    cv::Mat fg, bg32, change;
    f.convertTo(fg, CV_32F, gain);
    bg.convertTo(bg32, CV_32F);
    cv::absdiff(fg, bg32, change);
    if (usesLocalGain(params)) {
        cv::Mat bb = localMean(bg32.mul(bg32), params->localSigma), mu = localMean(bg32, params->localSigma);
        cv::Mat variance = bb - mu.mul(mu), sd;
        cv::max(variance, 0.0, variance);
        cv::sqrt(variance, sd);
        textured = sd > params->textureLevel;
        cv::Mat residual = localGainResidual(fg, bg32, bb, params->localSigma) / params->residualFactor;
        residual.copyTo(change, textured);
    }
    return change;
}

} // namespace

extern "C" int rsn_motion_variability(const uint8_t *const *frames, int count, const uint8_t *background, int width,
                                      int height, const rsn_motion_params *params, uint8_t *out, char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        if (count <= 0) throw std::runtime_error("no frames");
        if (background == nullptr) throw std::runtime_error("no background");
        cv::Mat bg(height, width, CV_8UC1, const_cast<uint8_t *>(background));
        std::vector<cv::Mat> changes;
        changes.reserve((size_t)count);
        for (int i = 0; i < count; i++) {
            cv::Mat f(height, width, CV_8UC1, const_cast<uint8_t *>(frames[i])), textured, c8;
            backgroundChange(f, bg, params, textured).convertTo(c8, CV_8U); // saturates at 255
            changes.push_back(c8);
        }
        std::vector<const uint8_t *> pointers;
        for (auto &c : changes) pointers.push_back(c.ptr<uint8_t>());
        char inner[256] = {0};
        if (rsn_motion_median(pointers.data(), count, width, height, out, inner, (int)sizeof inner) != 0)
            throw std::runtime_error(inner);
        return 0;
    });
}

extern "C" int rsn_motion_boxes(const uint8_t *frame, const uint8_t *background, const uint8_t *variability,
                                const uint8_t *const *others, int otherCount, int width, int height, const rsn_motion_params *params, rsn_box *boxes,
                                int maxBoxes, int *count, char *err, int errlen) {
    *count = 0;
    return rsn::guarded(err, errlen, 2, [&] {
        if (background == nullptr && otherCount <= 0) throw std::runtime_error("neither a background nor a burst to compare with");
        cv::Mat f(height, width, CV_8UC1, const_cast<uint8_t *>(frame));
        cv::Mat f32;
        f.convertTo(f32, CV_32F);
        // Where the background has texture (local standard deviation above textureLevel), change is what a local
        // gain cannot explain (see localGainResidual): a sun fleck or a shadow over the same texture is not change.
        const bool invariant = background != nullptr && usesLocalGain(params);
        cv::Mat textured;
        cv::Mat change; // CV_32F difference that decides the mask and the score
        cv::Mat mask;
        if (background != nullptr) {
            cv::Mat bg(height, width, CV_8UC1, const_cast<uint8_t *>(background));
            change = backgroundChange(f, bg, params, textured);
            if (variability != nullptr) {
                // Pixels that change often in the camera's history (swaying vegetation) need a bigger change.
                cv::Mat v(height, width, CV_8UC1, const_cast<uint8_t *>(variability)), limit;
                v.convertTo(limit, CV_32F, params->variabilityFactor);
                limit = cv::max(limit, params->threshold);
                mask = change > limit;
            } else {
                mask = change > params->threshold;
            }
        }
        if (otherCount > 0) {
            cv::Mat burst, d;
            for (int i = 0; i < otherCount; i++) {
                cv::Mat o(height, width, CV_8UC1, const_cast<uint8_t *>(others[i]));
                cv::Mat o32;
                o.convertTo(o32, CV_32F);
                cv::absdiff(f32, o32, d);
                if (invariant) {
                    cv::Mat residual = localGainResidual(f32, o32, localMean(o32.mul(o32), params->localSigma), params->localSigma) /
                                       params->residualFactor;
                    residual.copyTo(d, textured);
                }
                if (i == 0) burst = d.clone(); else burst = cv::min(burst, d);
            }
            float factor = background != nullptr ? params->burstFactor : 1.0f;
            cv::Mat burstMask = burst > params->threshold * factor;
            if (mask.empty()) {
                mask = burstMask;
                change = burst;
            } else {
                mask &= burstMask;
            }
        }
        cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3));
        if (params->openIterations > 0) cv::morphologyEx(mask, mask, cv::MORPH_OPEN, kernel, cv::Point(-1, -1), params->openIterations);
        if (params->closeIterations > 0) cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, kernel, cv::Point(-1, -1), params->closeIterations);
        cv::Mat labels, stats, centroids;
        int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
        std::vector<rsn_box> found;
        for (int i = 1; i < n; i++) {
            int area = stats.at<int>(i, cv::CC_STAT_AREA);
            int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
            if (w * h < params->minArea) continue;
            int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
            cv::Rect r(x, y, w, h);
            double meanChange = cv::mean(change(r), labels(r) == i)[0];
            double score = std::min(0.99, std::max(0.01, meanChange / (4.0 * params->threshold)));
            (void)area;
            found.push_back(rsn_box{(float)x, (float)y, (float)w, (float)h, (float)score, 0});
        }
        std::sort(found.begin(), found.end(), [](const rsn_box &a, const rsn_box &b) {
            return a.width * a.height > b.width * b.height;
        });
        int k = std::min((int)found.size(), maxBoxes);
        for (int i = 0; i < k; i++) boxes[i] = found[(size_t)i];
        *count = k;
        return 0;
    });
}
