import Foundation

/// Reading a GeoJSON file's JSON, with the simulator's errors naming the file.
enum GeoJSONFile {
    /// The file's parsed JSON object; throws `unreadableFile` or `badGeoJSON`.
    static func object(at url: URL) throws -> Any {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SimulationError.unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        guard let json = try? JSONSerialization.jsonObject(with: data) else {
            throw SimulationError.badGeoJSON(file: url.path, reason: "the file is not valid JSON")
        }
        return json
    }

    /// A `[longitude, latitude]` position (WGS84) in local metres around `origin`; throws `badGeoJSON` naming it.
    static func point(_ position: Any, file: String, origin: GeoOrigin) throws -> Point {
        guard let pair = position as? [Any], pair.count >= 2,
              let lon = (pair[0] as? NSNumber)?.doubleValue, let lat = (pair[1] as? NSNumber)?.doubleValue,
              (-180...180).contains(lon), (-90...90).contains(lat)
        else {
            throw SimulationError.badGeoJSON(file: file, reason: "the position \(position) is not [longitude, latitude]")
        }
        return origin.local(latitude: lat, longitude: lon)
    }
}
