import Foundation

extension Region {
    /// Reads polygons from a GeoJSON file (Polygon, MultiPolygon, Feature or FeatureCollection;
    /// coordinates longitude/latitude WGS84) and projects them to local metres around `origin`.
    /// Only outer rings are used; holes in a polygon should be given as non-habitat instead.
    public static func polygons(geoJSONAt url: URL, origin: GeoOrigin) throws -> [Polygon] {
        let json = try GeoJSONFile.object(at: url)
        var polygons: [Polygon] = []
        try collect(json, into: &polygons, file: url.path, origin: origin)
        if polygons.isEmpty {
            throw SimulationError.badGeoJSON(file: url.path, reason: "it holds no Polygon or MultiPolygon geometry")
        }
        return polygons
    }

    private static func collect(_ object: Any, into polygons: inout [Polygon], file: String, origin: GeoOrigin) throws {
        guard let dict = object as? [String: Any], let type = dict["type"] as? String else {
            throw SimulationError.badGeoJSON(file: file, reason: "an object without a \"type\"")
        }
        switch type {
        case "FeatureCollection":
            for feature in dict["features"] as? [Any] ?? [] {
                try collect(feature, into: &polygons, file: file, origin: origin)
            }
        case "Feature":
            if let geometry = dict["geometry"], !(geometry is NSNull) {
                try collect(geometry, into: &polygons, file: file, origin: origin)
            }
        case "GeometryCollection":
            for geometry in dict["geometries"] as? [Any] ?? [] {
                try collect(geometry, into: &polygons, file: file, origin: origin)
            }
        case "Polygon":
            guard let rings = dict["coordinates"] as? [Any], let outer = rings.first else {
                throw SimulationError.badGeoJSON(file: file, reason: "a Polygon without coordinates")
            }
            polygons.append(try ring(outer, file: file, origin: origin))
        case "MultiPolygon":
            for polygon in dict["coordinates"] as? [Any] ?? [] {
                guard let rings = polygon as? [Any], let outer = rings.first else {
                    throw SimulationError.badGeoJSON(file: file, reason: "a MultiPolygon member without rings")
                }
                polygons.append(try ring(outer, file: file, origin: origin))
            }
        default:
            break
        }
    }

    private static func ring(_ object: Any, file: String, origin: GeoOrigin) throws -> Polygon {
        guard let positions = object as? [Any], positions.count >= 4 else {
            throw SimulationError.badGeoJSON(file: file, reason: "a ring with fewer than 4 positions")
        }
        var vertices: [Point] = []
        for position in positions {
            vertices.append(try GeoJSONFile.point(position, file: file, origin: origin))
        }
        return Polygon(vertices: vertices)
    }
}
