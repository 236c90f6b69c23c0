// CRosetteNative features: SIFT/RootSIFT extraction, contrast normalisation, an approximate
// nearest-neighbour index over descriptors, and homography fitting (OpenCV 4.6 features2d, flann, calib3d).
//
// Same contract as CRosetteNative.h: every function catches all C++ exceptions and reports failure through
// its return value (0 = success) and a caller-supplied message buffer. Handles are opaque.
#ifndef CROSETTE_FEATURES_H
#define CROSETTE_FEATURES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Bytes per descriptor: 128 RootSIFT components, each quantised to 0...255 (value = round(255 * sqrt(L1-normalised SIFT))).
enum { RSN_DESCRIPTOR_BYTES = 128 };

/// Contrast-limited adaptive histogram equalisation of an 8-bit grey image into `dst` (width*height bytes,
/// tightly packed). `clipLimit` <= 0 selects plain histogram equalisation. Returns 0 on success.
int rsn_clahe(const uint8_t *src, int width, int height, long stride, uint8_t *dst, double clipLimit, int tiles,
              char *err, int errlen);

/// Horizontal motion blur: each pixel becomes the mean of `length` horizontal neighbours (a box kernel,
/// borders reflected), written to `dst` (width*height bytes, tightly packed). Returns 0 on success.
int rsn_motion_blur(const uint8_t *src, int width, int height, long stride, uint8_t *dst, int length, char *err,
                    int errlen);

/// Detects SIFT (difference-of-Gaussians) keypoints in an 8-bit grey image and describes them as quantised
/// RootSIFT. At most `maxFeatures` keypoints (the strongest; 0 = no limit). With `upright` = 1 every
/// keypoint gets orientation 0 (the "gravity vector" assumption: no rotation invariance) and duplicates
/// that differ only by orientation are dropped.
///
/// Outputs, malloc'd (release each with rsn_free; NULL when `count` is 0):
///   keypoints: 3 floats per keypoint: x, y (pixels), size (diameter in pixels);
///   descriptors: RSN_DESCRIPTOR_BYTES per keypoint.
int rsn_sift_extract(const uint8_t *grey, int width, int height, long stride, int maxFeatures, int upright,
                     float **keypoints, uint8_t **descriptors, int *count, char *err, int errlen);

// MARK: - Approximate nearest neighbours

/// A nearest-neighbour index over quantised RootSIFT descriptors with Euclidean distance (on the 0...1 scale).
///
/// A "main" part is a kd-tree forest (FLANN randomised kd-trees; `trees` = 0 makes it an exact linear scan);
/// rows added later go to a "recent" part searched exactly and merged at query time, so adding needs no
/// rebuild. Searching is safe from several threads at once; adding is not safe concurrently with searching.
typedef struct rsn_ann rsn_ann;

/// Builds an index over `rows` descriptors (RSN_DESCRIPTOR_BYTES each). Returns NULL on failure (message in err).
rsn_ann *rsn_ann_build(const uint8_t *descriptors, int rows, int trees, char *err, int errlen);
void rsn_ann_destroy(rsn_ann *index);

/// Appends descriptors to the recent part; their row numbers continue after the existing rows. Returns 0 on success.
int rsn_ann_add(rsn_ann *index, const uint8_t *descriptors, int rows, char *err, int errlen);

/// Row counts: all rows, and rows in the recent (exactly searched) part.
void rsn_ann_counts(const rsn_ann *index, int *rows, int *recentRows);

/// Bytes held by the index (descriptor copies and tree nodes, estimated for the trees).
long rsn_ann_memory(const rsn_ann *index);

/// For each of `rows` query descriptors, the `k` nearest rows (ascending distance, ties by row number) and
/// their Euclidean distances. `indices` and `distances` hold rows*k entries; when the index has fewer than
/// k rows the remaining slots are -1 and +infinity. `checks` bounds the kd-tree leaves visited.
int rsn_ann_knn(const rsn_ann *index, const uint8_t *queries, int rows, int k, int checks,
                int32_t *indices, float *distances, char *err, int errlen);

// MARK: - Geometry

/// Fits a homography mapping `src` to `dst` (n >= 4 point pairs, x y interleaved) by least squares over all
/// pairs. `h` receives 9 doubles, row-major. Returns 0 on success, 1 when no homography could be fitted.
int rsn_fit_homography(const float *src, const float *dst, int n, double *h, char *err, int errlen);

#ifdef __cplusplus
}
#endif

#endif
