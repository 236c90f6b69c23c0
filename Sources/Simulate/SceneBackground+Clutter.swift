import Foundation

extension SceneBackground {
    /// Dense, high-contrast static clutter for the `real` conditions: lichen-speckled boulders, leaf-litter
    /// rings and blotches (some as rosette-like as a leopard's), and fallen twigs, thickest around the trail.
    /// It draws from its own random stream, so the other presets' scenes are unchanged.
    mutating func drawClutter(seed: UInt64, palette pal: Palette) {
        var rng = SeededGenerator(seed: seed, stream: "clutter")
        let W = Double(width), H = Double(height), k = W / 2048
        let top = max(0, horizon - 0.18 * H)
        func depth(_ y: Double) -> Double { max(0, min(1, (y - horizon) / (H - horizon))) }
        // Boulders with lichen speckle: large, distinctive, fixed.
        for _ in 0..<(3 + rng.integer(below: 5)) {
            let cy = rng.uniform(horizon + 0.02 * H, H * 0.95)
            let d = depth(cy)
            let rx = rng.uniform(60, 200) * k * (0.5 + 1.2 * d), ry = rx * rng.uniform(0.4, 0.7)
            let cx = rng.uniform(0, W)
            let shade = Float(rng.uniform(0.8, 1.15))
            for y in span(max(0, Int(cy - ry)), min(height, Int(cy + ry * 0.5))) {
                for x in span(max(0, Int(cx - rx)), min(width, Int(cx + rx))) {
                    let dx = (Double(x) - cx) / rx, dy = (Double(y) - cy) / ry
                    guard dx * dx + dy * dy < 1 else { continue }
                    let light = Float(1.2 - 0.5 * (dy + 1) / 1.5 + 0.15 * dx) * shade
                    plot(x, y, pal.rock * light, near: Float(0.3 + 0.7 * d), grain: 0)
                }
            }
            for _ in 0..<(40 + rng.integer(below: 90)) {
                let a = rng.uniform(0, 2 * .pi), rr = rng.uniform(0, 0.95).squareRoot()
                let sx = cx + cos(a) * rr * rx, sy = cy + sin(a) * rr * ry * (sin(a) > 0 ? 0.5 : 1)
                let r = rng.uniform(2, 9) * k * (0.6 + d)
                let dark = rng.bernoulli(0.6)
                let c = dark ? RGB(40, 42, 36) : RGB(196, 200, 160)
                blob(x: sx, y: sy, rx: r * rng.uniform(0.7, 1.4), ry: r, colour: c, ring: false, near: Float(0.3 + 0.7 * d), rng: &rng)
            }
        }
        // Leaf litter: blotches and rings over the ground, larger towards the camera.
        for _ in 0..<(250 + rng.integer(below: 250)) {
            let y = rng.uniform(horizon, H)
            let d = depth(y)
            let r = rng.uniform(4, 13) * k * (0.5 + 1.3 * d)
            let c = pal.litterDark * Float(rng.uniform(0.35, 0.7))
            blob(x: rng.uniform(0, W), y: y, rx: r * rng.uniform(0.8, 1.6), ry: r * rng.uniform(0.6, 1.0), colour: c,
                 ring: rng.bernoulli(0.45), near: Float(0.25 + 0.75 * d), rng: &rng)
        }
        // Twigs and fallen branches: dark strokes, some above the horizon (undergrowth).
        for _ in 0..<(40 + rng.integer(below: 80)) {
            let y = rng.uniform(top, H), x = rng.uniform(0, W)
            let d = depth(y)
            let length = rng.uniform(20, 130) * k * (0.5 + d), angle = rng.uniform(-0.6, 0.6) + (rng.bernoulli(0.3) ? .pi / 2 : 0)
            let thickness = max(1, rng.uniform(1, 4) * k * (0.5 + d))
            let c = pal.bark * Float(rng.uniform(0.35, 0.75))
            let steps = Int(length)
            for s in 0..<max(1, steps) {
                let px = x + cos(angle) * Double(s), py = y + sin(angle) * Double(s)
                for t in 0..<Int(thickness.rounded(.up)) {
                    let qx = Int(px - sin(angle) * Double(t)), qy = Int(py + cos(angle) * Double(t))
                    guard qx >= 0, qx < width, qy >= 0, qy < height else { continue }
                    plot(qx, qy, c, near: Float(0.3 + 0.7 * d), grain: 0)
                }
            }
        }
    }

    /// A filled ellipse, or a thick broken ring with a slightly darker centre, with a wobbling edge.
    private mutating func blob(x cx: Double, y cy: Double, rx: Double, ry: Double, colour: RGB, ring: Bool, near: Float,
                               rng: inout SeededGenerator) {
        let p1 = rng.uniform(0, 2 * .pi), gap = rng.uniform(0, 2 * .pi), gapWidth = rng.uniform(0.3, 1.2)
        let thick = rng.uniform(0.3, 0.5)
        for y in span(max(0, Int(cy - ry * 1.2)), min(height, Int(cy + ry * 1.2) + 1)) {
            for x in span(max(0, Int(cx - rx * 1.2)), min(width, Int(cx + rx * 1.2) + 1)) {
                let dx = (Double(x) - cx) / rx, dy = (Double(y) - cy) / ry
                let rho = (dx * dx + dy * dy).squareRoot(), phi = atan2(dy, dx)
                let edge = 1 + 0.15 * sin(3 * phi + p1)
                if ring {
                    var a = (phi - gap).truncatingRemainder(dividingBy: 2 * .pi)
                    if a < 0 { a += 2 * .pi }
                    if abs(rho - edge * (1 - thick / 2)) < thick / 2, a > gapWidth {
                        plot(x, y, colour, near: near, grain: 0)
                    }
                } else if rho < edge {
                    plot(x, y, colour, near: near, grain: 0)
                }
            }
        }
    }
}
