import Foundation

extension SceneBackground {
    @inline(__always) mutating func plot(_ x: Int, _ y: Int, _ c: RGB, near: Float, grain: Float) {
        let i = y * width + x
        day[3 * i] = clampByte(c.r + grain)
        day[3 * i + 1] = clampByte(c.g + grain)
        day[3 * i + 2] = clampByte(c.b + grain)
        night[i] = clampByte(SceneBackground.irLevel(c, near: near) + grain)
    }

    /// Trunks far and near, bushes along the horizon and rocks on the ground.
    mutating func drawShapes(rng: inout SeededGenerator, palette pal: Palette, noiseSeed: UInt32) {
        let W = Double(width), H = Double(height), k = W / 2048
        // Distant trunks: thin, paler (haze), standing at the horizon.
        for _ in 0..<Int(rng.uniform(6, 15)) {
            let x0 = rng.uniform(0, W), w = rng.uniform(6, 28) * k
            let base = horizon + rng.uniform(-0.01, 0.06) * H
            let tint = pal.bark.mix(RGB(150, 150, 140), Float(rng.uniform(0.2, 0.5)))
            drawTrunk(centre: x0, width: w, base: base, colour: tint, near: 0.2, lean: rng.uniform(-0.03, 0.03), seed: noiseSeed &+ UInt32(rng.integer(below: 1000)))
        }
        // Bushes: noisy blobs straddling the horizon.
        for _ in 0..<Int(rng.uniform(4, 11)) {
            let cx = rng.uniform(0, W), cy = horizon + rng.uniform(-0.02, 0.08) * H
            let rx = rng.uniform(60, 220) * k, ry = rx * rng.uniform(0.45, 0.8)
            let shade = Float(rng.uniform(0.7, 1.1))
            let bseed = noiseSeed &+ UInt32(rng.integer(below: 100_000))
            for y in span(max(0, Int(cy - ry * 1.3)), min(height, Int(cy + ry * 1.3))) {
                for x in span(max(0, Int(cx - rx * 1.3)), min(width, Int(cx + rx * 1.3))) {
                    let dx = (Double(x) - cx) / rx, dy = (Double(y) - cy) / ry
                    let edge = 0.75 + 0.5 * Double(ValueNoise.fbm(Float(x) / Float(18 * k), Float(y) / Float(18 * k), octaves: 3, bseed))
                    if dx * dx + dy * dy < edge * edge {
                        let t = ValueNoise.fbm(Float(x) / Float(9 * k), Float(y) / Float(9 * k), octaves: 3, bseed &+ 1)
                        let c = pal.canopyDark.mix(pal.canopyLight, t * 1.2) * shade
                        plot(x, y, c, near: 0.45, grain: ValueNoise.white(x, y, bseed) * 5)
                    }
                }
            }
        }
        // Rocks: shaded ellipses with lichen speckle.
        for _ in 0..<rng.integer(below: 5) {
            let cy = rng.uniform(horizon + 0.05 * H, H * 0.97)
            let depth = (cy - horizon) / (H - horizon)
            let rx = rng.uniform(30, 110) * k * (0.5 + 1.5 * depth), ry = rx * rng.uniform(0.35, 0.6)
            let cx = rng.uniform(0, W)
            let rseed = noiseSeed &+ UInt32(rng.integer(below: 100_000))
            for y in span(max(0, Int(cy - ry)), min(height, Int(cy + ry * 0.4))) {
                for x in span(max(0, Int(cx - rx)), min(width, Int(cx + rx))) {
                    let dx = (Double(x) - cx) / rx, dy = (Double(y) - cy) / ry
                    let wobble = 0.85 + 0.3 * Double(ValueNoise.noise(Float(x) / Float(25 * k), Float(y) / Float(25 * k), rseed))
                    guard dx * dx + dy * dy < wobble * wobble else { continue }
                    let light = Float(1.15 - 0.55 * (dy + 1) / 1.4 + 0.15 * dx)
                    let lichen = ValueNoise.fbm(Float(x) / Float(6 * k), Float(y) / Float(6 * k), octaves: 2, rseed &+ 3)
                    let c = pal.rock.mix(RGB(150, 156, 120), smoothstep(0.55, 0.7, lichen)) * light
                    plot(x, y, c, near: Float(0.3 + 0.7 * depth), grain: ValueNoise.white(x, y, rseed) * 7)
                }
            }
        }
        // Near trunks at the sides of the frame.
        for _ in 0..<rng.integer(below: 3) {
            let left = rng.bernoulli(0.5)
            let x0 = left ? rng.uniform(-0.05, 0.18) * W : rng.uniform(0.82, 1.05) * W
            let w = rng.uniform(70, 240) * k
            let base = rng.uniform(horizon + 0.15 * H, H * 1.05)
            drawTrunk(centre: x0, width: w, base: base, colour: pal.bark * 0.8, near: 0.9, lean: rng.uniform(-0.05, 0.05), seed: noiseSeed &+ UInt32(rng.integer(below: 1000)))
        }
    }

    /// A tapered, slightly leaning trunk from the top of the frame to `base`, with bark streaks and
    /// cylindrical shading.
    private mutating func drawTrunk(centre: Double, width w: Double, base: Double, colour: RGB, near: Float, lean: Double, seed: UInt32) {
        for y in 0..<min(height, Int(base)) {
            let up = (base - Double(y)) / Double(height)
            let cx = centre + lean * (base - Double(y))
            let half = w / 2 * (1 - 0.12 * up)
            for x in span(max(0, Int(cx - half)), min(width, Int(cx + half) + 1)) {
                let u = (Double(x) - cx) / half
                guard abs(u) <= 1 else { continue }
                let streak = ValueNoise.noise(Float(x - Int(cx)) / Float(max(2, w / 12)), Float(y) / 60, seed)
                let shade = Float(0.55 + 0.6 * (1 - u * u).squareRoot() - 0.15 * u) * (0.75 + 0.45 * streak)
                plot(x, y, colour * shade, near: near, grain: ValueNoise.white(x, y, seed) * 6)
            }
        }
    }
}
