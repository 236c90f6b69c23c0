import Foundation

/// A road as a polyline in local metres: distances to it and the nearest point on it.
public struct RoadLine: Sendable, Equatable {
    public var points: [Point]

    public init(points: [Point]) { self.points = points }

    /// Nearest point of the road to `p` (p itself when the road is empty).
    public func nearestPoint(to p: Point) -> Point {
        guard let first = points.first else { return p }
        var best = first, bestD2 = p.distanceSquared(to: first)
        for (a, b) in zip(points, points.dropFirst()) {
            let dx = b.x - a.x, dy = b.y - a.y
            let length2 = dx * dx + dy * dy
            let t = length2 > 0 ? max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2)) : 0
            let q = Point(x: a.x + t * dx, y: a.y + t * dy)
            let d2 = p.distanceSquared(to: q)
            if d2 < bestD2 { best = q; bestD2 = d2 }
        }
        return best
    }

    /// Distance (metres) from `p` to the road; infinity without a road.
    public func distance(to p: Point) -> Double {
        points.count < 2 ? .infinity : p.distanceSquared(to: nearestPoint(to: p)).squareRoot()
    }

    /// How many times the straight path a → b crosses the road (a vertex between two segments counts once;
    /// a path along a segment does not cross it). Odd: a and b are on opposite sides.
    public func crossings(from a: Point, to b: Point) -> Int {
        let dx = b.x - a.x, dy = b.y - a.y
        var n = 0
        for (k, (p, q)) in zip(points, points.dropFirst()).enumerated() {
            let ex = q.x - p.x, ey = q.y - p.y
            let denominator = dx * ey - dy * ex
            guard abs(denominator) > 1e-12 * max(1, dx * dx + dy * dy, ex * ex + ey * ey) else { continue }
            let wx = p.x - a.x, wy = p.y - a.y
            let t = (wx * ey - wy * ex) / denominator, u = (wx * dy - wy * dx) / denominator
            if t >= 0, t <= 1, u >= 0, u < 1 || (k == points.count - 2 && u <= 1) { n += 1 }
        }
        return n
    }

    /// Parses `x1,y1;x2,y2;...` in local kilometres.
    public static func parse(kilometres text: String) throws -> RoadLine {
        var points: [Point] = []
        for pair in text.split(separator: ";") {
            let xy = pair.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard xy.count == 2, let x = xy[0], let y = xy[1] else {
                throw SimulationError.invalidParameter(name: "road", value: "\"\(pair)\"", reason: "expected x,y in km, points separated by ';'")
            }
            points.append(Point(x: x * 1000, y: y * 1000))
        }
        guard points.count >= 2 else {
            throw SimulationError.invalidParameter(name: "road", value: "\"\(text)\"", reason: "a road line needs at least 2 points")
        }
        return RoadLine(points: points)
    }

    /// Reads the first LineString (or MultiLineString, Feature, FeatureCollection) of a GeoJSON file,
    /// longitude/latitude WGS84, projected to local metres around `origin`; several lines are joined in order.
    public static func read(geoJSONAt url: URL, origin: GeoOrigin) throws -> RoadLine {
        let json = try GeoJSONFile.object(at: url)
        var points: [Point] = []
        try collect(json, into: &points, file: url.path, origin: origin)
        guard points.count >= 2 else {
            throw SimulationError.badGeoJSON(file: url.path, reason: "it holds no LineString with at least 2 positions")
        }
        return RoadLine(points: points)
    }

    private static func collect(_ object: Any, into points: inout [Point], file: String, origin: GeoOrigin) throws {
        guard let dict = object as? [String: Any], let type = dict["type"] as? String else {
            throw SimulationError.badGeoJSON(file: file, reason: "an object without a \"type\"")
        }
        switch type {
        case "FeatureCollection":
            for feature in dict["features"] as? [Any] ?? [] { try collect(feature, into: &points, file: file, origin: origin) }
        case "Feature":
            if let geometry = dict["geometry"], !(geometry is NSNull) { try collect(geometry, into: &points, file: file, origin: origin) }
        case "LineString":
            try append(dict["coordinates"], to: &points, file: file, origin: origin)
        case "MultiLineString":
            for line in dict["coordinates"] as? [Any] ?? [] { try append(line, to: &points, file: file, origin: origin) }
        default:
            break
        }
    }

    private static func append(_ object: Any?, to points: inout [Point], file: String, origin: GeoOrigin) throws {
        guard let positions = object as? [Any] else {
            throw SimulationError.badGeoJSON(file: file, reason: "a LineString without coordinates")
        }
        for position in positions {
            points.append(try GeoJSONFile.point(position, file: file, origin: origin))
        }
    }
}
