#!/usr/bin/env python3
"""Makes a tiny ONNX detector with MegaDetector v5's signature, a test image, and onnxruntime's reference boxes.

Input  "images": 1x3x64x64 float (RGB, 0-1, letterboxed with grey 114);
output "output": 1x64x8 rows [cx, cy, w, h, objectness, p_animal, p_person, p_vehicle] in input pixels.
The network is one strided convolution with seeded weights: meaningless, but deterministic and content-dependent.
Writes Tests/TriageTests/Fixtures/{tiny-detector.onnx, tiny-detector-input.png, tiny-detector-reference.json}.
Needs: pip install onnx onnxruntime numpy pillow
"""
import json, os, sys
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

S, CELL, CLASSES = 64, 8, 3
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "TriageTests", "Fixtures")
CONF, NMS = 0.41, 0.45

def model():
    rng = np.random.default_rng(7)
    w = rng.normal(0, 0.15, size=(5 + CLASSES, 3, CELL, CELL)).astype(np.float32)
    b = np.array([0, 0, -1, -1, 0.5, 1.0, 0.2, -1], dtype=np.float32)
    scale = np.array([S, S, S / 2, S / 2, 1, 1, 1, 1], dtype=np.float32).reshape(1, 8, 1, 1)
    n = (S // CELL) ** 2
    nodes = [
        helper.make_node("Conv", ["images", "w", "b"], ["conv"], kernel_shape=[CELL, CELL], strides=[CELL, CELL]),
        helper.make_node("Sigmoid", ["conv"], ["sig"]),
        helper.make_node("Mul", ["sig", "scale"], ["scaled"]),
        helper.make_node("Reshape", ["scaled", "shape"], ["flat"]),
        helper.make_node("Transpose", ["flat"], ["output"], perm=[0, 2, 1]),
    ]
    graph = helper.make_graph(
        nodes, "tiny-megadetector",
        [helper.make_tensor_value_info("images", TensorProto.FLOAT, [1, 3, S, S])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, n, 5 + CLASSES])],
        [numpy_helper.from_array(w, "w"), numpy_helper.from_array(b, "b"),
         numpy_helper.from_array(np.array([1, 5 + CLASSES, n], dtype=np.int64), "shape"),
         numpy_helper.from_array(scale, "scale")])
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 11)], producer_name="rosette")
    m.ir_version = 6
    onnx.checker.check_model(m)
    return m

def image():
    # 64x40 RGB: a bright blob on a textured background; letterboxing only pads (12 rows above and below).
    h, w = 40, 64
    y, x = np.mgrid[0:h, 0:w]
    img = np.stack([(x * 3 + y) % 256, (y * 5) % 256, ((x ^ y) * 2) % 256], axis=-1).astype(np.uint8)
    img[10:28, 20:44] = [230, 200, 60]
    return img

def iou(a, b):
    ix = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / (a[2] * a[3] + b[2] * b[3] - inter)

def reference(model_path, img):
    import onnxruntime as ort
    h, w, _ = img.shape
    canvas = np.full((S, S, 3), 114, dtype=np.uint8)
    top, left = (S - h) // 2, (S - w) // 2
    canvas[top:top + h, left:left + w] = img
    blob = (canvas.astype(np.float32) / 255.0).transpose(2, 0, 1)[None]
    rows = ort.InferenceSession(model_path).run(None, {"images": blob})[0][0]
    found = []
    for c in range(CLASSES):
        cands = []
        for r in rows:
            best = int(np.argmax(r[5:]))
            score = float(r[4] * r[5 + best])
            if best == c and score >= CONF:
                cands.append((score, [float(r[0] - r[2] / 2), float(r[1] - r[3] / 2), float(r[2]), float(r[3])]))
        cands.sort(key=lambda t: -t[0])
        kept = []
        for s, box in cands:
            if all(iou(box, k[1]) <= NMS for k in kept):
                kept.append((s, box))
        for s, (bx, by, bw, bh) in kept:
            x0, y0 = min(max(bx - left, 0), w), min(max(by - top, 0), h)
            x1, y1 = min(max(bx + bw - left, 0), w), min(max(by + bh - top, 0), h)
            found.append({"class": c, "conf": s, "bbox": [x0 / w, y0 / h, (x1 - x0) / w, (y1 - y0) / h]})
    found.sort(key=lambda d: -d["conf"])
    return found

def main():
    os.makedirs(OUT, exist_ok=True)
    model_path = os.path.join(OUT, "tiny-detector.onnx")
    onnx.save(model(), model_path)
    img = image()
    from PIL import Image
    Image.fromarray(img).save(os.path.join(OUT, "tiny-detector-input.png"))
    ref = {"inputSize": S, "classes": ["animal", "person", "vehicle"], "confidence": CONF, "nms": NMS,
           "image": "tiny-detector-input.png", "detections": reference(model_path, img)}
    with open(os.path.join(OUT, "tiny-detector-reference.json"), "w") as f:
        json.dump(ref, f, indent=1)
    print(f"{len(ref['detections'])} reference detection(s) written to {OUT}")

if __name__ == "__main__":
    sys.exit(main())
