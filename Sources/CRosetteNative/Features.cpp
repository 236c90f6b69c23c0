// SIFT/RootSIFT features, contrast normalisation, a kd-tree forest with an exactly searched "recent" part,
// and homography fitting, for pattern matching of leopard flanks (OpenCV 4.6).
#include "CRosetteNative.h"
#include "CRosetteFeatures.h"
#include "Support.hpp"

#include <opencv2/calib3d.hpp>
#include <opencv2/core.hpp>
#include <opencv2/features2d.hpp>
#include <opencv2/flann.hpp>
#include <opencv2/imgproc.hpp>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <memory>
#include <set>
#include <tuple>
#include <vector>

namespace {

constexpr int kDims = RSN_DESCRIPTOR_BYTES;

template <typename T> T *mallocCopy(const std::vector<T> &v) {
    if (v.empty()) return nullptr;
    T *p = static_cast<T *>(std::malloc(v.size() * sizeof(T)));
    if (p == nullptr) throw std::runtime_error("out of memory");
    std::memcpy(p, v.data(), v.size() * sizeof(T));
    return p;
}

/// SIFT floats (one row) to quantised RootSIFT: L1-normalise, square root, scale to 0...255.
void rootSIFT(const float *sift, uint8_t *out) {
    double sum = 0;
    for (int i = 0; i < kDims; i++) sum += std::fabs(sift[i]);
    if (sum <= 0) sum = 1;
    for (int i = 0; i < kDims; i++) {
        double v = std::sqrt(std::fabs(sift[i]) / sum) * 255.0;
        out[i] = (uint8_t)std::min(255.0, std::round(v));
    }
}

/// Quantised descriptors to floats on the 0...1 scale, appended to `dst` (rows x kDims, CV_32F).
cv::Mat toFloat(const uint8_t *data, int rows) {
    cv::Mat bytes(rows, kDims, CV_8UC1, const_cast<uint8_t *>(data));
    cv::Mat out;
    bytes.convertTo(out, CV_32F, 1.0 / 255.0);
    return out;
}

using Hit = std::pair<float, int32_t>; // squared distance, row

/// Exact k nearest rows of `data` for each query, rows numbered from `base`; appended to `hits[q]`.
void exactKNN(const cv::Mat &queries, const cv::Mat &data, int base, int k, std::vector<std::vector<Hit>> &hits) {
    if (data.rows == 0) return;
    const int block = 4096;
    cv::Mat dist;
    for (int start = 0; start < data.rows; start += block) {
        int end = std::min(data.rows, start + block);
        cv::batchDistance(queries, data.rowRange(start, end), dist, CV_32F, cv::noArray(), cv::NORM_L2SQR);
        for (int q = 0; q < queries.rows; q++) {
            const float *row = dist.ptr<float>(q);
            auto &h = hits[q];
            for (int j = 0; j < end - start; j++) h.emplace_back(row[j], base + start + j);
            if ((int)h.size() > 4 * k + block) {
                std::nth_element(h.begin(), h.begin() + k, h.end());
                h.resize(k);
            }
        }
    }
}

} // namespace

struct rsn_ann {
    cv::Mat main;                           // main rows as floats (0...1)
    std::unique_ptr<cv::flann::Index> tree; // null: main is searched exactly
    int trees = 0;
    cv::Mat recent;                         // rows added since the build, searched exactly
};

extern "C" int rsn_clahe(const uint8_t *src, int width, int height, long stride, uint8_t *dst, double clipLimit,
                         int tiles, char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        if (width <= 0 || height <= 0) throw std::runtime_error("empty image");
        cv::Mat in(height, width, CV_8UC1, const_cast<uint8_t *>(src), (size_t)stride);
        cv::Mat out(height, width, CV_8UC1, dst);
        if (clipLimit <= 0) {
            cv::equalizeHist(in, out);
        } else {
            auto clahe = cv::createCLAHE(clipLimit, cv::Size(std::max(1, tiles), std::max(1, tiles)));
            clahe->apply(in, out);
        }
        if (out.data != dst) throw std::runtime_error("contrast normalisation reallocated its output");
        return 0;
    });
}

extern "C" int rsn_motion_blur(const uint8_t *src, int width, int height, long stride, uint8_t *dst, int length,
                               char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        if (width <= 0 || height <= 0) throw std::runtime_error("empty image");
        if (length < 1) throw std::runtime_error("blur length must be at least 1");
        cv::Mat in(height, width, CV_8UC1, const_cast<uint8_t *>(src), (size_t)stride);
        cv::Mat out(height, width, CV_8UC1, dst);
        cv::blur(in, out, cv::Size(length, 1), cv::Point(-1, -1), cv::BORDER_REFLECT);
        if (out.data != dst) throw std::runtime_error("motion blur reallocated its output");
        return 0;
    });
}

extern "C" int rsn_sift_extract(const uint8_t *grey, int width, int height, long stride, int maxFeatures, int upright,
                                float **keypoints, uint8_t **descriptors, int *count, char *err, int errlen) {
    *keypoints = nullptr;
    *descriptors = nullptr;
    *count = 0;
    return rsn::guarded(err, errlen, 2, [&] {
        if (width <= 0 || height <= 0) throw std::runtime_error("empty image");
        cv::Mat image(height, width, CV_8UC1, const_cast<uint8_t *>(grey), (size_t)stride);
        auto sift = cv::SIFT::create(std::max(0, maxFeatures));
        std::vector<cv::KeyPoint> kps;
        sift->detect(image, kps);
        if (upright) {
            // One keypoint per location and scale, all with orientation 0.
            std::set<std::tuple<int, int, int>> seen;
            std::vector<cv::KeyPoint> unique;
            for (auto kp : kps) {
                auto key = std::make_tuple((int)std::lround(kp.pt.x * 8), (int)std::lround(kp.pt.y * 8),
                                           (int)std::lround(kp.size * 8));
                if (!seen.insert(key).second) continue;
                kp.angle = 0;
                unique.push_back(kp);
            }
            kps.swap(unique);
        }
        cv::Mat desc;
        if (!kps.empty()) sift->compute(image, kps, desc);
        int n = (int)kps.size();
        if (n == 0 || desc.rows != n) return 0;
        std::vector<float> points((size_t)n * 3);
        std::vector<uint8_t> bytes((size_t)n * kDims);
        for (int i = 0; i < n; i++) {
            points[i * 3] = kps[i].pt.x;
            points[i * 3 + 1] = kps[i].pt.y;
            points[i * 3 + 2] = kps[i].size;
            rootSIFT(desc.ptr<float>(i), bytes.data() + (size_t)i * kDims);
        }
        *keypoints = mallocCopy(points);
        *descriptors = mallocCopy(bytes);
        *count = n;
        return 0;
    });
}

extern "C" rsn_ann *rsn_ann_build(const uint8_t *descriptors, int rows, int trees, char *err, int errlen) {
    rsn_ann *result = nullptr;
    rsn::guarded(err, errlen, 2, [&] {
        if (rows < 0) throw std::runtime_error("negative row count");
        auto index = std::make_unique<rsn_ann>();
        index->trees = std::max(0, trees);
        index->main = rows > 0 ? toFloat(descriptors, rows) : cv::Mat(0, kDims, CV_32F);
        index->recent = cv::Mat(0, kDims, CV_32F);
        if (index->trees > 0 && rows > 0) {
            index->tree = std::make_unique<cv::flann::Index>();
            index->tree->build(index->main, cv::flann::KDTreeIndexParams(index->trees), cvflann::FLANN_DIST_L2);
        }
        result = index.release();
        return 0;
    });
    return result;
}

extern "C" void rsn_ann_destroy(rsn_ann *index) { delete index; }

extern "C" int rsn_ann_add(rsn_ann *index, const uint8_t *descriptors, int rows, char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        if (rows <= 0) return 0;
        index->recent.push_back(toFloat(descriptors, rows));
        return 0;
    });
}

extern "C" void rsn_ann_counts(const rsn_ann *index, int *rows, int *recentRows) {
    *rows = index->main.rows + index->recent.rows;
    *recentRows = index->recent.rows;
}

extern "C" long rsn_ann_memory(const rsn_ann *index) {
    long rowBytes = kDims * (long)sizeof(float);
    long total = (index->main.rows + index->recent.rows) * rowBytes;
    // FLANN kd-tree: per tree about 2 nodes (24 bytes each) and one 4-byte index entry per row.
    if (index->tree) total += (long)index->trees * index->main.rows * (2 * 24 + 4);
    return total;
}

extern "C" int rsn_ann_knn(const rsn_ann *index, const uint8_t *queries, int rows, int k, int checks,
                           int32_t *indices, float *distances, char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        if (rows <= 0 || k <= 0) return 0;
        cv::Mat q = toFloat(queries, rows);
        std::vector<std::vector<Hit>> hits((size_t)rows);
        int mainRows = index->main.rows;
        // A kd-tree search with limited checks cannot always fill k results when k is a large share of the
        // rows (OpenCV asserts `result.full()`); such small indexes are searched exactly instead.
        if (index->tree && mainRows > 0 && (long)k * 8 < (long)mainRows) {
            int kMain = std::min(k, mainRows);
            cv::Mat idx(rows, kMain, CV_32S), dist(rows, kMain, CV_32F);
            index->tree->knnSearch(q, idx, dist, kMain, cv::flann::SearchParams(std::max(1, checks)));
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < kMain; j++) {
                    int32_t row = idx.at<int32_t>(r, j);
                    if (row >= 0) hits[r].emplace_back(dist.at<float>(r, j), row);
                }
            }
        } else {
            exactKNN(q, index->main, 0, k, hits);
        }
        exactKNN(q, index->recent, mainRows, k, hits);
        for (int r = 0; r < rows; r++) {
            auto &h = hits[r];
            std::sort(h.begin(), h.end());
            h.erase(std::unique(h.begin(), h.end(), [](const Hit &a, const Hit &b) { return a.second == b.second; }),
                    h.end());
            for (int j = 0; j < k; j++) {
                bool have = j < (int)h.size();
                indices[(size_t)r * k + j] = have ? h[j].second : -1;
                distances[(size_t)r * k + j] =
                    have ? std::sqrt(std::max(0.0f, h[j].first)) : std::numeric_limits<float>::infinity();
            }
        }
        return 0;
    });
}

extern "C" int rsn_fit_homography(const float *src, const float *dst, int n, double *h, char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        if (n < 4) return 1;
        std::vector<cv::Point2f> a, b;
        for (int i = 0; i < n; i++) {
            a.emplace_back(src[2 * i], src[2 * i + 1]);
            b.emplace_back(dst[2 * i], dst[2 * i + 1]);
        }
        cv::Mat H = cv::findHomography(a, b, 0);
        if (H.empty()) return 1;
        for (int i = 0; i < 9; i++) h[i] = H.at<double>(i / 3, i % 3);
        return 0;
    });
}
