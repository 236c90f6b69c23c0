#!/usr/bin/env python3
"""Writes a YOLOv5s-sized ONNX detector with MegaDetector v5's signature, for `make bench` (not for accuracy).

    make-bench-detector.py OUT.onnx SIZE

The graph is YOLOv5s (v6 layout: width 0.50, depth 0.33; Conv = 2-D convolution with batch norm folded in + SiLU;
C3 blocks, SPPF, the PAN neck and a three-scale Detect head with the anchor decoding in the graph), 7.0 M
weights (Ultralytics gives YOLOv5s 7.2 M and 16.5 GFLOPs at 640). Input "images" 1x3xSIZExSIZE; output "output" 1xNx8 rows
[cx, cy, w, h, objectness, p_animal, p_person, p_vehicle] in input pixels, N = 3 * (S/8^2 + S/16^2 + S/32^2).
Weights are seeded random numbers (He scaling, which keeps activations finite through the depth); the head's are
larger and its objectness bias low, so that, as with a trained model, a few hundred rows pass 0.005 for NMS. Needs: pip install onnx numpy.
"""
import sys
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

CLASSES = 3
ANCHORS = [[10, 13, 16, 30, 33, 23], [30, 61, 62, 45, 59, 119], [116, 90, 156, 198, 373, 326]]
STRIDES = [8, 16, 32]


class Graph:
    def __init__(self, seed=5):
        self.rng = np.random.default_rng(seed)
        self.nodes, self.inits, self.n = [], [], 0
        self.weights = 0

    def name(self, stem):
        self.n += 1
        return f"{stem}{self.n}"

    def const(self, array, stem="c"):
        n = self.name(stem)
        self.inits.append(numpy_helper.from_array(np.asarray(array), n))
        return n

    def node(self, op, inputs, **attrs):
        out = self.name(op.lower())
        self.nodes.append(helper.make_node(op, inputs, [out], **attrs))
        return out

    def conv(self, x, c1, c2, k=1, s=1, p=None, act=True, bias=None, gain=2.0):
        p = k // 2 if p is None else p
        w = (self.rng.standard_normal((c2, c1, k, k)) * np.sqrt(gain / (c1 * k * k))).astype(np.float32)
        b = np.zeros(c2, np.float32) if bias is None else bias.astype(np.float32)
        self.weights += w.size + b.size
        y = self.node("Conv", [x, self.const(w, "w"), self.const(b, "b")], kernel_shape=[k, k], strides=[s, s],
                      pads=[p, p, p, p])
        return self.node("Mul", [y, self.node("Sigmoid", [y])]) if act else y

    def bottleneck(self, x, c, shortcut):
        y = self.conv(self.conv(x, c, c, 1), c, c, 3)
        return self.node("Add", [x, y]) if shortcut else y

    def c3(self, x, c1, c2, n, shortcut=True):
        c = c2 // 2
        a = self.conv(x, c1, c, 1)
        for _ in range(n):
            a = self.bottleneck(a, c, shortcut)
        b = self.conv(x, c1, c, 1)
        return self.conv(self.node("Concat", [a, b], axis=1), 2 * c, c2, 1)

    def sppf(self, x, c1, c2):
        c = c1 // 2
        y0 = self.conv(x, c1, c, 1)
        pool = dict(kernel_shape=[5, 5], strides=[1, 1], pads=[2, 2, 2, 2])
        y1 = self.node("MaxPool", [y0], **pool)
        y2 = self.node("MaxPool", [y1], **pool)
        y3 = self.node("MaxPool", [y2], **pool)
        return self.conv(self.node("Concat", [y0, y1, y2, y3], axis=1), 4 * c, c2, 1)

    def upsample(self, x):
        return self.node("Resize", [x, self.const(np.array([], np.float32), "roi"),
                                    self.const(np.array([1, 1, 2, 2], np.float32), "scales")], mode="nearest")

    def detect(self, x, c, size, level):
        stride, g = STRIDES[level], size // STRIDES[level]
        no = 5 + CLASSES
        bias = np.zeros((3, no), np.float32)
        bias[:, 4] = -5.5   # low, as in empty frames: a few hundred rows above 0.005 for NMS
        bias[:, 5:] = np.log(0.6 / (CLASSES - 0.99))
        y = self.conv(x, c, 3 * no, 1, act=False, bias=bias.reshape(-1), gain=2.0 * 30 ** 2)
        y = self.node("Reshape", [y, self.const(np.array([1, 3, no, g, g], np.int64), "shape")])
        y = self.node("Sigmoid", [self.node("Transpose", [y], perm=[0, 1, 3, 4, 2])])
        xy, wh, rest = (self.name("split") for _ in range(3))
        self.nodes.append(helper.make_node("Split", [y], [xy, wh, rest], axis=4, split=[2, 2, no - 4]))
        gy, gx = np.meshgrid(np.arange(g, dtype=np.float32), np.arange(g, dtype=np.float32), indexing="ij")
        # Full 1x3xgxgx2 constants, as YOLOv5's export writes them: OpenCV 4.6 does not broadcast 5-D operands.
        grid = np.broadcast_to((np.stack([gx, gy], -1) - 0.5) * stride, (1, 3, g, g, 2)).astype(np.float32)
        anchors = np.broadcast_to(np.array(ANCHORS[level], np.float32).reshape(1, 3, 1, 1, 2), (1, 3, g, g, 2))
        anchors = anchors.astype(np.float32)
        xy = self.node("Add", [self.node("Mul", [xy, self.const(np.float32(2 * stride))]), self.const(grid, "grid")])
        wh2 = self.node("Mul", [wh, self.const(np.float32(2))])
        wh = self.node("Mul", [self.node("Mul", [wh2, wh2]), self.const(anchors, "anchors")])
        y = self.node("Concat", [xy, wh, rest], axis=4)
        return self.node("Reshape", [y, self.const(np.array([1, 3 * g * g, no], np.int64), "shape")])


def model(size):
    G = Graph()
    x = "images"
    x = G.conv(x, 3, 32, 6, 2, 2)
    x = G.conv(x, 32, 64, 3, 2)
    x = G.c3(x, 64, 64, 1)
    x = G.conv(x, 64, 128, 3, 2)
    p3 = G.c3(x, 128, 128, 2)
    x = G.conv(p3, 128, 256, 3, 2)
    p4 = G.c3(x, 256, 256, 3)
    x = G.conv(p4, 256, 512, 3, 2)
    x = G.c3(x, 512, 512, 1)
    x = G.sppf(x, 512, 512)
    h10 = G.conv(x, 512, 256, 1)
    x = G.c3(G.node("Concat", [G.upsample(h10), p4], axis=1), 512, 256, 1, False)
    h14 = G.conv(x, 256, 128, 1)
    out3 = G.c3(G.node("Concat", [G.upsample(h14), p3], axis=1), 256, 128, 1, False)
    x = G.conv(out3, 128, 128, 3, 2)
    out4 = G.c3(G.node("Concat", [x, h14], axis=1), 256, 256, 1, False)
    x = G.conv(out4, 256, 256, 3, 2)
    out5 = G.c3(G.node("Concat", [x, h10], axis=1), 512, 512, 1, False)
    heads = [G.detect(o, c, size, i) for i, (o, c) in enumerate([(out3, 128), (out4, 256), (out5, 512)])]
    G.nodes.append(helper.make_node("Concat", heads, ["output"], axis=1))
    n = 3 * sum((size // s) ** 2 for s in STRIDES)
    graph = helper.make_graph(G.nodes, "yolov5s-sized-megadetector",
                              [helper.make_tensor_value_info("images", TensorProto.FLOAT, [1, 3, size, size])],
                              [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, n, 5 + CLASSES])],
                              G.inits)
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 12)], producer_name="rosette-bench")
    m.ir_version = 7
    onnx.checker.check_model(m)
    return m, G.weights


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    out, size = sys.argv[1], int(sys.argv[2])
    if size % 32:
        sys.exit(f"input size {size} is not a multiple of 32")
    m, weights = model(size)
    onnx.save(m, out)
    print(f"{out}: YOLOv5s-sized detector, input {size}, {weights / 1e6:.2f} M weights")


if __name__ == "__main__":
    main()
