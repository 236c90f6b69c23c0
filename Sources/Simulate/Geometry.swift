import Foundation

/// A point in local survey coordinates: metres east (`x`) and north (`y`) of the origin.
public struct Point: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }

    /// Euclidean distance squared to `other`, in m².
    @inline(__always) public func distanceSquared(to other: Point) -> Double {
        let dx = x - other.x, dy = y - other.y
        return dx * dx + dy * dy
    }
}

/// A simple polygon (one outer ring, no holes) in local metres.
public struct Polygon: Sendable, Hashable, Codable {
    public var vertices: [Point]
    public init(vertices: [Point]) { self.vertices = vertices }

    /// An axis-aligned rectangle.
    public static func rectangle(minX: Double, minY: Double, maxX: Double, maxY: Double) -> Polygon {
        Polygon(vertices: [Point(x: minX, y: minY), Point(x: maxX, y: minY),
                           Point(x: maxX, y: maxY), Point(x: minX, y: maxY)])
    }

    /// Even–odd ray test.
    public func contains(_ p: Point) -> Bool {
        var inside = false
        var j = vertices.count - 1
        for i in 0..<vertices.count {
            let a = vertices[i], b = vertices[j]
            if (a.y > p.y) != (b.y > p.y) {
                let xCross = (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x
                if p.x < xCross { inside.toggle() }
            }
            j = i
        }
        return inside
    }

    /// Bounding box as (minX, minY, maxX, maxY).
    public var bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        var b = (minX: Double.infinity, minY: Double.infinity, maxX: -Double.infinity, maxY: -Double.infinity)
        for v in vertices {
            b.minX = min(b.minX, v.x); b.maxX = max(b.maxX, v.x)
            b.minY = min(b.minY, v.y); b.maxY = max(b.maxY, v.y)
        }
        return b
    }
}

/// The study region: habitat polygons minus non-habitat polygons (sea, towns, farmland).
public struct Region: Sendable, Hashable, Codable {
    /// Polygons whose union is the region.
    public var habitat: [Polygon]
    /// Polygons excluded from habitat.
    public var nonHabitat: [Polygon]

    public init(habitat: [Polygon], nonHabitat: [Polygon] = []) {
        self.habitat = habitat
        self.nonHabitat = nonHabitat
    }

    /// A rectangle `width` × `height` metres with its lower-left corner at the origin.
    public static func rectangle(width: Double, height: Double) -> Region {
        Region(habitat: [.rectangle(minX: 0, minY: 0, maxX: width, maxY: height)])
    }

    /// True when `p` is habitat.
    public func isHabitat(_ p: Point) -> Bool {
        habitat.contains { $0.contains(p) } && !nonHabitat.contains { $0.contains(p) }
    }

    /// Bounding box of all habitat polygons.
    public var bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        var b = (minX: Double.infinity, minY: Double.infinity, maxX: -Double.infinity, maxY: -Double.infinity)
        for polygon in habitat {
            let pb = polygon.bounds
            b.minX = min(b.minX, pb.minX); b.maxX = max(b.maxX, pb.maxX)
            b.minY = min(b.minY, pb.minY); b.maxY = max(b.maxY, pb.maxY)
        }
        return b
    }

    /// Habitat area in m², counted on a deterministic 400 × 400 grid of the bounding box.
    public var habitatArea: Double {
        let b = bounds
        let n = 400
        let dx = (b.maxX - b.minX) / Double(n), dy = (b.maxY - b.minY) / Double(n)
        var count = 0
        for i in 0..<n {
            for j in 0..<n where isHabitat(Point(x: b.minX + (Double(i) + 0.5) * dx, y: b.minY + (Double(j) + 0.5) * dy)) {
                count += 1
            }
        }
        return Double(count) * dx * dy
    }

    /// A uniform random habitat point (rejection sampling in the bounding box).
    public func randomPoint(using rng: inout SeededGenerator) -> Point {
        let b = bounds
        for _ in 0..<100_000 {
            let p = Point(x: rng.uniform(b.minX, b.maxX), y: rng.uniform(b.minY, b.maxY))
            if isHabitat(p) { return p }
        }
        return Point(x: (b.minX + b.maxX) / 2, y: (b.minY + b.maxY) / 2)
    }
}

/// The geographic origin of local coordinates; an equirectangular projection around it.
public struct GeoOrigin: Sendable, Hashable, Codable {
    public var latitude: Double
    public var longitude: Double
    /// Land of the Leopard National Park, Primorsky Krai.
    public static let landOfTheLeopard = GeoOrigin(latitude: 43.1, longitude: 131.3)
    static let earthRadius = 6_371_008.8

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// WGS84 latitude/longitude of a local point.
    public func geographic(_ p: Point) -> (latitude: Double, longitude: Double) {
        let lat = latitude + p.y / GeoOrigin.earthRadius * 180 / .pi
        let lon = longitude + p.x / (GeoOrigin.earthRadius * cos(latitude * .pi / 180)) * 180 / .pi
        return (lat, lon)
    }

    /// Local point of a WGS84 latitude/longitude.
    public func local(latitude lat: Double, longitude lon: Double) -> Point {
        Point(x: (lon - longitude) * .pi / 180 * GeoOrigin.earthRadius * cos(latitude * .pi / 180),
              y: (lat - latitude) * .pi / 180 * GeoOrigin.earthRadius)
    }
}
