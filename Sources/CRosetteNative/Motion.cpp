// Motion triage: smoothed grey frames, per-pixel median backgrounds and change boxes through OpenCV.
#include "CRosetteTriage.h"
#include "Support.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <algorithm>
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

extern "C" int rsn_motion_boxes(const uint8_t *frame, const uint8_t *background, const uint8_t *const *others,
                                int otherCount, int width, int height, const rsn_motion_params *params, rsn_box *boxes,
                                int maxBoxes, int *count, char *err, int errlen) {
    *count = 0;
    return rsn::guarded(err, errlen, 2, [&] {
        if (background == nullptr && otherCount <= 0) throw std::runtime_error("neither a background nor a burst to compare with");
        cv::Mat f(height, width, CV_8UC1, const_cast<uint8_t *>(frame));
        cv::Mat change; // CV_32F difference that decides the mask and the score
        cv::Mat mask;
        if (background != nullptr) {
            cv::Mat bg(height, width, CV_8UC1, const_cast<uint8_t *>(background));
            double fm = cv::mean(f)[0], bm = cv::mean(bg)[0];
            double gain = std::min(2.0, std::max(0.5, fm > 1 ? bm / fm : 1.0));
            cv::Mat f32, bg32;
            f.convertTo(f32, CV_32F, gain);
            bg.convertTo(bg32, CV_32F);
            cv::absdiff(f32, bg32, change);
            mask = change > params->threshold;
        }
        if (otherCount > 0) {
            cv::Mat burst, d;
            for (int i = 0; i < otherCount; i++) {
                cv::Mat o(height, width, CV_8UC1, const_cast<uint8_t *>(others[i]));
                cv::absdiff(f, o, d);
                if (i == 0) burst = d.clone(); else burst = cv::min(burst, d);
            }
            float factor = background != nullptr ? params->burstFactor : 1.0f;
            cv::Mat burstMask = burst > params->threshold * factor;
            if (mask.empty()) {
                mask = burstMask;
                burst.convertTo(change, CV_32F);
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
