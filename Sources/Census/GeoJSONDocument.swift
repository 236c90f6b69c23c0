import Core
import Foundation

/// Reading GeoJSON text for the census (habitat polygons, crossing lines), with errors naming the file.
enum GeoJSONDocument {
    /// The file's bytes; throws `unreadableFile` naming it.
    static func data(at url: URL) throws -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw CensusError.unreadableFile(file: url.path, reason: error.localizedDescription)
        }
    }

    /// The parsed JSON; throws `invalidGeoJSON` naming the file when it is not JSON.
    static func object(_ data: Data, fileName: String) throws -> Any {
        do { return try JSONSerialization.jsonObject(with: data) } catch {
            throw CensusError.invalidGeoJSON(file: fileName, reason: "not valid JSON (\(error.localizedDescription))")
        }
    }

    /// A `[longitude, latitude]` WGS84 position in local metres of `projection`; nil when it is not one.
    static func position(_ value: Any, projection: LocalProjection) -> PlanarGeometry.Point? {
        guard let pair = value as? [Any], pair.count >= 2,
              let lon = (pair[0] as? NSNumber)?.doubleValue, let lat = (pair[1] as? NSNumber)?.doubleValue,
              lon.isFinite, lat.isFinite, (-180...180).contains(lon), (-90...90).contains(lat) else { return nil }
        let p = projection.project(latitude: lat, longitude: lon)
        return .init(p.x, p.y)
    }
}
