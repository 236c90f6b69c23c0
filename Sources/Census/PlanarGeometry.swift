import Foundation

/// Plane geometry on local metres: convex hulls, polygon areas, convex clipping.
public enum PlanarGeometry {
    /// A point (x east, y north) in metres.
    public typealias Point = SIMD2<Double>

    /// The convex hull, counter-clockwise, without repeated closing vertex (Andrew's monotone chain).
    ///
    /// Duplicate and collinear points are dropped; fewer than 3 distinct non-collinear points give the
    /// distinct points themselves (a segment or a point, area 0).
    public static func convexHull(_ points: [Point]) -> [Point] {
        let p = Array(Set(points.map { [$0.x, $0.y] })).map { Point($0[0], $0[1]) }.sorted { ($0.x, $0.y) < ($1.x, $1.y) }
        guard p.count >= 3 else { return p }
        func cross(_ o: Point, _ a: Point, _ b: Point) -> Double { (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x) }
        var lower: [Point] = [], upper: [Point] = []
        for q in p {
            while lower.count >= 2 && cross(lower[lower.count - 2], lower[lower.count - 1], q) <= 0 { lower.removeLast() }
            lower.append(q)
        }
        for q in p.reversed() {
            while upper.count >= 2 && cross(upper[upper.count - 2], upper[upper.count - 1], q) <= 0 { upper.removeLast() }
            upper.append(q)
        }
        let hull = Array(lower.dropLast() + upper.dropLast())
        return hull.count >= 3 ? hull : Array(Set(p.map { [$0.x, $0.y] })).map { Point($0[0], $0[1]) }
    }

    /// Signed area (shoelace; positive when counter-clockwise), m².
    public static func signedArea(_ ring: [Point]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var s = 0.0
        for i in ring.indices {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            s += a.x * b.y - b.x * a.y
        }
        return s / 2
    }

    /// Area of a simple polygon, m².
    public static func area(_ ring: [Point]) -> Double { abs(signedArea(ring)) }

    /// The intersection of two convex polygons (Sutherland–Hodgman: `subject` clipped by each edge of `clip`).
    ///
    /// Both are taken counter-clockwise (they are reversed if not). An empty result means no overlap.
    public static func clipConvex(_ subject: [Point], by clip: [Point]) -> [Point] {
        guard subject.count >= 3, clip.count >= 3 else { return [] }
        let c = signedArea(clip) < 0 ? Array(clip.reversed()) : clip
        var output = signedArea(subject) < 0 ? Array(subject.reversed()) : subject
        func side(_ a: Point, _ b: Point, _ p: Point) -> Double { (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) }
        for i in c.indices {
            let a = c[i], b = c[(i + 1) % c.count]
            let input = output
            output = []
            guard !input.isEmpty else { break }
            for j in input.indices {
                let p = input[j], q = input[(j + 1) % input.count]
                let sp = side(a, b, p), sq = side(a, b, q)
                if sp >= 0 { output.append(p) }
                if (sp >= 0) != (sq >= 0) {
                    let t = sp / (sp - sq)
                    output.append(p + (q - p) * t)
                }
            }
        }
        return output.count >= 3 ? output : []
    }

    /// R's default (type 7) sample quantile of `values` at probability `p`.
    public static func quantile(_ values: [Double], _ p: Double) -> Double {
        let s = values.sorted()
        guard s.count > 1 else { return s.first ?? .nan }
        let h = Double(s.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, s.count - 1)
        return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }
}
