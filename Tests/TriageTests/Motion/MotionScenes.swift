import Foundation
@testable import Triage

/// Deterministic grey scenes for the motion detector (issue #17): a leaf-litter texture lit in different ways,
/// vegetation swaying in place, and a small dark animal crossing, as already-reduced 256×192 frames.
enum MotionScenes {
    static let width = 256, height = 192

    /// A reproducible pseudo-random value in 0..<1 for a lattice point.
    static func hash(_ x: Int, _ y: Int, _ seed: Int) -> Double {
        var h = UInt64(bitPattern: Int64(x &* 73_856_093 ^ y &* 19_349_663 ^ seed &* 83_492_791))
        h = (h ^ (h >> 33)) &* 0xff51_afd7_ed55_8ccd
        h = (h ^ (h >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return Double(h % 10_000) / 10_000
    }

    /// Smooth value noise: lattice values every `cell` pixels, bilinearly interpolated, in 0..<1.
    static func valueNoise(_ x: Double, _ y: Double, cell: Double, seed: Int) -> Double {
        let gx = x / cell, gy = y / cell
        let x0 = Int(gx.rounded(.down)), y0 = Int(gy.rounded(.down))
        let fx = gx - Double(x0), fy = gy - Double(y0)
        let a = hash(x0, y0, seed), b = hash(x0 + 1, y0, seed), c = hash(x0, y0 + 1, seed), d = hash(x0 + 1, y0 + 1, seed)
        return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy
    }

    /// Leaf litter: blotches of 3 to 6 pixels, grey 40–140 (reflectance, before light).
    static func litter(_ x: Double, _ y: Double) -> Double {
        40 + 70 * valueNoise(x, y, cell: 5, seed: 1) + 30 * valueNoise(x, y, cell: 3, seed: 2)
    }

    /// A frame from a per-pixel grey function, clamped to 0–255; `colourfulness` marks it a day frame.
    static func frame(_ value: (Double, Double) -> Double) -> MotionFrame {
        var grey = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                grey[y * width + x] = UInt8(max(0, min(255, value(Double(x), Double(y)).rounded())))
            }
        }
        return MotionFrame(width: width, height: height, grey: grey, colourfulness: 20)
    }

    /// Sun flecks: soft bright patches (up to 1 + `strength` times the light, radius ~12 px) at `flecks` over the
    /// litter, under a global exposure `exposure` (not blown out: flecks that saturate lose the texture).
    static func sunFlecks(_ flecks: [(x: Double, y: Double)], exposure: Double, strength: Double = 0.6) -> MotionFrame {
        frame { x, y in
            var light = 1.0
            for f in flecks {
                let d2 = (x - f.x) * (x - f.x) + (y - f.y) * (y - f.y)
                light += strength * exp(-d2 / (2 * 12 * 12))
            }
            return litter(x, y) * exposure * light
        }
    }

    /// The box (x, y, width, height in pixels) of the swaying plant.
    static let plant = (x: 150.0, y: 30.0, width: 70.0, height: 60.0)

    /// Litter with a plant whose fronds (stripes 4 px wide, contrast ~90) are displaced sideways by `sway` pixels,
    /// more at their tips (top) than at their base.
    static func windSway(_ sway: Double) -> MotionFrame {
        frame { x, y in
            let p = plant
            guard x >= p.x, x < p.x + p.width, y >= p.y, y < p.y + p.height else { return litter(x, y) }
            let lever = (p.y + p.height - y) / p.height
            let u = x - p.x + sway * lever
            return 70 + 45 * (1 + sin(u * Double.pi / 4)) * (0.8 + 0.2 * valueNoise(u, y, cell: 6, seed: 3))
        }
    }

    /// The box (pixels) of the dark animal crossing at `x`: 44×33 px, about 3% of the frame.
    static func animalBox(at x: Double) -> (x: Double, y: Double, width: Double, height: Double) {
        (x: x, y: 120, width: 44, height: 33)
    }

    /// Litter under `exposure` with a dark, dull animal (an ellipse in its box, grey ~25 below the litter's mean) at `x`.
    static func darkAnimal(at ax: Double?, exposure: Double) -> MotionFrame {
        frame { x, y in
            if let ax {
                let b = animalBox(at: ax)
                let cx = b.x + b.width / 2, cy = b.y + b.height / 2
                let e = ((x - cx) / (b.width / 2)) * ((x - cx) / (b.width / 2)) + ((y - cy) / (b.height / 2)) * ((y - cy) / (b.height / 2))
                if e <= 1 { return (80 + 8 * valueNoise(x - ax, y, cell: 4, seed: 4)) * exposure }
            }
            return litter(x, y) * exposure
        }
    }
}
