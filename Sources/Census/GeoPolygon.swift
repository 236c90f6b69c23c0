import Foundation

/// A (multi)polygon with holes, read from GeoJSON, in the same projected metres as the detectors.
public struct GeoPolygon: Sendable, Equatable {
    /// One polygon: an outer ring followed by zero or more holes; rings are `[x, y]` vertex lists.
    public struct Part: Sendable, Equatable {
        /// Outer boundary.
        public var outer: [SIMD2<Double>]
        /// Holes (non-habitat inside the outer ring).
        public var holes: [[SIMD2<Double>]]

        /// Creates a polygon part.
        public init(outer: [SIMD2<Double>], holes: [[SIMD2<Double>]] = []) {
            self.outer = outer
            self.holes = holes
        }
    }

    /// The polygons; a point is inside when it is inside any part.
    public var parts: [Part]

    /// Creates a multipolygon from parts.
    public init(parts: [Part]) { self.parts = parts }

    /// Whether (x, y) lies inside some part's outer ring and outside that part's holes.
    public func contains(x: Double, y: Double) -> Bool {
        let p = SIMD2(x, y)
        for part in parts where Self.ringContains(part.outer, p) {
            if !part.holes.contains(where: { Self.ringContains($0, p) }) { return true }
        }
        return false
    }

    /// Even–odd ray-casting test.
    static func ringContains(_ ring: [SIMD2<Double>], _ p: SIMD2<Double>) -> Bool {
        guard ring.count >= 3 else { return false }
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i], b = ring[j]
            if (a.y > p.y) != (b.y > p.y) {
                let xCross = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x)
                if p.x < xCross { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}
