// CRosetteNative, species part: an ONNX image classifier through OpenCV dnn, run on crops of detection boxes.
//
// As everywhere in the shim, every function catches all C++ exceptions and returns 0 on success, or a
// non-zero status with a message in the caller's `err` buffer.
#ifndef CROSETTE_CLASSIFIER_H
#define CROSETTE_CLASSIFIER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// How a box becomes the classifier's square input.
typedef enum rsn_crop_mode {
    /// A square around the box's centre, side = the box's longer side (plus margin); outside the image is grey.
    RSN_CROP_SQUARE = 0,
    /// The box (plus margin) scaled to fit, keeping its aspect, centred on grey.
    RSN_CROP_LETTERBOX = 1,
    /// The box (plus margin) resized to the input, aspect not kept.
    RSN_CROP_STRETCH = 2,
} rsn_crop_mode;

/// Cuts a box (pixels of the image: x, y, width, height) out of interleaved RGB pixels into `out`
/// (`size`×`size`×3 RGB bytes, no padding): widened by `margin` (a fraction of the box on each side), shaped
/// by `mode`, grey (114) where it leaves the image, resized with area averaging when shrinking and bilinear
/// interpolation when enlarging (copied as is when the region is already `size`×`size`).
int rsn_classifier_crop(const uint8_t *rgb, int width, int height, long stride, float x, float y, float boxWidth,
                        float boxHeight, float margin, int mode, int size, uint8_t *out, char *err, int errlen);

/// A loaded classifier network: input 1×3×N×N, output 1×C scores.
typedef struct rsn_classifier rsn_classifier;

/// Loads an ONNX model and checks its signature with one run on a zero input of 1×3×`inputSize`×`inputSize`:
/// the output must hold `classCount` values (1×C). Returns NULL with a message in `err` otherwise; a message
/// starting "input: " means the input size does not fit, "output is " that the output does not.
rsn_classifier *rsn_classifier_open(const char *path, int inputSize, int classCount, char *err, int errlen);

void rsn_classifier_close(rsn_classifier *classifier);

/// Normalises an `inputSize`×`inputSize` RGB crop ((v/255 − mean[c]) / std[c], channel-planar) and runs the
/// network; writes the `classCount` raw outputs into `scores`. Not safe for concurrent calls on one classifier.
int rsn_classifier_run(rsn_classifier *classifier, const uint8_t *crop, const float *mean, const float *std, float *scores,
                       char *err, int errlen);

/// Runs the network on an already-normalised input tensor (1×3×N×N floats, channel-planar).
int rsn_classifier_forward(rsn_classifier *classifier, const float *input, float *scores, char *err, int errlen);

#ifdef __cplusplus
}
#endif

#endif
