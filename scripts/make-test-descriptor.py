#!/usr/bin/env python3
"""Makes a tiny ONNX global-descriptor network, four networks Rosette must refuse, and onnxruntime's reference outputs.

Good network "tiny-descriptor.onnx": input "input" 1x3x32x32 float (RGB, (v/255 - mean) / std, ImageNet mean and
std); output "embedding" 1x16 (not normalised: Rosette L2-normalises). A 4x4 strided convolution, ReLU, a 2x2
average pool, flatten and one dense layer with seeded weights: meaningless, but deterministic, content- and
layout-dependent, and tied to a 32x32 input (the dense layer's size).
Refused networks: "descriptor-grey-input.onnx" (input 1x1x32x32), "descriptor-image-output.onnx" (output
1x8x8x8, a feature map rather than a vector), "descriptor-short-output.onnx" (output 1x4, fewer than 8 values).
Writes them and tiny-descriptor-reference.json under Tests/IdentifyTests/Fixtures.
Needs: pip install onnx onnxruntime numpy
"""
import json, os, sys
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

S, CELL, CHANNELS, D = 32, 4, 8, 16
MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "IdentifyTests", "Fixtures")

def save(nodes, inputs, outputs, weights, name):
    graph = helper.make_graph(nodes, name, inputs, outputs, [numpy_helper.from_array(w, n) for n, w in weights])
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 11)], producer_name="rosette")
    m.ir_version = 6
    onnx.checker.check_model(m)
    path = os.path.join(OUT, name + ".onnx")
    onnx.save(m, path)
    return path

def conv_weights(rng, in_channels):
    w = rng.normal(0, 0.3, size=(CHANNELS, in_channels, CELL, CELL)).astype(np.float32)
    b = rng.normal(0, 0.1, size=(CHANNELS,)).astype(np.float32)
    return w, b

def descriptor(rng, out_dim, name, in_channels=3):
    w, b = conv_weights(rng, in_channels)
    cells = (S // CELL // 2) ** 2
    dense = rng.normal(0, 0.2, size=(out_dim, CHANNELS * cells)).astype(np.float32)
    bias = rng.normal(0, 0.05, size=(out_dim,)).astype(np.float32)
    nodes = [
        helper.make_node("Conv", ["input", "w", "b"], ["conv"], kernel_shape=[CELL, CELL], strides=[CELL, CELL]),
        helper.make_node("Relu", ["conv"], ["relu"]),
        helper.make_node("AveragePool", ["relu"], ["pool"], kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Flatten", ["pool"], ["flat"], axis=1),
        helper.make_node("Gemm", ["flat", "dense", "bias"], ["embedding"], transB=1),
    ]
    return save(nodes, [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, in_channels, S, S])],
                [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, [1, out_dim])],
                [("w", w), ("b", b), ("dense", dense), ("bias", bias)], name)

def image_output(rng):
    w, b = conv_weights(rng, 3)
    nodes = [helper.make_node("Conv", ["input", "w", "b"], ["conv"], kernel_shape=[CELL, CELL], strides=[CELL, CELL]),
             helper.make_node("Relu", ["conv"], ["features"])]
    return save(nodes, [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, S, S])],
                [helper.make_tensor_value_info("features", TensorProto.FLOAT, [1, CHANNELS, S // CELL, S // CELL])],
                [("w", w), ("b", b)], "descriptor-image-output")

def synthetic_crop(k):
    # The same formula is computed in the Swift test: byte i of crop k (S x S x 3 RGB, interleaved).
    return np.array([(i * 7 + k * 31 + (i // (3 * S)) * 5) % 256 for i in range(S * S * 3)], dtype=np.uint8)

def main():
    import onnxruntime as ort
    os.makedirs(OUT, exist_ok=True)
    good = descriptor(np.random.default_rng(5), D, "tiny-descriptor")
    descriptor(np.random.default_rng(6), D, "descriptor-grey-input", in_channels=1)
    descriptor(np.random.default_rng(7), 4, "descriptor-short-output")
    image_output(np.random.default_rng(8))
    session = ort.InferenceSession(good)
    refs = []
    for k in range(3):
        crop = synthetic_crop(k).reshape(S, S, 3).astype(np.float32) / 255.0
        blob = ((crop - np.array(MEAN, dtype=np.float32)) / np.array(STD, dtype=np.float32)).transpose(2, 0, 1)[None]
        e = session.run(None, {"input": blob.astype(np.float32)})[0][0].astype(np.float64)
        refs.append({"k": k, "embedding": [float(v) for v in e / np.linalg.norm(e)]})
    with open(os.path.join(OUT, "tiny-descriptor-reference.json"), "w") as f:
        json.dump({"inputSize": S, "dimension": D, "mean": MEAN, "std": STD, "synthetic": refs}, f, indent=1)
    print(f"tiny descriptor ({D} values) and three refused networks written to {OUT}")

if __name__ == "__main__":
    sys.exit(main())
