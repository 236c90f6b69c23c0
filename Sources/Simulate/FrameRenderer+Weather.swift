import Foundation

extension FrameRenderer {
    /// Draws a burst's weather onto a rendered frame (`TriageConditions.field`): foreground leaves swaying,
    /// an insect streak at night, then the light (sun flecks, a drifting shadow, exposure or infrared gain with
    /// its hotspot) and heat shimmer. `out` is `width × height × channels`.
    func applyWeather(_ weather: BurstWeather, frame: Int, camera: UInt64, night: Bool, horizon: Double,
                      into out: UnsafeMutableBufferPointer<UInt8>, channels: Int) {
        drawLeaves(weather, frame: frame, camera: camera, night: night, into: out, channels: channels)
        if let bug = weather.insect, bug.frame == frame {
            let steps = Int(max(abs(bug.x1 - bug.x0), abs(bug.y1 - bug.y0))) + 1
            for s in 0...steps {
                let t = Double(s) / Double(steps)
                stamp(x: bug.x0 + (bug.x1 - bug.x0) * t, y: bug.y0 + (bug.y1 - bug.y0) * t, radius: bug.width / 2,
                      level: 235, into: out, channels: channels)
            }
        }
        applyLight(weather, frame: frame, night: night, into: out, channels: channels)
        applyShimmer(weather, frame: frame, into: out, channels: channels)
    }

    /// Multiplies the frame by a light field computed on 4×4-pixel cells.
    private func applyLight(_ weather: BurstWeather, frame k: Int, night: Bool, into out: UnsafeMutableBufferPointer<UInt8>, channels: Int) {
        let W = context.width, H = context.height
        let cw = (W + 3) / 4, ch = (H + 3) / 4
        let gain = weather.exposure.isEmpty ? 1 : weather.exposure[min(k, weather.exposure.count - 1)]
        var field = [Float](repeating: gain, count: cw * ch)
        let t = Double(k)
        if night {
            let spot = weather.hotspot.isEmpty ? 0 : weather.hotspot[min(k, weather.hotspot.count - 1)]
            let cx = Double(W) / 2, cy = Double(H) * 0.6, sigma = Double(W) * 0.25
            for j in 0..<ch {
                for i in 0..<cw {
                    let dx = Double(i * 4 + 2) - cx, dy = Double(j * 4 + 2) - cy
                    field[j * cw + i] *= 1 + spot * Float(exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)))
                }
            }
        } else {
            var lit = [Float](repeating: 0, count: cw * ch)
            for (n, f) in weather.flecks.enumerated() {
                let cx = f.x + f.vx * t, cy = f.y + f.vy * t
                let seed = UInt32(truncatingIfNeeded: n &* 7919 &+ 17)
                let i0 = max(0, Int((cx - f.rx) / 4)), i1 = min(cw, Int((cx + f.rx) / 4) + 1)
                let j0 = max(0, Int((cy - f.ry) / 4)), j1 = min(ch, Int((cy + f.ry) / 4) + 1)
                guard i0 < i1, j0 < j1 else { continue }
                for j in j0..<j1 {
                    for i in i0..<i1 {
                        let u = (Double(i * 4 + 2) - cx) / f.rx, v = (Double(j * 4 + 2) - cy) / f.ry
                        let d = Float(u * u + v * v)
                        guard d < 1 else { continue }
                        let core = 1 - smoothstep(0.45, 1, d)
                        // Ragged, leaf-dappled edges that change a little from frame to frame.
                        let dapple = smoothstep(0.35, 0.6, ValueNoise.noise(Float(u) * 2.5 + Float(t) * f.flicker, Float(v) * 2.5, seed))
                        lit[j * cw + i] += f.gain * core * dapple
                    }
                }
            }
            for c in lit.indices { field[c] *= 1 + min(2, lit[c]) }
            if let s = weather.shadow {
                let sx = s.x + s.vx * t
                for i in 0..<cw {
                    let d = Float(abs(Double(i * 4 + 2) - sx) / s.halfWidth)
                    let k = 1 - s.depth * (1 - smoothstep(0.6, 1, d))
                    guard k < 1 else { continue }
                    for j in 0..<ch { field[j * cw + i] *= k }
                }
            }
        }
        for y in 0..<H {
            let row = (y / 4) * cw
            for x in 0..<W {
                let f = field[row + x / 4]
                let o = (y * W + x) * channels
                for c in 0..<channels { out[o + c] = clampByte(Float(out[o + c]) * f) }
            }
        }
    }

    /// Heat shimmer: rows in small patches shift sideways by a few pixels, differently in each frame.
    private func applyShimmer(_ weather: BurstWeather, frame k: Int, into out: UnsafeMutableBufferPointer<UInt8>, channels: Int) {
        let W = context.width
        for (n, p) in weather.shimmer.enumerated() where p.x1 - p.x0 > 8 && p.y1 > p.y0 {
            var row = [UInt8](repeating: 0, count: (p.x1 - p.x0) * channels)
            for y in p.y0..<p.y1 {
                let shift = Int((p.amplitude * sin(2 * .pi * Double(y) / p.period + Double(k) * 2.1 + Double(n))).rounded())
                guard shift != 0 else { continue }
                for x in p.x0..<p.x1 {
                    let sx = min(p.x1 - 1, max(p.x0, x + shift))
                    for c in 0..<channels { row[(x - p.x0) * channels + c] = out[(y * W + sx) * channels + c] }
                }
                for x in p.x0..<p.x1 {
                    for c in 0..<channels { out[(y * W + x) * channels + c] = row[(x - p.x0) * channels + c] }
                }
            }
        }
    }

    /// Sprays of leaves reaching in from the frame's edges, fixed per camera, bending in the wind.
    private func drawLeaves(_ weather: BurstWeather, frame k: Int, camera: UInt64, night: Bool,
                            into out: UnsafeMutableBufferPointer<UInt8>, channels: Int) {
        let W = Double(context.width), H = Double(context.height)
        var rng = SeededGenerator(seed: camera, stream: "leaves")
        guard rng.bernoulli(0.85) else { return }
        let palette = SceneBackground.palette(month: context.month)
        for spray in 0..<(1 + rng.integer(below: 4)) {
            // Anchor on the left, right or top edge (or a bottom corner), pointing inwards.
            let edge = rng.integer(below: 4)
            let (ax, ay, base): (Double, Double, Double) = switch edge {
            case 0: (0, rng.uniform(0.1, 0.9) * H, rng.uniform(-0.5, 0.5))
            case 1: (W, rng.uniform(0.1, 0.9) * H, .pi + rng.uniform(-0.5, 0.5))
            case 2: (rng.uniform(0, 1) * W, 0, .pi / 2 + rng.uniform(-0.6, 0.6))
            default: (rng.bernoulli(0.5) ? 0 : W, H, rng.uniform(0, 1) < 0.5 ? -0.7 : -.pi + 0.7)
            }
            let length = rng.uniform(0.12, 0.3) * H
            let bend = weather.leafSway * sin(weather.windPhase + Double(k) * 1.9 + Double(spray) * 1.3)
            let tint = Float(rng.uniform(0.5, 1.1))
            let colour = palette.canopyDark.mix(palette.canopyLight, Float(rng.uniform(0, 0.6))) * tint
            let ir = Float(rng.uniform(170, 245))
            for _ in 0..<(3 + rng.integer(below: 5)) {
                let s = rng.uniform(0.25, 1)
                let angle = base + bend * s * s * 2
                let cx = ax + cos(angle) * length * s, cy = ay + sin(angle) * length * s
                let leafLength = rng.uniform(0.04, 0.09) * H
                let leafAngle = angle + rng.uniform(-0.8, 0.8) + bend
                ellipse(cx: cx, cy: cy, a: leafLength / 2, b: leafLength * rng.uniform(0.18, 0.3), angle: leafAngle,
                        day: colour, ir: ir, night: night, into: out, channels: channels)
            }
        }
    }

    /// A filled, rotated ellipse with a one-pixel soft edge.
    func ellipse(cx: Double, cy: Double, a: Double, b: Double, angle: Double, day: RGB, ir: Float, night: Bool,
                 into out: UnsafeMutableBufferPointer<UInt8>, channels: Int) {
        let W = context.width, H = context.height
        let r = max(a, b) + 1
        let ca = cos(angle), sa = sin(angle)
        for y in span(max(0, Int(cy - r)), min(H, Int(cy + r) + 1)) {
            for x in span(max(0, Int(cx - r)), min(W, Int(cx + r) + 1)) {
                let dx = Double(x) + 0.5 - cx, dy = Double(y) + 0.5 - cy
                let u = (dx * ca + dy * sa) / a, v = (-dx * sa + dy * ca) / b
                let d = (u * u + v * v).squareRoot()
                let alpha = Float(min(1, max(0, (1 - d) * min(a, b))))
                guard alpha > 0 else { continue }
                let o = (y * W + x) * channels
                if night || channels == 1 {
                    out[o] = clampByte(Float(out[o]) * (1 - alpha) + ir * alpha)
                } else {
                    out[o] = clampByte(Float(out[o]) * (1 - alpha) + day.r * alpha)
                    out[o + 1] = clampByte(Float(out[o + 1]) * (1 - alpha) + day.g * alpha)
                    out[o + 2] = clampByte(Float(out[o + 2]) * (1 - alpha) + day.b * alpha)
                }
            }
        }
    }

    /// A round dot of grey `level` (all channels).
    private func stamp(x: Double, y: Double, radius: Double, level: Float, into out: UnsafeMutableBufferPointer<UInt8>, channels: Int) {
        let W = context.width, H = context.height
        for py in span(max(0, Int(y - radius)), min(H, Int(y + radius) + 1)) {
            for px in span(max(0, Int(x - radius)), min(W, Int(x + radius) + 1)) {
                let dx = Double(px) + 0.5 - x, dy = Double(py) + 0.5 - y
                guard dx * dx + dy * dy <= radius * radius + 0.5 else { continue }
                let o = (py * W + px) * channels
                for c in 0..<channels { out[o + c] = max(out[o + c], clampByte(level)) }
            }
        }
    }
}
