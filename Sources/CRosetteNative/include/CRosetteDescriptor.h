// CRosetteNative, identification part: a global image descriptor (an embedding network, ONNX) through OpenCV dnn.
//
// As everywhere in the shim, every function catches all C++ exceptions and returns 0 on success, or a
// non-zero status with a message in the caller's `err` buffer.
#ifndef CROSETTE_DESCRIPTOR_H
#define CROSETTE_DESCRIPTOR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A loaded descriptor network: input 1×3×S×S, output one vector of D values (1×D or 1×D×1×1).
typedef struct rsn_descriptor rsn_descriptor;

/// Loads an ONNX model and checks its signature before any photo: a forward pass on a zero
/// 1×3×`inputSize`×`inputSize` input must work (so the input is 1×3×S×S or dynamic), and its output must be one vector of at least `minimumDimension` finite values (1×D or 1×D×1×1).
/// Writes D to `dimension`. Returns NULL with a message in `err` otherwise; the message starts "input: "
/// when the input does not fit, "output: " when the output is not such a vector, else the file was not read.
rsn_descriptor *rsn_descriptor_open(const char *path, int inputSize, int minimumDimension, int *dimension, char *err,
                                    int errlen);

void rsn_descriptor_close(rsn_descriptor *descriptor);

/// Normalises an S×S RGB crop ((v/255 − mean[c]) / std[c], channel-planar) and runs the network; writes the
/// D raw outputs into `out`. Not safe for concurrent calls on one descriptor.
int rsn_descriptor_run(rsn_descriptor *descriptor, const uint8_t *crop, const float *mean, const float *std, float *out,
                       char *err, int errlen);

#ifdef __cplusplus
}
#endif

#endif
