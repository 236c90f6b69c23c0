import Foundation

extension CoatTexture {
    /// An Amur leopard flank: pale winter ground colour, large thick-rimmed rosettes (broken rings of
    /// dark blobs around a darker centre) on the body, small solid spots on head, neck, legs, belly
    /// and tail. Each flank seed gives a different, fixed layout.
    ///
    /// `winter` paints the same layout as a winter coat: longer, paler fur, so rosettes spread out from the
    /// flank's centre (×1.08), grow (×1.3) and lose their sharp rims. The random draws are the same either way.
    static func leopard(model: BodyModel, seed: UInt64, winter: Bool = false) -> CoatTexture {
        var rng = SeededGenerator(seed: seed, stream: "coat")
        var tex = CoatTexture(domain: model.domain, texelsPerMetre: 640)
        let t = model.torso
        let nseed = UInt32(truncatingIfNeeded: rng.next())
        var dorsal = RGB(188, 132, 72), flank = RGB(222, 176, 112), belly = RGB(236, 226, 204)
        if winter {
            dorsal = dorsal.mix(RGB(200, 184, 160), 0.35)
            flank = flank.mix(RGB(226, 214, 192), 0.4)
        }
        let spread = winter ? 1.08 : 1, grow = winter ? 1.3 : 1
        let tone = Float(rng.uniform(0.93, 1.05))
        let region = CoatRegions(model: model)
        tex.fill { x, y in
            let yRel = Float((y - t.cy) / t.b)
            var c = belly.mix(flank, smoothstep(-0.8, -0.3, yRel)).mix(dorsal, smoothstep(0.35, 1.05, yRel))
            if y < t.cy - t.b { c = flank.mix(belly, Float(min(1, (t.cy - t.b - y) / (t.cy - t.b)) * 0.55)) }
            if x > model.neckBase.x + 0.1, y < model.neckBase.y + 0.02 { c = c.mix(belly, 0.5) }  // chin, throat
            let v = ValueNoise.fbm(Float(x * 30), Float(y * 30), octaves: 3, nseed)
            return c * (tone * (0.9 + 0.2 * v))
        }
        let spotColour = RGB(42, 31, 22)
        // Rosettes on the flank, shoulder and haunch.
        var rosettes: [(Double, Double)] = []
        for _ in 0..<4000 {
            let x0 = rng.uniform(t.cx - t.a * 1.05, t.cx + t.a * 1.05), y0 = rng.uniform(t.cy - t.b * 0.45, t.cy + t.b * 0.92)
            guard region.isTorso(x0, y0), rosettes.allSatisfy({ hypot($0.0 - x0, $0.1 - y0) > 0.078 }) else { continue }
            rosettes.append((x0, y0))
            let r = rng.uniform(0.024, 0.038) * grow, thick = r * rng.uniform(0.42, 0.58) / (winter ? 1.15 : 1)
            let aspect = rng.uniform(0.75, 1.1), rot = rng.uniform(0, .pi)
            let blobs = 3 + rng.integer(below: 4)
            var arcs: [(start: Double, length: Double)] = []
            let start = rng.uniform(0, 2 * .pi)
            for k in 0..<blobs {
                let span = 2 * Double.pi / Double(blobs)
                arcs.append((start + Double(k) * span + rng.uniform(0, span * 0.15), span * rng.uniform(0.5, 0.78)))
            }
            let p1 = rng.uniform(0, 2 * .pi), p2 = rng.uniform(0, 2 * .pi)
            let centreDark = Float(rng.uniform(0.74, 0.86))
            func ringRadius(_ phi: Double) -> Double { r * (1 + 0.13 * sin(2 * phi + p1) + 0.07 * sin(3 * phi + p2)) }
            let x = t.cx + (x0 - t.cx) * spread, y = t.cy + (y0 - t.cy) * spread
            guard !winter || region.isTorso(x, y) else { continue }
            tex.paint(around: x, y, radius: r * 1.8) { px, py, base in
                let dx = px - x, dy = py - y
                let u = (dx * cos(rot) + dy * sin(rot)) / aspect, v = -dx * sin(rot) + dy * cos(rot)
                let rho = hypot(u, v), phi = atan2(v, u)
                let ring = ringRadius(phi)
                // Each blob is a thick arc with rounded ends, fattest in its middle.
                for arc in arcs {
                    var a = (phi - arc.start).truncatingRemainder(dividingBy: 2 * .pi)
                    if a < 0 { a += 2 * .pi }
                    let half = thick * 0.5
                    if a < arc.length {
                        let fat = 0.55 + 0.45 * sin(Double.pi * a / arc.length)
                        if abs(rho - ring) < half * fat { return spotColour }
                    } else {
                        for end in [arc.start, arc.start + arc.length] {
                            let er = ringRadius(end)
                            if hypot(u - er * cos(end), v - er * sin(end)) < half * 0.55 { return spotColour }
                        }
                    }
                }
                if rho < ring - thick * 0.3 {
                    return RGB(base.r * (centreDark + 0.05), base.g * centreDark * 0.93, base.b * centreDark * 0.88)
                }
                return nil
            }
        }
        // Solid spots elsewhere: small on head and legs, larger on belly, along the spine and tail.
        var spots: [(Double, Double)] = []
        for _ in 0..<12000 {
            let x = rng.uniform(model.domain.minX, model.domain.maxX), y = rng.uniform(0, model.domain.maxY)
            guard let kind = region.kind(x, y), kind != .torso || y > t.cy + t.b * 0.82 || y < t.cy - t.b * 0.5 else { continue }
            let spacing = kind == .head ? 0.022 : (kind == .torso ? 0.04 : 0.032)
            guard rosettes.allSatisfy({ hypot($0.0 - x, $0.1 - y) > 0.056 }),
                  spots.allSatisfy({ hypot($0.0 - x, $0.1 - y) > spacing }) else { continue }
            spots.append((x, y))
            let r = (kind == .head ? rng.uniform(0.004, 0.008) : (kind == .torso ? rng.uniform(0.009, 0.016) : rng.uniform(0.006, 0.012))) * (winter ? 1.15 : 1)
            let ex = rng.uniform(0.7, 1.3), sseed = UInt32(truncatingIfNeeded: rng.next())
            tex.paint(around: x, y, radius: r * 1.5) { px, py, _ in
                let d = hypot((px - x) / ex, py - y)
                let wobble = 0.8 + 0.4 * Double(ValueNoise.noise(Float(px * 400), Float(py * 400), sseed))
                return d < r * wobble ? spotColour : nil
            }
        }
        if winter { tex.soften(radius: 3) }
        return tex
    }
}

/// Which body region a rest-pose point lies in, for placing pattern elements.
struct CoatRegions {
    enum Kind { case torso, head, leg, tail }
    let model: BodyModel

    func kind(_ x: Double, _ y: Double) -> Kind? {
        for part in model.parts where !part.far && part.shape.contains(x, y) {
            switch part.joint {
            case .body: return .torso
            case .head: return .head
            case .tail: return .tail
            default: return .leg
            }
        }
        return nil
    }

    /// Inside the main torso outline, away from its edge.
    func isTorso(_ x: Double, _ y: Double) -> Bool {
        let t = model.torso
        let dx = abs(x - t.cx) / (t.a * 0.97), dy = abs(y - t.cy) / (t.b * 0.97)
        return dx <= 1 && dy <= 1 && pow(dx, 2.3) + pow(dy, 2.3) <= 1
    }
}
