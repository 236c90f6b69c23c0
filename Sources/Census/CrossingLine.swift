import Foundation

/// A named line animals may cross (a road, a river, a border), as polylines in local metres.
///
/// One GeoJSON Feature is one line; a MultiLineString is one line of several parts. Segments are numbered
/// from 0 over all parts in order, and chainage (distance along the line) runs from the start of the first part
/// through each part in turn.
public struct CrossingLine: Sendable, Equatable {
    public typealias Point = PlanarGeometry.Point

    /// Where on the line: the point, its segment and its chainage.
    public struct Position: Sendable, Equatable {
        public var point: Point
        /// Segment index over all parts (0-based).
        public var segment: Int
        /// Distance along the line from its start, metres.
        public var chainage: Double
        public init(point: Point, segment: Int, chainage: Double) { (self.point, self.segment, self.chainage) = (point, segment, chainage) }
    }

    public var name: String
    /// Parts, each at least 2 points (x east, y north, metres).
    public var parts: [[Point]]

    public init(name: String, parts: [[Point]]) { (self.name, self.parts) = (name, parts) }

    /// Every segment with its index and the chainage at its start.
    var segments: [(a: Point, b: Point, index: Int, start: Double)] {
        var out: [(a: Point, b: Point, index: Int, start: Double)] = [], chainage = 0.0
        for part in parts {
            for (a, b) in zip(part, part.dropFirst()) {
                out.append((a, b, out.count, chainage))
                chainage += Self.length(a, b)
            }
        }
        return out
    }

    /// Total length, metres.
    public var lengthMetres: Double { parts.reduce(0) { total, part in total + zip(part, part.dropFirst()).reduce(0) { $0 + Self.length($1.0, $1.1) } } }

    static func length(_ a: Point, _ b: Point) -> Double { ((b - a) * (b - a)).sum().squareRoot() }

    /// Where the straight path a → b meets the line, in order along the path (`t` ∈ [0, 1] from a to b).
    ///
    /// A path through a vertex between two segments of a part counts once (each segment takes its start point,
    /// a part's last segment also its end); paths along a segment (parallel, overlapping) do not cross it.
    public func intersections(from a: Point, to b: Point) -> [(position: Position, t: Double)] {
        var hits: [(position: Position, t: Double)] = []
        let d = b - a
        var lastOfPart = Set<Int>(), k = -1
        for part in parts where part.count >= 2 { k += part.count - 1; lastOfPart.insert(k) }
        for s in segments {
            let e = s.b - s.a
            let denominator = d.x * e.y - d.y * e.x
            guard abs(denominator) > 1e-12 * max(1, (d * d).sum(), (e * e).sum()) else { continue }
            let w = s.a - a
            let t = (w.x * e.y - w.y * e.x) / denominator, u = (w.x * d.y - w.y * d.x) / denominator
            let uEnd = lastOfPart.contains(s.index) ? u <= 1 : u < 1
            guard t >= 0, t <= 1, u >= 0, uEnd else { continue }
            let p = s.a + u * e
            hits.append((Position(point: p, segment: s.index, chainage: s.start + u * Self.length(s.a, s.b)), t))
        }
        return hits.sorted { $0.t < $1.t }
    }

    /// The nearest point of the line to `p` and its distance (metres); nil for a line without segments.
    public func nearest(to p: Point) -> (position: Position, distance: Double)? {
        var best: (position: Position, distance: Double)?
        for s in segments {
            let e = s.b - s.a, length2 = (e * e).sum()
            let u = length2 > 0 ? max(0, min(1, ((p - s.a) * e).sum() / length2)) : 0
            let q = s.a + u * e, distance = Self.length(p, q)
            if best == nil || distance < best!.distance {
                best = (Position(point: q, segment: s.index, chainage: s.start + u * length2.squareRoot()), distance)
            }
        }
        return best
    }

    /// The first and last chainage (metres) of the line inside the axis-aligned square `[x0, x1] × [y0, y1]`;
    /// nil when the line does not enter it. What a generalised crossing may say of "where along the line": the
    /// stretch inside its grid cell, which anyone with the line and the cell can work out.
    public func chainageRange(x0: Double, x1: Double, y0: Double, y1: Double) -> ClosedRange<Double>? {
        var lo = Double.infinity, hi = -Double.infinity
        for s in segments {
            let d = s.b - s.a, length = Self.length(s.a, s.b)
            // Liang–Barsky: the part u ∈ [enter, leave] of the segment inside the square.
            var enter = 0.0, leave = 1.0, inside = true
            for (p, q) in [(-d.x, s.a.x - x0), (d.x, x1 - s.a.x), (-d.y, s.a.y - y0), (d.y, y1 - s.a.y)] {
                if p == 0 {
                    if q < 0 { inside = false }
                } else if p < 0 {
                    enter = max(enter, q / p)
                } else {
                    leave = min(leave, q / p)
                }
            }
            guard inside, enter <= leave else { continue }
            lo = min(lo, s.start + enter * length)
            hi = max(hi, s.start + leave * length)
        }
        return lo <= hi ? lo...hi : nil
    }
}
