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
}
