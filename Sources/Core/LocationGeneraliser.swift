import Foundation

/// Coarsens sensitive coordinates to the centre of a grid cell, for viewers who may not see exact locations.
///
/// The grid is in degrees, sized so a cell is about `metres` on a side at the cell's latitude (latitude rows of
/// `metres / 111 320` degrees; longitude columns widened by 1 / cos(latitude) of the row's centre).
public struct LocationGeneraliser: Sendable, Equatable {
    public var metres: Double

    public init(metres: Double) { self.metres = metres }

    /// The default grid for viewers without exact locations (10 km), or none for those who see them.
    public static func forRole(_ role: AccessRole, metres: Double? = nil) -> LocationGeneraliser? {
        if let metres { return LocationGeneraliser(metres: metres) }
        return role.seesExactLocations ? nil : LocationGeneraliser(metres: 10_000)
    }

    /// The centre of the cell holding (latitude, longitude).
    public func snap(latitude: Double, longitude: Double) -> (latitude: Double, longitude: Double) {
        let dLat = metres / 111_320
        let row = (latitude / dLat).rounded(.down)
        let centreLat = (row + 0.5) * dLat
        let dLon = dLat / max(cos(centreLat * .pi / 180), 0.01)
        let col = (longitude / dLon).rounded(.down)
        return (centreLat, (col + 0.5) * dLon)
    }
}
