import Foundation

extension CoatTexture {
    /// The coat of a body kind (leopards use ``leopard(model:seed:)`` per flank instead).
    static func coat(for model: BodyModel, seed: UInt64) -> CoatTexture {
        switch model.kind {
        case .leopard: return leopard(model: model, seed: seed)
        case .tiger: return tiger(model: model, seed: seed)
        case .sikaDeer: return deer(model: model, seed: seed, spotted: true)
        case .roeDeer: return deer(model: model, seed: seed, spotted: false)
        case .boar: return boar(model: model, seed: seed)
        case .person, .vehicle: return CoatTexture(domain: (0, 0, 0.02, 0.02), texelsPerMetre: 100)
        }
    }

    /// Amur tiger: orange with white belly and dark, tapering, sometimes doubled vertical stripes.
    static func tiger(model: BodyModel, seed: UInt64) -> CoatTexture {
        var rng = SeededGenerator(seed: seed, stream: "tiger")
        var tex = CoatTexture(domain: model.domain, texelsPerMetre: 200)
        let t = model.torso, nseed = UInt32(truncatingIfNeeded: rng.next())
        let orange = RGB(212, 118, 44), white = RGB(232, 226, 214)
        tex.fill { x, y in
            let yRel = Float((y - t.cy) / t.b)
            var c = white.mix(orange, smoothstep(-0.7, -0.35, yRel)) * (1 - 0.15 * smoothstep(0.4, 1, yRel))
            if y < t.cy - t.b { c = orange.mix(white, 0.3) }
            return c * (0.9 + 0.2 * ValueNoise.fbm(Float(x * 20), Float(y * 20), octaves: 3, nseed))
        }
        let stripe = RGB(28, 20, 16)
        var x = model.domain.minX + 0.05
        while x < model.domain.maxX - 0.05 {
            let width = rng.uniform(0.012, 0.03), top = t.cy + t.b * 1.3, bottom = rng.uniform(0.0, t.cy - t.b * 0.2)
            let slant = rng.uniform(-0.25, 0.1), wseed = UInt32(truncatingIfNeeded: rng.next())
            let doubled = rng.bernoulli(0.3)
            for j in 0..<tex.height {
                let (_, y) = tex.model(0, j)
                guard y < top, y > bottom else { continue }
                let f = (top - y) / (top - bottom)
                let centre = x + slant * (top - y) + 0.02 * Double(ValueNoise.noise(Float(y * 25), 0, wseed) - 0.5)
                let half = width * (1 - 0.8 * f) * 0.5
                for offset in doubled ? [-half * 1.6, half * 1.6] : [0.0] {
                    let i0 = Int((centre + offset - half - tex.minX) * tex.texelsPerMetre), i1 = Int((centre + offset + half - tex.minX) * tex.texelsPerMetre)
                    let lo = max(0, i0), hi = min(tex.width - 1, i1)
                    if lo <= hi { for i in lo...hi { tex.set(i, j, stripe) } }
                }
            }
            x += rng.uniform(0.05, 0.09)
        }
        return tex
    }

    /// Sika deer (red-brown with faint white spots in rows) or roe deer (plain grey-brown), pale rump.
    static func deer(model: BodyModel, seed: UInt64, spotted: Bool) -> CoatTexture {
        var rng = SeededGenerator(seed: seed, stream: "deer")
        var tex = CoatTexture(domain: model.domain, texelsPerMetre: 160)
        let t = model.torso, nseed = UInt32(truncatingIfNeeded: rng.next())
        let base = spotted ? RGB(150, 84, 50) : RGB(132, 106, 82), pale = RGB(222, 214, 200)
        tex.fill { x, y in
            var c = base * (1 - 0.12 * Float(max(0, (y - t.cy) / t.b)))
            if y < t.cy - t.b * 0.6 { c = c.mix(pale, 0.45) }
            if x < t.cx - t.a * 0.82, y > t.cy - t.b * 0.5 { c = pale }  // rump patch
            return c * (0.92 + 0.16 * ValueNoise.fbm(Float(x * 25), Float(y * 25), octaves: 2, nseed))
        }
        if spotted {
            let region = CoatRegions(model: model)
            for row in 0..<3 {
                let y = t.cy + t.b * (0.55 - 0.3 * Double(row))
                var x = t.cx - t.a * 0.8
                while x < t.cx + t.a * 0.75 {
                    if region.isTorso(x, y) {
                        let r = rng.uniform(0.008, 0.013)
                        tex.paint(around: x, y, radius: r) { px, py, c in hypot(px - x, py - y) < r ? c.mix(pale, 0.55) : nil }
                    }
                    x += rng.uniform(0.045, 0.07)
                }
            }
        }
        return tex
    }

    /// Wild boar: dark bristly brown-grey, plain.
    static func boar(model: BodyModel, seed: UInt64) -> CoatTexture {
        var rng = SeededGenerator(seed: seed, stream: "boar")
        var tex = CoatTexture(domain: model.domain, texelsPerMetre: 160)
        let nseed = UInt32(truncatingIfNeeded: rng.next())
        let base = RGB(Float(rng.uniform(60, 85)), 56, 46)
        tex.fill { x, y in
            let bristle = ValueNoise.noise(Float(x * 300), Float(y * 60), nseed)
            return base * (0.75 + 0.5 * bristle)
        }
        return tex
    }
}
