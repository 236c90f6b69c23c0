import Foundation
import Imaging

/// Generated full camera frames of a dark four-legged silhouette walking left or right across a textured
/// scene, with a DATASET.md `metadata.csv` (pixel boxes, camera, timestamp, side), for flank-side tests.
///
/// The silhouette's head is at its front end (raised, with ears) and its long tail trails low behind, so the
/// head end tells the side in a single frame; an animal heading towards the image's right edge shows its
/// right flank. Bursts of `frames` frames move by `step` body lengths per frame; some bursts start cut by the
/// frame edge (the animal walking in); single-frame encounters have no direction of travel.
public enum SyntheticWalks {
    public struct Spec: Sendable {
        public var bursts = 24
        public var frames = 3
        public var singles = 12
        public var width = 320
        public var height = 240
        /// Body length in pixels and the shift per frame as a fraction of it.
        public var length = 110.0
        public var step = 0.35
        public var seed: UInt64 = 1
        public init() {}
    }

    /// Writes `DIR/frames/*.jpg` and `DIR/metadata.csv`; returns the number of images.
    @discardableResult
    public static func writeDataset(_ spec: Spec, to directory: URL) throws -> Int {
        let frames = directory.appendingPathComponent("frames")
        try FileManager.default.createDirectory(at: frames, withIntermediateDirectories: true)
        var rng = spec.seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func uniform() -> Double {
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
            return Double(rng >> 11) / Double(1 << 53)
        }
        var lines = ["image_id,identity,path,side,encounter,camera,timestamp,bbox_x,bbox_y,bbox_w,bbox_h"]
        let encounters = spec.bursts + spec.singles
        for e in 0..<encounters {
            let frameCount = e < spec.bursts ? spec.frames : 1
            let direction: Double = uniform() < 0.5 ? 1 : -1
            let cut = e < spec.bursts && e % 4 == 3   // walks in through the frame edge it comes from
            let start: Double
            if cut {
                start = direction > 0 ? -0.2 * spec.length : Double(spec.width) + 0.2 * spec.length
            } else {
                let travel = Double(frameCount - 1) * spec.step * spec.length
                let lo = 0.75 * spec.length, hi = Double(spec.width) - 0.75 * spec.length - travel
                let from = lo + (hi - lo) * uniform()
                start = direction > 0 ? from : Double(spec.width) - from
            }
            let ground = Double(spec.height) * (0.7 + 0.15 * uniform())
            let camera = "C\(e % 3)"
            for f in 0..<frameCount {
                let cx = start + direction * Double(f) * spec.step * spec.length
                let (pixels, box) = frame(spec, cx: cx, ground: ground, direction: direction, seed: UInt64(e * 10 + f))
                guard let box else { continue }
                let name = String(format: "e%02d_f%d", e, f)
                let jpeg = try pixels.withUnsafeBufferPointer {
                    try JPEGEncoder.encode(pixels: $0, width: spec.width, height: spec.height, channels: 1, quality: 90)
                }
                try Data(jpeg).write(to: frames.appendingPathComponent(name + ".jpg"))
                let side = direction > 0 ? "right" : "left"
                let time = String(format: "2024-09-%02dT21:14:%02d", 1 + e % 28, 10 + f)
                lines.append([name, "L\(e % 5)", "frames/\(name).jpg", side, "enc\(e)", camera, time,
                              String(box.0), String(box.1), String(box.2), String(box.3)].joined(separator: ","))
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("metadata.csv"), atomically: true, encoding: .utf8)
        return lines.count - 1
    }

    /// One grey frame and the silhouette's box in it (x, y, w, h pixels; nil when it is out of the frame).
    static func frame(_ spec: Spec, cx: Double, ground: Double, direction: Double, seed: UInt64) -> ([UInt8], (Int, Int, Int, Int)?) {
        let w = spec.width, h = spec.height, L = spec.length
        var pixels = [UInt8](repeating: 0, count: w * h)
        var minX = w, minY = h, maxX = -1, maxY = -1
        for y in 0..<h {
            for x in 0..<w {
                // Scene: smooth texture with a little noise.
                let n = sin(Double(x) * 0.11 + Double(seed % 7)) * cos(Double(y) * 0.07) * 25
                    + Double((x &* 73 &+ y &* 151 &+ Int(seed) &* 31) % 17)
                var v = 150 + n
                // Body coordinates: u along the heading (front positive), t up from the ground, in body lengths.
                let u = (Double(x) - cx) * direction / L, t = (ground - Double(y)) / L
                if inside(u: u, t: t) {
                    v = 55 + Double((x * 7 + y * 3) % 9)
                    minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                }
                pixels[y * w + x] = UInt8(max(0, min(255, v)))
            }
        }
        guard maxX >= minX else { return (pixels, nil) }
        return (pixels, (minX, minY, maxX - minX + 1, maxY - minY + 1))
    }

    /// Whether body point (u, t) lies in the silhouette: torso, raised head with ears, legs, long low tail.
    static func inside(u: Double, t: Double) -> Bool {
        func ellipse(_ cu: Double, _ ct: Double, _ ru: Double, _ rt: Double) -> Bool {
            let a = (u - cu) / ru, b = (t - ct) / rt
            return a * a + b * b <= 1
        }
        if ellipse(0, 0.33, 0.36, 0.11) { return true }                                 // torso
        if ellipse(0.42, 0.46, 0.09, 0.075) || ellipse(0.5, 0.43, 0.05, 0.035) { return true }  // head, muzzle
        if ellipse(0.39, 0.55, 0.025, 0.035) { return true }                           // ear
        if ellipse(0.32, 0.4, 0.09, 0.06) { return true }                              // neck
        for legU in [-0.27, -0.2, 0.22, 0.28] where abs(u - legU) < 0.025 && t >= 0 && t < 0.3 { return true }
        if u < -0.3 && u > -0.85 {                                                      // tail, drooping
            let s = (-u - 0.3) / 0.55
            let centre = 0.36 - 0.2 * s + 0.06 * s * s
            if abs(t - centre) < 0.018 { return true }
        }
        return false
    }
}

extension SyntheticWalks {
    /// A grey crop (`width` × `height`) filled by the silhouette facing right (+1) or left (−1), on a noisy
    /// scene; `seed` varies the scene, the pose offset and the body proportions slightly.
    public static func crop(width: Int = 96, height: Int = 48, direction: Double, seed: UInt64) -> [UInt8] {
        var rng = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func uniform() -> Double {
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
            return Double(rng >> 11) / Double(1 << 53)
        }
        let length = Double(width) * (0.72 + 0.1 * uniform())
        let cx = Double(width) / 2 + direction * Double(width) * (0.05 * uniform() - 0.02) + direction * 0.12 * length
        let ground = Double(height) * (0.97 + 0.03 * uniform())
        var pixels = [UInt8](repeating: 0, count: width * height)
        let base = 120 + 60 * uniform()
        for y in 0..<height {
            for x in 0..<width {
                let u = (Double(x) - cx) * direction / length, t = (ground - Double(y)) / length
                let noise = Double((x &* 73 &+ y &* 151 &+ Int(seed % 1000) &* 31) % 29) - 14
                let v = inside(u: u, t: t) ? 50 + noise : base + noise + 20 * sin(Double(x + Int(seed % 13)) * 0.3)
                pixels[y * width + x] = UInt8(max(0, min(255, v)))
            }
        }
        return pixels
    }
}
