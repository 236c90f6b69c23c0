import Foundation
import Identify

/// A 2-D affine map `x' = a·x + b·y + c`, `y' = d·x + e·y + f`: how the review screen's locked zoom moves one photo
/// to the same part of the animal as the other.
public struct Affine2D: Sendable, Equatable, Encodable {
    public var a, b, c, d, e, f: Double

    public init(a: Double, b: Double, c: Double, d: Double, e: Double, f: Double) {
        (self.a, self.b, self.c, self.d, self.e, self.f) = (a, b, c, d, e, f)
    }

    public static let identity = Affine2D(a: 1, b: 0, c: 0, d: 0, e: 1, f: 0)

    /// The image of a point.
    public func apply(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        (a * x + b * y + c, d * x + e * y + f)
    }

    /// The determinant of the linear part (its square root is the map's mean scale).
    public var determinant: Double { a * e - b * d }

    /// The inverse map, or nil when the map is singular.
    public var inverse: Affine2D? {
        let det = determinant
        guard abs(det) > 1e-12, det.isFinite else { return nil }
        let ia = e / det, ib = -b / det, id = -d / det, ie = a / det
        return Affine2D(a: ia, b: ib, c: -(ia * c + ib * f), d: id, e: ie, f: -(id * c + ie * f))
    }

    /// The least-squares affine map taking each `from` point to its `to` point, or nil with fewer than three pairs
    /// or when the `from` points lie (nearly) on a line.
    ///
    /// Solves the two 3×3 normal equations on centred coordinates (for conditioning).
    public static func fit(from: [(x: Double, y: Double)], to: [(x: Double, y: Double)]) -> Affine2D? {
        let n = min(from.count, to.count)
        guard n >= 3 else { return nil }
        let mx = from.prefix(n).map(\.x).reduce(0, +) / Double(n), my = from.prefix(n).map(\.y).reduce(0, +) / Double(n)
        let tx = to.prefix(n).map(\.x).reduce(0, +) / Double(n), ty = to.prefix(n).map(\.y).reduce(0, +) / Double(n)
        var sxx = 0.0, sxy = 0.0, syy = 0.0, ux = 0.0, uy = 0.0, vx = 0.0, vy = 0.0
        for i in 0..<n {
            let x = from[i].x - mx, y = from[i].y - my, u = to[i].x - tx, v = to[i].y - ty
            sxx += x * x; sxy += x * y; syy += y * y
            ux += u * x; uy += u * y; vx += v * x; vy += v * y
        }
        let det = sxx * syy - sxy * sxy
        // Collinear points leave one direction unconstrained.
        guard det > 1e-9 * max(1, (sxx + syy) * (sxx + syy)) else { return nil }
        let a = (ux * syy - uy * sxy) / det, b = (uy * sxx - ux * sxy) / det
        let d = (vx * syy - vy * sxy) / det, e = (vy * sxx - vx * sxy) / det
        return Affine2D(a: a, b: b, c: tx - a * mx - b * my, d: d, e: e, f: ty - d * mx - e * my)
    }

    /// The map taking box `from` onto box `to` (scale and shift, no rotation): the locked zoom without matched pairs.
    public static func boxRelative(from: PixelBox, to: PixelBox) -> Affine2D {
        let sx = from.width > 0 ? to.width / from.width : 1, sy = from.height > 0 ? to.height / from.height : 1
        return Affine2D(a: sx, b: 0, c: to.x - sx * from.x, d: 0, e: sy, f: to.y - sy * from.y)
    }

    /// Root-mean-square distance between the mapped `from` points and the `to` points (pixels).
    public func residual(from: [(x: Double, y: Double)], to: [(x: Double, y: Double)]) -> Double {
        let n = min(from.count, to.count)
        guard n > 0 else { return 0 }
        var sum = 0.0
        for i in 0..<n {
            let p = apply(from[i].x, from[i].y)
            sum += (p.x - to[i].x) * (p.x - to[i].x) + (p.y - to[i].y) * (p.y - to[i].y)
        }
        return (sum / Double(n)).squareRoot()
    }

    /// The six coefficients as the page uses them: `[a, b, c, d, e, f]`.
    public var coefficients: [Double] { [a, b, c, d, e, f] }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(coefficients)
    }
}
