import Core
import Crypto
import Foundation

/// What a role may see of places: exact coordinates and station names, or coordinates generalised to a grid
/// and stations by alias. Every page, JSON answer and SVG of the server takes places through this.
public struct LocationPolicy: Sendable {
    /// The grid for a restricted role; nil when the role sees exact locations.
    public let grid: CoordinateGrid?
    private let aliasSecret: Data

    public init(role: WebRole, gridMetres: Double, aliasSecret: Data) {
        grid = role.seesExactLocations ? nil : CoordinateGrid(metres: gridMetres)
        self.aliasSecret = aliasSecret
    }

    /// Whether places are shown exactly.
    public var exact: Bool { grid == nil }

    /// A point as this role may see it (the centre of its grid cell for a restricted role).
    public func point(latitude: Double, longitude: Double) -> (latitude: Double, longitude: Double) {
        guard let grid else { return (latitude, longitude) }
        return grid.generalise(latitude: latitude, longitude: longitude)
    }

    /// A station (location) as this role may see it: its name, or a stable alias keyed by the survey's secret
    /// (the same station always gets the same alias; the alias reveals nothing of the name).
    public func station(_ locationID: String?) -> String {
        guard let locationID, !locationID.isEmpty else { return "—" }
        guard grid != nil else { return locationID }
        let mac = HMAC<SHA256>.authenticationCode(for: Data(locationID.utf8), using: SymmetricKey(data: aliasSecret))
        return "station-" + mac.prefix(3).map { String(format: "%02x", $0) }.joined()
    }

    /// Distance band between two points, computed on exact coordinates and shown only as a band, so it is safe
    /// for every role: "< 2 km", "2–10 km", "> 10 km".
    public static func distanceBand(_ a: (latitude: Double, longitude: Double)?, _ b: (latitude: Double, longitude: Double)?) -> String? {
        guard let a, let b else { return nil }
        let km = haversineKm(a, b)
        return km < 2 ? "< 2 km" : km <= 10 ? "2–10 km" : "> 10 km"
    }

    static func haversineKm(_ a: (latitude: Double, longitude: Double), _ b: (latitude: Double, longitude: Double)) -> Double {
        let r = 6371.0088, d = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * d, dLon = (b.longitude - a.longitude) * d
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.latitude * d) * cos(b.latitude * d) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, sqrt(h)))
    }
}
