// CRosetteNative, triage part: motion boxes on small grey frames, and an ONNX detector through OpenCV dnn.
//
// As everywhere in the shim, every function catches all C++ exceptions and returns 0 on success, or a
// non-zero status with a message in the caller's `err` buffer.
#ifndef CROSETTE_TRIAGE_H
#define CROSETTE_TRIAGE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A box in pixels of the frame it was found in, with a score in 0–1.
typedef struct rsn_box {
    float x, y, width, height;
    float score;
    int32_t classIndex;
} rsn_box;

// MARK: - Motion

/// Tuning of motion boxes.
typedef struct rsn_motion_params {
    float threshold;       // grey-level difference from the background that counts as change (e.g. 10)
    float burstFactor;     // the change against the burst's other frames must exceed threshold × this (e.g. 0.6)
    int32_t openIterations;  // 3×3 opening passes removing speckle
    int32_t closeIterations; // 3×3 closing passes joining the parts of one animal
    int32_t minArea;       // smallest component kept, in pixels
    float localSigma;      // window of the local-gain comparison, ~ a Gaussian of this sigma in pixels (e.g. 4); 0 = off
    float textureLevel;    // local standard deviation of the background above which the local-gain comparison is
                           // used (e.g. 6); where the background is flatter (dark, IR) the plain difference is kept;
                           // infinity turns it off
    float residualFactor;  // the local-gain residual must exceed threshold × this (e.g. 0.5)
    float variabilityFactor; // with a variability map, the change from the background must exceed
                             // max(threshold, this × the pixel's variability) (e.g. 0.5)
} rsn_motion_params;

/// Turns decoded pixels (1 = grey, 3 = RGB) into a smoothed grey frame (`width*height` bytes, no padding)
/// and reports how colourful the frame is (mean |R−G|+|G−B|; near 0 for infrared night frames).
int rsn_motion_grey(const uint8_t *pixels, int width, int height, int channels, long stride, uint8_t *grey,
                    float *colourfulness, char *err, int errlen);

/// The per-pixel median of `count` grey frames of one size into `out`.
int rsn_motion_median(const uint8_t *const *frames, int count, int width, int height, uint8_t *out, char *err,
                      int errlen);

/// A camera's per-pixel variability into `out`: the per-pixel median, over `count` frames of its history, of their
/// change against `background` as rsn_motion_boxes measures it (grey levels, saturating at 255). Swaying vegetation
/// and places often crossed by sun flecks get high values.
int rsn_motion_variability(const uint8_t *const *frames, int count, const uint8_t *background, int width, int height,
                           const rsn_motion_params *params, uint8_t *out, char *err, int errlen);

/// Boxes of what changed in `frame`: against `background` (brightness-matched; may be NULL) and, when
/// `otherCount` > 0, also against every other frame of the same burst. With a background, where it is textured
/// (see `textureLevel`) both comparisons use the residual after the best local gain (`localSigma` window) instead of
/// the plain difference, so a brightness change over the same texture (sun fleck, shadow) is not change while new
/// structure (an animal) is. With `variability` (from rsn_motion_variability; may be NULL) the change from the
/// background must exceed max(threshold, variabilityFactor × the pixel's variability). Writes at most `maxBoxes` boxes,
/// largest first, and their number into `count`.
int rsn_motion_boxes(const uint8_t *frame, const uint8_t *background, const uint8_t *variability,
                     const uint8_t *const *others, int otherCount, int width, int height, const rsn_motion_params *params, rsn_box *boxes, int maxBoxes, int *count,
                     char *err, int errlen);

// MARK: - ONNX detector (OpenCV dnn)

/// A loaded detector network with a YOLOv5 / MegaDetector signature.
typedef struct rsn_detector rsn_detector;

/// Loads an ONNX model and checks its signature with one run on a blank input: input 1×3×inputSize×inputSize,
/// output rows of [cx, cy, w, h, objectness, one score per class] (`classCount` classes). Returns NULL with a
/// message in `err` when the file is not a loadable model or its output does not have that shape.
rsn_detector *rsn_detector_open(const char *path, int inputSize, int classCount, char *err, int errlen);

void rsn_detector_close(rsn_detector *detector);

/// Runs the detector on interleaved RGB pixels: letterboxes them to the input size (grey 114 padding), keeps
/// rows whose objectness × best class score reaches `confidence`, applies per-class non-maximum suppression
/// (`nmsIoU`) and writes boxes in pixels of the given image, best first. Not safe for concurrent calls on one
/// detector.
int rsn_detector_run(rsn_detector *detector, const uint8_t *rgb, int width, int height, long stride, float confidence,
                     float nmsIoU, rsn_box *boxes, int maxBoxes, int *count, char *err, int errlen);

#ifdef __cplusplus
}
#endif

#endif
