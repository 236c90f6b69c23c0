import Foundation

/// Draws tapered, curved grass blades straight into a frame (RGB by day, IR grey at night).
struct GrassPainter {
    let width: Int, height: Int, channels: Int
    let night: Bool
    let light: Float
    let colour: RGB
    let horizon: Double

    /// A tuft: 5–9 blades fanning from one root.
    func tuft(x: Double, y: Double, height h: Double, tint: Float, sway: Double, seed: UInt64, into out: UnsafeMutableBufferPointer<UInt8>) {
        var rng = SeededGenerator(seed: seed, stream: "tuft")
        for _ in 0..<(5 + rng.integer(below: 5)) {
            let bh = h * rng.uniform(0.5, 1)
            blade(x: x + rng.uniform(-0.04, 0.04) * h, y: y, height: bh, lean: rng.uniform(-0.5, 0.5) * bh + sway * bh / h,
                  width: rng.uniform(3, 9) * Double(width) / 2048, tint: tint * Float(rng.uniform(0.85, 1.1)), into: out)
        }
    }

    /// One blade from its root (x, y) up `height` pixels, its tip displaced by `lean`.
    func blade(x: Double, y: Double, height h: Double, lean: Double, width w: Double, tint: Float, into out: UnsafeMutableBufferPointer<UInt8>) {
        let steps = max(2, Int(h))
        let near = Float(min(1, max(0, (y - horizon) / (Double(height) - horizon))))
        let day = colour * (tint * light)
        let ir = min(250, colour.infrared * tint * (0.6 + 1.1 * near) * 1.3)
        for s in 0..<steps {
            let t = Double(s) / Double(steps)
            let py = Int(y - t * h)
            guard py >= 0, py < height else { continue }
            let cx = x + lean * t * t
            let half = max(0.5, w * 0.5 * (1 - t))
            let shade = Float(0.8 + 0.35 * t)
            for px in span(max(0, Int(cx - half)), min(width, Int(cx + half) + 1)) {
                let o = (py * width + px) * channels
                if night {
                    out[o] = clampByte(ir * shade)
                } else {
                    out[o] = clampByte(day.r * shade); out[o + 1] = clampByte(day.g * shade); out[o + 2] = clampByte(day.b * shade)
                }
            }
        }
    }
}
