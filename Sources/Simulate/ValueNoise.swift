import Foundation

/// Hash-based value noise: deterministic, allocation-free, cheap enough for per-pixel use.
enum ValueNoise {
    /// A 32-bit integer hash of a lattice point.
    @inline(__always) static func hash(_ x: Int32, _ y: Int32, _ seed: UInt32) -> UInt32 {
        var h = UInt32(bitPattern: x) &* 0x8DA6_B343 ^ UInt32(bitPattern: y) &* 0xD816_3841 ^ seed &* 0xCB1A_B31F
        h ^= h >> 13
        h = h &* 0x85EB_CA6B
        h ^= h >> 16
        return h
    }

    /// Lattice value in [0, 1).
    @inline(__always) static func lattice(_ x: Int32, _ y: Int32, _ seed: UInt32) -> Float {
        Float(hash(x, y, seed) >> 8) * (1.0 / 16_777_216.0)
    }

    /// Smooth value noise in [0, 1) at (x, y) in lattice units.
    @inline(__always) static func noise(_ x: Float, _ y: Float, _ seed: UInt32) -> Float {
        let fx = x.rounded(.down), fy = y.rounded(.down)
        let ix = Int32(fx), iy = Int32(fy)
        var tx = x - fx, ty = y - fy
        tx = tx * tx * (3 - 2 * tx)
        ty = ty * ty * (3 - 2 * ty)
        let a = lattice(ix, iy, seed), b = lattice(ix + 1, iy, seed)
        let c = lattice(ix, iy + 1, seed), d = lattice(ix + 1, iy + 1, seed)
        let top = a + (b - a) * tx, bottom = c + (d - c) * tx
        return top + (bottom - top) * ty
    }

    /// Fractal sum of `octaves` octaves, normalised to [0, 1).
    @inline(__always) static func fbm(_ x: Float, _ y: Float, octaves: Int, _ seed: UInt32) -> Float {
        var sum: Float = 0, amplitude: Float = 0.5, norm: Float = 0, fx = x, fy = y
        for o in 0..<octaves {
            sum += amplitude * noise(fx, fy, seed &+ UInt32(o) &* 1013)
            norm += amplitude
            amplitude *= 0.5
            fx *= 2.03
            fy *= 2.03
        }
        return sum / norm
    }

    /// Uniform white noise in [-1, 1) for pixel (x, y) and frame seed.
    @inline(__always) static func white(_ x: Int, _ y: Int, _ seed: UInt32) -> Float {
        Float(hash(Int32(truncatingIfNeeded: x), Int32(truncatingIfNeeded: y), seed) >> 8) * (2.0 / 16_777_216.0) - 1
    }
}

/// An RGB colour with float channels in 0…255.
struct RGB: Sendable, Equatable {
    var r: Float, g: Float, b: Float
    init(_ r: Float, _ g: Float, _ b: Float) { self.r = r; self.g = g; self.b = b }

    @inline(__always) func mix(_ o: RGB, _ t: Float) -> RGB {
        RGB(r + (o.r - r) * t, g + (o.g - g) * t, b + (o.b - b) * t)
    }
    @inline(__always) static func * (c: RGB, k: Float) -> RGB { RGB(c.r * k, c.g * k, c.b * k) }
    @inline(__always) static func + (a: RGB, b: RGB) -> RGB { RGB(a.r + b.r, a.g + b.g, a.b + b.b) }
    /// Near-infrared response: foliage bright, fur by luminance.
    @inline(__always) var infrared: Float { 0.25 * r + 0.6 * g + 0.15 * b }
}

@inline(__always) func clampByte(_ v: Float) -> UInt8 {
    v <= 0 ? 0 : (v >= 255 ? 255 : UInt8(v))
}

@inline(__always) func smoothstep(_ e0: Float, _ e1: Float, _ x: Float) -> Float {
    let t = min(max((x - e0) / (e1 - e0), 0), 1)
    return t * t * (3 - 2 * t)
}

/// `lower..<upper`, or an empty range when upper < lower (shapes partly or wholly off-frame).
@inline(__always) func span(_ lower: Int, _ upper: Int) -> Range<Int> {
    lower < upper ? lower..<upper : lower..<lower
}
