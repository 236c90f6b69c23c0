import Foundation

/// A cell of the fixed latitude/longitude grid that generalised packages use (`cell-<km>km-<row>-<col>`, as
/// `ExportPolicy.cellID` names it): its bounds and centre, so a report can draw a partner's cells and ours alike.
///
/// Rows are `metres` of latitude; a row's columns are `metres` of longitude at the row's central latitude.
public struct GridCell: Sendable, Hashable, Comparable {
    public var id: String
    public var metres: Double
    public var row: Int
    public var column: Int

    static let metresPerDegree = 111_195.0

    /// The cell named by `id`; nil when it is not a grid cell ID.
    public init?(id: String) {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        // cell, <km>km, <row>, <col>; rows and columns may be negative (an empty part before the number).
        guard parts.count >= 4, parts[0] == "cell", parts[1].hasSuffix("km"), let km = Double(parts[1].dropLast(2)), km > 0 else { return nil }
        let numbers = parts.dropFirst(2).map(String.init)
        var values: [Int] = [], sign = 1
        for p in numbers {
            if p.isEmpty { sign = -1; continue }
            guard let v = Int(p) else { return nil }
            values.append(sign * v)
            sign = 1
        }
        guard values.count == 2 else { return nil }
        (self.id, metres, row, column) = (id, km * 1000, values[0], values[1])
    }

    /// The cell holding a point on a grid of `metres`.
    public init(latitude: Double, longitude: Double, metres: Double) {
        let dLat = metres / Self.metresPerDegree
        let row = Int((latitude / dLat).rounded(.down))
        let centre = (Double(row) + 0.5) * dLat
        let column = Int((longitude / Self.dLon(metres, centre)).rounded(.down))
        (id, self.metres, self.row, self.column) = ("cell-\(CamtrapValue.number(metres / 1000))km-\(row)-\(column)", metres, row, column)
    }

    static func dLon(_ metres: Double, _ latitude: Double) -> Double {
        metres / (metresPerDegree * max(cos(latitude * .pi / 180), 1e-6))
    }

    var dLat: Double { metres / Self.metresPerDegree }

    /// South, north, west and east edges in degrees.
    public var bounds: (south: Double, north: Double, west: Double, east: Double) {
        let south = Double(row) * dLat, d = Self.dLon(metres, south + dLat / 2)
        return (south, south + dLat, Double(column) * d, Double(column + 1) * d)
    }

    public var centre: (latitude: Double, longitude: Double) {
        let b = bounds
        return ((b.south + b.north) / 2, (b.west + b.east) / 2)
    }

    public static func < (a: GridCell, b: GridCell) -> Bool { (a.metres, a.row, a.column) < (b.metres, b.row, b.column) }
}
