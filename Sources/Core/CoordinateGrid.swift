import Foundation

/// Generalises WGS84 coordinates to the centre of a grid cell about `metres` on a side, for viewers who may not
/// see exact locations (`AccessRole.seesExactLocations`).
///
/// Cells are fixed in latitude/longitude (not centred on the data), so the same place always falls in the same
/// cell: `metres` of latitude per row, and per column `metres` of longitude at the row's central latitude.
public struct CoordinateGrid: Sendable, Equatable {
    public let metres: Double
    static let metresPerDegree = 6_371_008.8 * Double.pi / 180

    public init(metres: Double) {
        precondition(metres > 0, "grid size must be positive")
        self.metres = metres
    }

    /// The centre of the cell holding the point.
    public func generalise(latitude: Double, longitude: Double) -> (latitude: Double, longitude: Double) {
        let dLat = metres / Self.metresPerDegree
        let lat = ((latitude / dLat).rounded(.down) + 0.5) * dLat
        let dLon = metres / (Self.metresPerDegree * max(cos(lat * .pi / 180), 1e-6))
        let lon = ((longitude / dLon).rounded(.down) + 0.5) * dLon
        return (min(90, max(-90, lat)), min(180, max(-180, lon)))
    }
}

extension CoordinateGrid {
    /// The grid a role sees locations on: `metres` when given, else 10 km for a role without exact locations,
    /// else none.
    public static func forRole(_ role: AccessRole, metres: Double? = nil) -> CoordinateGrid? {
        if let metres { return CoordinateGrid(metres: metres) }
        return role.seesExactLocations ? nil : CoordinateGrid(metres: 10_000)
    }
}
