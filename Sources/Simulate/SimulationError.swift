import Foundation

/// Errors the simulator reports, each with a message a park scientist can act on.
enum SimulationError: Error, CustomStringConvertible, LocalizedError {
    case badStationsLine(file: String, line: Int, text: String, reason: String)
    case badStationsHeader(file: String, header: String)
    case badGeoJSON(file: String, reason: String)
    case unreadableFile(path: String, reason: String)
    case invalidParameter(name: String, value: String, reason: String)
    case noStations(reason: String)
    case writeFailed(path: String, reason: String)

    var description: String {
        switch self {
        case let .badStationsLine(file, line, text, reason):
            return "\(file):\(line): \(reason) in stations line \"\(text)\""
        case let .badStationsHeader(file, header):
            return "\(file):1: the stations header \"\(header)\" needs columns id (or stationID) and either x,y (metres) or latitude,longitude"
        case let .badGeoJSON(file, reason):
            return "\(file): not a usable GeoJSON region: \(reason)"
        case let .unreadableFile(path, reason):
            return "cannot read \(path): \(reason)"
        case let .invalidParameter(name, value, reason):
            return "invalid \(name) \(value): \(reason)"
        case let .noStations(reason):
            return "no camera stations: \(reason)"
        case let .writeFailed(path, reason):
            return "cannot write \(path): \(reason)"
        }
    }

    var errorDescription: String? { description }
}
