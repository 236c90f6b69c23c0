import Foundation

extension FrameRenderer {
    /// Infrared flash artefacts on a night frame's subject (grey, one channel), as real camera traps show them:
    /// a faint ghost of the strobe offset along the direction of travel, smear from the long exposure,
    /// over-exposure of near fur that burns out the rosettes' contrast, and bloom around bright areas.
    /// `out` is a `width × height` grey frame; only the box and its surroundings change.
    static func applyInfraredArtefacts(box: (x: Int, y: Int, width: Int, height: Int), direction: Double, stride: Double,
                                       into out: UnsafeMutableBufferPointer<UInt8>, width W: Int, height H: Int,
                                       rng: inout SeededGenerator) {
        let bloomRadius = max(2, Int(Double(box.height) * rng.uniform(0.02, 0.05)))
        let x0 = max(0, box.x - bloomRadius * 2), x1 = min(W, box.x + box.width + bloomRadius * 2)
        let y0 = max(0, box.y - bloomRadius * 2), y1 = min(H, box.y + box.height + bloomRadius * 2)
        let rw = x1 - x0, rh = y1 - y0
        guard rw > 4, rh > 4 else { return }
        var v = [Float](repeating: 0, count: rw * rh)
        for y in 0..<rh { for x in 0..<rw { v[y * rw + x] = Float(out[(y0 + y) * W + x0 + x]) } }

        // Ghost: a second, weaker exposure shifted along the direction of travel.
        let ghost = Float(rng.uniform(0.1, 0.3))
        let shift = Int(Double(box.width) * rng.uniform(0.015, 0.05) * (direction > 0 ? -1 : 1))
        if shift != 0 {
            var g = v
            for y in 0..<rh {
                for x in 0..<rw {
                    let sx = min(max(x + shift, 0), rw - 1)
                    g[y * rw + x] = v[y * rw + x] * (1 - ghost) + v[y * rw + sx] * ghost
                }
            }
            v = g
        }
        // Smear: horizontal box blur, longer for a walking animal.
        let smear = max(1, Int(Double(box.width) * rng.uniform(0.004, 0.025) * (0.4 + stride)))
        Self.boxBlurRows(&v, width: rw, height: rh, radius: smear)
        // Over-exposure: near fur saturates and loses the rosettes.
        let gain = Float(rng.uniform(1.0, 1.45))
        for i in v.indices { v[i] = min(255, v[i] * gain) }
        // Bloom: what is bright spreads into its surroundings.
        var bright = v.map { max(0, $0 - 175) }
        Self.boxBlurRows(&bright, width: rw, height: rh, radius: bloomRadius)
        Self.boxBlurColumns(&bright, width: rw, height: rh, radius: bloomRadius)
        let strength = Float(rng.uniform(0.8, 1.8))
        for y in 0..<rh {
            for x in 0..<rw {
                out[(y0 + y) * W + x0 + x] = clampByte(v[y * rw + x] + strength * bright[y * rw + x])
            }
        }
    }

    static func boxBlurRows(_ a: inout [Float], width w: Int, height h: Int, radius r: Int) {
        var row = [Float](repeating: 0, count: w)
        let n = Float(2 * r + 1)
        for y in 0..<h {
            var sum: Float = 0
            for i in -r...r { sum += a[y * w + min(max(i, 0), w - 1)] }
            for x in 0..<w {
                row[x] = sum / n
                sum += a[y * w + min(x + r + 1, w - 1)] - a[y * w + max(x - r, 0)]
            }
            for x in 0..<w { a[y * w + x] = row[x] }
        }
    }

    static func boxBlurColumns(_ a: inout [Float], width w: Int, height h: Int, radius r: Int) {
        var col = [Float](repeating: 0, count: h)
        let n = Float(2 * r + 1)
        for x in 0..<w {
            var sum: Float = 0
            for j in -r...r { sum += a[min(max(j, 0), h - 1) * w + x] }
            for y in 0..<h {
                col[y] = sum / n
                sum += a[min(y + r + 1, h - 1) * w + x] - a[max(y - r, 0) * w + x]
            }
            for y in 0..<h { a[y * w + x] = col[y] }
        }
    }
}
