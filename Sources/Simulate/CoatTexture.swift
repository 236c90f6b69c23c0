import Foundation

/// A coat painted in rest-pose model space (one per individual flank, or per species variant).
/// Body parts sample it at their rest-pose coordinates, so the pattern follows the animal through
/// any pose, distance and framing — the property identification relies on.
struct CoatTexture: Sendable {
    let width: Int
    let height: Int
    let texelsPerMetre: Double
    let minX: Double
    let maxY: Double
    var rgb: [UInt8]

    init(domain: (minX: Double, minY: Double, maxX: Double, maxY: Double), texelsPerMetre: Double) {
        self.texelsPerMetre = texelsPerMetre
        minX = domain.minX
        maxY = domain.maxY
        width = max(1, Int((domain.maxX - domain.minX) * texelsPerMetre))
        height = max(1, Int((domain.maxY - domain.minY) * texelsPerMetre))
        rgb = [UInt8](repeating: 0, count: width * height * 3)
    }

    /// Model coordinates of texel (i, j).
    @inline(__always) func model(_ i: Int, _ j: Int) -> (x: Double, y: Double) {
        (minX + (Double(i) + 0.5) / texelsPerMetre, maxY - (Double(j) + 0.5) / texelsPerMetre)
    }

    /// Bilinear sample at model coordinates.
    @inline(__always) func sample(_ x: Double, _ y: Double) -> RGB {
        let fx = (x - minX) * texelsPerMetre - 0.5, fy = (maxY - y) * texelsPerMetre - 0.5
        let x0 = min(max(Int(fx.rounded(.down)), 0), width - 2), y0 = min(max(Int(fy.rounded(.down)), 0), height - 2)
        let tx = Float(min(max(fx - Double(x0), 0), 1)), ty = Float(min(max(fy - Double(y0), 0), 1))
        return rgb.withUnsafeBufferPointer { p in
            let i00 = (y0 * width + x0) * 3, i10 = i00 + 3, i01 = i00 + width * 3, i11 = i01 + 3
            @inline(__always) func ch(_ c: Int) -> Float {
                let a = Float(p[i00 + c]) + (Float(p[i10 + c]) - Float(p[i00 + c])) * tx
                let b = Float(p[i01 + c]) + (Float(p[i11 + c]) - Float(p[i01 + c])) * tx
                return a + (b - a) * ty
            }
            return RGB(ch(0), ch(1), ch(2))
        }
    }

    @inline(__always) mutating func set(_ i: Int, _ j: Int, _ c: RGB) {
        let k = (j * width + i) * 3
        rgb[k] = clampByte(c.r); rgb[k + 1] = clampByte(c.g); rgb[k + 2] = clampByte(c.b)
    }

    @inline(__always) func get(_ i: Int, _ j: Int) -> RGB {
        let k = (j * width + i) * 3
        return RGB(Float(rgb[k]), Float(rgb[k + 1]), Float(rgb[k + 2]))
    }

    /// Paints every texel with `colour(x, y)`.
    mutating func fill(_ colour: (Double, Double) -> RGB) {
        for j in 0..<height {
            for i in 0..<width {
                let p = model(i, j)
                set(i, j, colour(p.x, p.y))
            }
        }
    }

    /// Visits texels within `radius` metres of (cx, cy) with their model coordinates.
    mutating func paint(around cx: Double, _ cy: Double, radius: Double, _ body: (Double, Double, RGB) -> RGB?) {
        let i0 = max(0, Int((cx - radius - minX) * texelsPerMetre)), i1 = min(width - 1, Int((cx + radius - minX) * texelsPerMetre) + 1)
        let j0 = max(0, Int((maxY - cy - radius) * texelsPerMetre)), j1 = min(height - 1, Int((maxY - cy + radius) * texelsPerMetre) + 1)
        guard i0 <= i1, j0 <= j1 else { return }
        for j in j0...j1 {
            for i in i0...i1 {
                let p = model(i, j)
                if let c = body(p.x, p.y, get(i, j)) { set(i, j, c) }
            }
        }
    }
}

extension CoatTexture {
    /// Softens the painted coat with a separable box blur of `radius` texels (long winter fur).
    mutating func soften(radius: Int) {
        guard radius > 0, width > 2 * radius, height > 2 * radius else { return }
        let w = width, h = height, n = 2 * radius + 1
        var tmp = rgb
        for j in 0..<h {
            for c in 0..<3 {
                var sum = 0
                for i in -radius...radius { sum += Int(rgb[(j * w + min(max(i, 0), w - 1)) * 3 + c]) }
                for i in 0..<w {
                    tmp[(j * w + i) * 3 + c] = UInt8(sum / n)
                    sum += Int(rgb[(j * w + min(i + radius + 1, w - 1)) * 3 + c]) - Int(rgb[(j * w + max(i - radius, 0)) * 3 + c])
                }
            }
        }
        for i in 0..<w {
            for c in 0..<3 {
                var sum = 0
                for j in -radius...radius { sum += Int(tmp[(min(max(j, 0), h - 1) * w + i) * 3 + c]) }
                for j in 0..<h {
                    rgb[(j * w + i) * 3 + c] = UInt8(sum / n)
                    sum += Int(tmp[(min(j + radius + 1, h - 1) * w + i) * 3 + c]) - Int(tmp[(max(j - radius, 0) * w + i) * 3 + c])
                }
            }
        }
    }
}
