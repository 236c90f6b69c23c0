// SIFT/RootSIFT features, contrast normalisation, a kd-tree forest (KDForest.hpp) with an exactly searched "recent" part,
// and homography fitting, for pattern matching of leopard flanks (OpenCV 4.6).
#include "CRosetteNative.h"
#include "CRosetteFeatures.h"
#include "KDForest.hpp"
#include "Support.hpp"

#include <opencv2/calib3d.hpp>
#include <opencv2/core.hpp>
#include <opencv2/features2d.hpp>
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

using Hit = std::pair<float, int32_t>; // squared distance, row

/// Exact k nearest of `rows` byte rows for each query, rows numbered from `base`; appended to `hits[q]`
/// (squared distances on the byte scale).
void exactKNN(const cv::Mat &queries, const uint8_t *data, int rows, int base, int k, std::vector<std::vector<Hit>> &hits) {
    if (rows == 0) return;
    const int block = 4096;
    cv::Mat dist;
    for (int start = 0; start < rows; start += block) {
        int end = std::min(rows, start + block);
        cv::Mat part(end - start, kDims, CV_8UC1, const_cast<uint8_t *>(data + (size_t)start * kDims));
        cv::batchDistance(queries, part, dist, CV_32F, cv::noArray(), cv::NORM_L2SQR);
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
    std::vector<uint8_t> main;                 // rows searched exactly when there is no forest
    int mainRows = 0;
    std::unique_ptr<rsn::KDForest> forest;     // null: main is searched exactly
    std::vector<uint8_t> recent;               // rows added since the build, searched exactly
    int recentRows = 0;
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
        if (trees > 31) throw std::runtime_error("at most 31 kd-trees");
        auto index = std::make_unique<rsn_ann>();
        if (trees > 0 && rows > 0) {
            index->forest = std::make_unique<rsn::KDForest>(descriptors, rows, trees);
        } else if (rows > 0) {
            index->main.assign(descriptors, descriptors + (size_t)rows * kDims);
        }
        index->mainRows = rows;
        result = index.release();
        return 0;
    });
    return result;
}

extern "C" void rsn_ann_destroy(rsn_ann *index) { delete index; }

extern "C" int rsn_ann_add(rsn_ann *index, const uint8_t *descriptors, int rows, char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        if (rows <= 0) return 0;
        index->recent.insert(index->recent.end(), descriptors, descriptors + (size_t)rows * kDims);
        index->recentRows += rows;
        return 0;
    });
}

extern "C" void rsn_ann_counts(const rsn_ann *index, int *rows, int *recentRows) {
    *rows = index->mainRows + index->recentRows;
    *recentRows = index->recentRows;
}

extern "C" long rsn_ann_memory(const rsn_ann *index) {
    long total = (long)index->main.size() + (long)index->recent.size();
    if (index->forest) total += index->forest->memoryBytes();
    return total;
}

extern "C" int rsn_ann_knn(const rsn_ann *index, const uint8_t *queries, int rows, int k, int checks,
                           int32_t *indices, float *distances, char *err, int errlen) {
    return rsn::guarded(err, errlen, 2, [&] {
        if (rows <= 0 || k <= 0) return 0;
        cv::Mat q(rows, kDims, CV_8UC1, const_cast<uint8_t *>(queries));
        std::vector<std::vector<Hit>> hits((size_t)rows);
        int mainRows = index->mainRows;
        if (index->forest) {
            // A search with few checks may not reach k rows when k is a large share of them: such small
            // indexes are searched exactly.
            if ((long)k * 8 < (long)mainRows) {
                rsn::KDForest::Scratch scratch;
                for (int r = 0; r < rows; r++) {
                    index->forest->search(queries + (size_t)r * kDims, std::min(k, mainRows), std::max(1, checks), scratch);
                    for (const auto &b : scratch.best) hits[r].emplace_back((float)b.first, b.second);
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    auto &h = hits[r];
                    for (int i = 0; i < mainRows; i++)
                        h.emplace_back((float)rsn::KDForest::distance(index->forest->row(i), queries + (size_t)r * kDims), i);
                }
            }
        } else {
            exactKNN(q, index->main.data(), mainRows, 0, k, hits);
        }
        exactKNN(q, index->recent.data(), index->recentRows, mainRows, k, hits);
        const float scale = 1.0f / 255.0f;  // byte units to the 0...1 descriptor scale
        for (int r = 0; r < rows; r++) {
            auto &h = hits[r];
            std::sort(h.begin(), h.end());
            h.erase(std::unique(h.begin(), h.end(), [](const Hit &a, const Hit &b) { return a.second == b.second; }),
                    h.end());
            for (int j = 0; j < k; j++) {
                bool have = j < (int)h.size();
                indices[(size_t)r * k + j] = have ? h[j].second : -1;
                distances[(size_t)r * k + j] =
                    have ? std::sqrt(std::max(0.0f, h[j].first)) * scale : std::numeric_limits<float>::infinity();
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
