import Foundation

extension FrameRenderer {
    /// Paints a small bird or rodent of `event` in this frame and returns its box (nil once it has left).
    ///
    /// The animal is a few percent of the frame wide or less (never under 13 px high, so truth.csv keeps it),
    /// on the ground, a shade off the ground it stands on (low contrast), and fast: it moves one to four body
    /// lengths between frames, a bird hops, and a third of them are gone after the first frame.
    func paintSmallAnimal(_ kind: SmallAnimalKind, event: SurveyEvent, photo: PlannedPhoto, horizon: Double,
                          into out: UnsafeMutableBufferPointer<UInt8>, channels: Int) -> (x: Int, y: Int, width: Int, height: Int)? {
        let W = context.width, H = context.height
        var rng = SeededGenerator(seed: event.appearanceSeed, stream: "small-animal", index: UInt64(photo.cameraSlot))
        let bird = kind == .bird
        let tall = bird ? 0.62 : 0.45
        let length = max(13 / tall, Double(W) * rng.uniform(0.015, 0.05))
        let groundY = horizon + (Double(H) - horizon) * rng.uniform(0.12, 0.7)
        let speed = length * rng.uniform(1, 4) * photo.direction
        let leaves = rng.bernoulli(0.33)
        let startX = Double(W) * rng.uniform(0.1, 0.9)
        let contrast = Float(rng.bernoulli(0.6) ? rng.uniform(0.62, 0.85) : rng.uniform(1.15, 1.4))
        let hop = bird ? rng.uniform(0, 0.5) * length : 0
        guard !(leaves && photo.frame > 0) else { return nil }
        let f = Double(photo.frame)
        let cx = startX + speed * f
        let cy = groundY - length * tall * 0.5 - hop * abs(sin(f * 1.7 + 0.4))
        guard cx > -length, cx < Double(W) + length else { return nil }

        // A shade of the ground under it: low contrast by day and in infrared.
        let bx0 = max(0, Int(cx - length / 2)), bx1 = min(W, Int(cx + length / 2) + 1)
        let by0 = max(0, Int(cy - length * tall / 2)), by1 = min(H, Int(cy + length * tall / 2) + 1)
        guard bx1 - bx0 >= 2, by1 - by0 >= 2 else { return nil }
        var mean: [Float] = Array(repeating: 0, count: channels)
        var n: Float = 0
        for y in by0..<by1 { for x in bx0..<bx1 { for c in 0..<channels { mean[c] += Float(out[(y * W + x) * channels + c]) }; n += 1 } }
        for c in 0..<channels { mean[c] /= n }
        let grey = mean.reduce(0, +) / Float(channels)
        let tone = bird ? RGB(1.18, 0.95, 0.78) : RGB(1.05, 0.98, 0.9)  // rufous bird, brown rodent
        let day = channels == 3 ? RGB(grey * tone.r * contrast, grey * tone.g * contrast, grey * tone.b * contrast) : RGB(0, 0, 0)
        let ir = min(250, grey * contrast)
        let d = photo.direction
        let night = channels == 1
        if bird {
            ellipse(cx: cx, cy: cy, a: length * 0.32, b: length * 0.2, angle: -0.25 * d, day: day, ir: ir, night: night, into: out, channels: channels)
            ellipse(cx: cx + d * length * 0.3, cy: cy - length * 0.16, a: length * 0.13, b: length * 0.12, angle: 0,
                    day: day * 0.9, ir: ir * 0.95, night: night, into: out, channels: channels)
            ellipse(cx: cx - d * length * 0.36, cy: cy + length * 0.04, a: length * 0.16, b: length * 0.05, angle: 0.35 * d,
                    day: day * 0.8, ir: ir * 0.9, night: night, into: out, channels: channels)
        } else {
            ellipse(cx: cx, cy: cy, a: length * 0.3, b: length * 0.2, angle: 0, day: day, ir: ir, night: night, into: out, channels: channels)
            ellipse(cx: cx + d * length * 0.3, cy: cy + length * 0.03, a: length * 0.13, b: length * 0.1, angle: 0.2 * d,
                    day: day * 0.92, ir: ir, night: night, into: out, channels: channels)
            ellipse(cx: cx - d * length * 0.42, cy: cy + length * 0.12, a: length * 0.14, b: max(1, length * 0.02), angle: -0.2 * d,
                    day: day * 0.85, ir: ir * 0.9, night: night, into: out, channels: channels)
        }
        let x0 = max(0, Int(cx - length / 2)), x1 = min(W, Int(cx + length / 2) + 1)
        let y0 = max(0, Int(cy - length * tall / 2)), y1 = min(H, Int(cy + length * tall / 2) + 1)
        guard x1 > x0, y1 > y0 else { return nil }
        return (x0, y0, x1 - x0, y1 - y0)
    }
}
