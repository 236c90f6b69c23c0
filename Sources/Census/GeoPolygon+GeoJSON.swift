import Foundation

extension GeoPolygon {
    /// Reads a GeoJSON file holding a Polygon or MultiPolygon (bare geometry, Feature or FeatureCollection).
    public static func read(contentsOf url: URL) throws -> GeoPolygon {
        try parse(try GeoJSONDocument.data(at: url), fileName: url.path)
    }

    /// Parses GeoJSON text; all Polygon and MultiPolygon geometries found are combined.
    public static func parse(_ data: Data, fileName: String) throws -> GeoPolygon {
        let object = try GeoJSONDocument.object(data, fileName: fileName)
        var parts: [Part] = []
        try collect(object, into: &parts, file: fileName)
        guard !parts.isEmpty else {
            throw CensusError.invalidGeoJSON(file: fileName, reason: "no Polygon or MultiPolygon geometry found")
        }
        return GeoPolygon(parts: parts)
    }

    private static func collect(_ object: Any, into parts: inout [Part], file: String) throws {
        guard let dict = object as? [String: Any], let type = dict["type"] as? String else {
            throw CensusError.invalidGeoJSON(file: file, reason: "object without a 'type'")
        }
        switch type {
        case "FeatureCollection":
            for feature in dict["features"] as? [Any] ?? [] { try collect(feature, into: &parts, file: file) }
        case "Feature":
            if let geometry = dict["geometry"], !(geometry is NSNull) { try collect(geometry, into: &parts, file: file) }
        case "GeometryCollection":
            for g in dict["geometries"] as? [Any] ?? [] { try collect(g, into: &parts, file: file) }
        case "Polygon":
            parts.append(try part(dict["coordinates"], file: file))
        case "MultiPolygon":
            guard let polygons = dict["coordinates"] as? [Any] else {
                throw CensusError.invalidGeoJSON(file: file, reason: "MultiPolygon without coordinates")
            }
            for p in polygons { parts.append(try part(p, file: file)) }
        default:
            throw CensusError.invalidGeoJSON(file: file, reason: "geometry type '\(type)' is not a Polygon or MultiPolygon")
        }
    }

    private static func part(_ coordinates: Any?, file: String) throws -> Part {
        guard let rings = coordinates as? [Any], !rings.isEmpty else {
            throw CensusError.invalidGeoJSON(file: file, reason: "Polygon without rings")
        }
        let parsed = try rings.map { ring -> [SIMD2<Double>] in
            guard let points = ring as? [Any], points.count >= 4 else {
                throw CensusError.invalidGeoJSON(file: file, reason: "a ring needs at least 4 positions")
            }
            return try points.map { point in
                guard let xy = point as? [Any], xy.count >= 2,
                      let x = (xy[0] as? NSNumber)?.doubleValue, let y = (xy[1] as? NSNumber)?.doubleValue else {
                    throw CensusError.invalidGeoJSON(file: file, reason: "position is not [x, y]")
                }
                return SIMD2(x, y)
            }
        }
        return Part(outer: parsed[0], holes: Array(parsed.dropFirst()))
    }
}
