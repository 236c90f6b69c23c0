import Core
import Foundation

extension CrossingLine {
    /// Reads the lines of a GeoJSON file (FeatureCollection, Feature, LineString or MultiLineString; WGS84
    /// longitude/latitude), projected to local metres with `projection`.
    ///
    /// Each Feature is one line named by `properties.name` (else `line-1`, `line-2`, … by its place in the file; a repeated
    /// name gets its feature number added);
    /// a MultiLineString (or a GeometryCollection of lines) is one line of several parts. Anything else — a
    /// feature without a line geometry, a part with fewer than 2 positions, a position that is not
    /// [longitude, latitude] — is an error naming the file and the feature.
    public static func read(contentsOf url: URL, projection: LocalProjection) throws -> [CrossingLine] {
        try parse(try GeoJSONDocument.data(at: url), fileName: url.path, projection: projection)
    }

    /// Parses GeoJSON text into lines (see ``read(contentsOf:projection:)``).
    public static func parse(_ data: Data, fileName: String, projection: LocalProjection) throws -> [CrossingLine] {
        let object = try GeoJSONDocument.object(data, fileName: fileName)
        guard let dict = object as? [String: Any], let type = dict["type"] as? String else {
            throw CensusError.invalidGeoJSON(file: fileName, reason: "the top level is not a GeoJSON object with a 'type'")
        }
        let features: [Any]
        switch type {
        case "FeatureCollection":
            guard let list = dict["features"] as? [Any] else {
                throw CensusError.invalidGeoJSON(file: fileName, reason: "FeatureCollection without a 'features' list")
            }
            features = list
        case "Feature": features = [dict]
        default: features = [["type": "Feature", "geometry": dict] as [String: Any]]
        }
        var lines: [CrossingLine] = []
        for (k, feature) in features.enumerated() {
            let at = "feature \(k + 1)"
            guard let f = feature as? [String: Any], f["type"] as? String == "Feature" else {
                throw CensusError.invalidGeoJSON(file: fileName, reason: "\(at) is not a GeoJSON Feature")
            }
            var name = ((f["properties"] as? [String: Any])?["name"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? "line-\(k + 1)"
            if lines.contains(where: { $0.name == name }) { name += " (feature \(k + 1))" }   // names key the per-line tables
            var parts: [[Point]] = []
            try collect(f["geometry"] as Any, into: &parts, file: fileName, at: "\(at) ('\(name)')", projection: projection)
            lines.append(CrossingLine(name: name, parts: parts))
        }
        guard !lines.isEmpty else { throw CensusError.invalidGeoJSON(file: fileName, reason: "no LineString or MultiLineString feature") }
        return lines
    }

    private static func collect(_ geometry: Any, into parts: inout [[Point]], file: String, at: String, projection: LocalProjection) throws {
        guard let g = geometry as? [String: Any], let type = g["type"] as? String else {
            throw CensusError.invalidGeoJSON(file: file, reason: "\(at) has no geometry")
        }
        switch type {
        case "LineString":
            parts.append(try part(g["coordinates"], file: file, at: at, projection: projection))
        case "MultiLineString":
            guard let list = g["coordinates"] as? [Any], !list.isEmpty else {
                throw CensusError.invalidGeoJSON(file: file, reason: "\(at): MultiLineString without coordinates")
            }
            for (k, p) in list.enumerated() { parts.append(try part(p, file: file, at: "\(at), part \(k + 1)", projection: projection)) }
        case "GeometryCollection":
            for member in g["geometries"] as? [Any] ?? [] { try collect(member, into: &parts, file: file, at: at, projection: projection) }
            guard !parts.isEmpty else { throw CensusError.invalidGeoJSON(file: file, reason: "\(at): GeometryCollection without lines") }
        default:
            throw CensusError.invalidGeoJSON(file: file, reason: "\(at): geometry type '\(type)' is not a LineString or MultiLineString")
        }
    }

    private static func part(_ coordinates: Any?, file: String, at: String, projection: LocalProjection) throws -> [Point] {
        guard let positions = coordinates as? [Any], positions.count >= 2 else {
            throw CensusError.invalidGeoJSON(file: file, reason: "\(at): a line needs at least 2 positions")
        }
        return try positions.enumerated().map { k, value in
            guard let p = GeoJSONDocument.position(value, projection: projection) else {
                throw CensusError.invalidGeoJSON(file: file, reason: "\(at): position \(k + 1) is not [longitude, latitude]")
            }
            return p
        }
    }
}
