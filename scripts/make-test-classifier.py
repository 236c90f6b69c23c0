#!/usr/bin/env python3
"""Makes a tiny ONNX species classifier, its labels file, a test photo, and onnxruntime's reference probabilities.

Input  "input": 1x3x32x32 float (RGB, (v/255 - mean) / std, ImageNet mean and std);
output "logits": 1x5 raw scores (not probabilities: Rosette applies the softmax).
The network is a strided convolution, ReLU, flatten and one dense layer with seeded weights: meaningless, but
deterministic, content-dependent, and tied to a 32x32 input (the dense layer's size), so a wrong input size fails.
Writes Tests/TriageTests/Fixtures/{tiny-classifier.onnx, tiny-classifier-labels.txt, tiny-classifier-input.png,
tiny-classifier-reference.json}.
Needs: pip install onnx onnxruntime numpy pillow
"""
import json, math, os, sys
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

S, CELL, FEATURES = 32, 4, 4
LABELS = ["Panthera pardus orientalis", "amur_tiger", "Sika Deer", "wild boar", "mystery beast"]
MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]
# The box in the test photo, in pixels: x, y, width, height (a square of exactly S pixels: the crop needs no resize).
BOX = (24, 16, S, S)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "TriageTests", "Fixtures")

def model():
    rng = np.random.default_rng(11)
    cells = (S // CELL) ** 2
    w = rng.normal(0, 0.3, size=(FEATURES, 3, CELL, CELL)).astype(np.float32)
    b = rng.normal(0, 0.1, size=(FEATURES,)).astype(np.float32)
    dense = rng.normal(0, 0.03, size=(len(LABELS), FEATURES * cells)).astype(np.float32)   # transB, as PyTorch exports
    bias = np.linspace(-0.5, 0.5, len(LABELS)).astype(np.float32)
    nodes = [
        helper.make_node("Conv", ["input", "w", "b"], ["conv"], kernel_shape=[CELL, CELL], strides=[CELL, CELL]),
        helper.make_node("Relu", ["conv"], ["relu"]),
        helper.make_node("Flatten", ["relu"], ["flat"], axis=1),
        helper.make_node("Gemm", ["flat", "dense", "bias"], ["logits"], transB=1),
    ]
    graph = helper.make_graph(
        nodes, "tiny-species-classifier",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, S, S])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, len(LABELS)])],
        [numpy_helper.from_array(w, "w"), numpy_helper.from_array(b, "b"),
         numpy_helper.from_array(dense, "dense"), numpy_helper.from_array(bias, "bias")])
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 11)], producer_name="rosette")
    m.ir_version = 6
    onnx.checker.check_model(m)
    return m

def image():
    # 96x72 RGB: texture, with a spotted patch where the box is.
    h, w = 72, 96
    y, x = np.mgrid[0:h, 0:w]
    img = np.stack([(x * 5 + y * 2) % 256, (y * 7 + 40) % 256, ((x ^ y) * 3) % 256], axis=-1).astype(np.uint8)
    bx, by, bw, bh = BOX
    patch = img[by:by + bh, bx:bx + bw]
    patch[:] = [200, 150, 60]
    patch[(y[by:by + bh, bx:bx + bw] % 6 < 2) & (x[by:by + bh, bx:bx + bw] % 7 < 3)] = [30, 20, 10]
    return img

def synthetic_input(k):
    # The same formula is computed in the Swift test: value i of tensor k.
    n = 3 * S * S
    return np.array([math.sin(i * 0.37 + k) * 1.5 for i in range(n)], dtype=np.float32).reshape(1, 3, S, S)

def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()

def main():
    import onnxruntime as ort
    os.makedirs(OUT, exist_ok=True)
    model_path = os.path.join(OUT, "tiny-classifier.onnx")
    onnx.save(model(), model_path)
    with open(os.path.join(OUT, "tiny-classifier-labels.txt"), "w") as f:
        f.write("\n".join(LABELS) + "\n")
    img = image()
    from PIL import Image
    Image.fromarray(img).save(os.path.join(OUT, "tiny-classifier-input.png"))
    session = ort.InferenceSession(model_path)
    bx, by, bw, bh = BOX
    crop = img[by:by + bh, bx:bx + bw].astype(np.float32) / 255.0
    blob = ((crop - np.array(MEAN, dtype=np.float32)) / np.array(STD, dtype=np.float32)).transpose(2, 0, 1)[None].astype(np.float32)
    def probs(x):
        return [float(p) for p in softmax(session.run(None, {"input": x})[0][0].astype(np.float64))]
    h, w, _ = img.shape
    ref = {"inputSize": S, "labels": LABELS, "mean": MEAN, "std": STD, "image": "tiny-classifier-input.png",
           "box": [bx / w, by / h, bw / w, bh / h], "boxProbabilities": probs(blob),
           "synthetic": [{"k": k, "probabilities": probs(synthetic_input(k))} for k in range(3)]}
    with open(os.path.join(OUT, "tiny-classifier-reference.json"), "w") as f:
        json.dump(ref, f, indent=1)
    print(f"box probabilities {['%.4f' % p for p in ref['boxProbabilities']]} written to {OUT}")

if __name__ == "__main__":
    sys.exit(main())
