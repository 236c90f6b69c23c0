import Core
import Foundation

/// The crossings as they may leave for a viewer: rows of the CSV files and the printed table.
///
/// Exact: stations by name, crossing points and stations in WGS84 (6 decimals), segments and chainage to the metre.
/// Generalised: no station is named, crossing points and flagged stations are their grid cell's centre (flagged
/// stations counted per cell), a crossing's chainage is the stretch of the line inside its cell, no segment and no
/// distance are given.
/// Latitudes and longitudes come from the crossings' survey projection (origin 0°, 0° for crossings built without one).
public struct CrossingTables: Sendable {
    public var crossings: LineCrossings
    public var disclosure: LocationDisclosure
    public var zone: ZoneSpec

    public static let minimumNote = "Crossings are a minimum: one per pair of consecutive detections on opposite sides of a line; "
        + "an animal that crossed and came back between two detections is not seen."

    public init(_ crossings: LineCrossings, disclosure: LocationDisclosure, zone: ZoneSpec) {
        (self.crossings, self.disclosure, self.zone) = (crossings, disclosure, zone)
    }

    var projection: LocalProjection { crossings.projection ?? LocalProjection(originLatitude: 0, originLongitude: 0) }

    /// Latitude and longitude of a point as shown: exact to 6 decimals, a grid cell's centre to a precision fitting the grid.
    public func latLon(_ p: PlanarGeometry.Point) -> (latitude: String, longitude: String) {
        let q = disclosure.point(p), ll = projection.unproject(x: q.x, y: q.y)
        let decimals = disclosure.grid.map { min(5, max(2, Int((-log10($0.metres / 111_000)).rounded(.up)) + 1)) } ?? 6
        return (String(format: "%.\(decimals)f", ll.latitude), String(format: "%.\(decimals)f", ll.longitude))
    }

    /// Chainage in km as shown: to the metre, or rounded to the grid size.
    public func chainage(_ metres: Double) -> String {
        guard let g = disclosure.grid else { return String(format: "%.3f", metres / 1000) }
        return String(format: "%g", (metres / g.metres).rounded() * g.metres / 1000)
    }

    /// Where along the line a crossing is as shown: its chainage in km to the metre; generalised, the stretch of
    /// the line inside the crossing's grid cell (`from-to`, km to 0.1, widened outwards). A chainage rounded to the
    /// grid would leak: together with the cell it can narrow the place to far less than a cell.
    public func crossingChainage(_ c: LineCrossings.Crossing) -> String {
        guard let g = disclosure.grid else { return chainage(c.position.chainage) }
        let centre = g.snap(c.position.point), half = g.metres / 2
        guard let line = crossings.lines.first(where: { $0.name == c.line }),
              let r = line.chainageRange(x0: centre.x - half, x1: centre.x + half, y0: centre.y - half, y1: centre.y + half) else { return "" }
        return String(format: "%.1f-%.1f", (r.lowerBound / 100).rounded(.down) / 10, (r.upperBound / 100).rounded(.up) / 10)
    }

    public func time(_ d: Date) -> String { Timestamp.format(d, in: zone) }

    /// crossings.csv: one row per counted crossing.
    public var crossingsCSV: (header: [String], rows: [[String]]) {
        let exact = disclosure.grid == nil
        let header = ["line", "individualID", "year", "from", "to"] + (exact ? ["fromStation", "toStation", "segment"] : [])
            + [exact ? "chainageKm" : "cellChainageKm", exact ? "latitude" : "cellLatitude", exact ? "longitude" : "cellLongitude", "lineIntersections"]
        let rows = crossings.crossings.map { c -> [String] in
            let ll = latLon(c.position.point)
            return [c.line, c.individualID, String(c.year), time(c.from), time(c.to)]
                + (exact ? [c.fromStation ?? "", c.toStation ?? "", String(c.position.segment + 1)] : [])
                + [crossingChainage(c), ll.latitude, ll.longitude, String(c.intersections)]
        }
        return (header, rows)
    }

    /// crossings-summary.csv: per line and year.
    public var summaryCSV: (header: [String], rows: [[String]]) {
        (["line", "year", "individualsDetected", "individualsCrossing", "crossingsAtLeast", "individualsBothSides"],
         crossings.summaries.map { [$0.line, String($0.year), String($0.individualsDetected), String($0.individualsCrossing),
                                    String($0.crossings), String($0.individualsBothSides)] })
    }

    /// crossing-stations.csv: stations within the distance of a line (exact), or their grid cells and counts (generalised).
    public var stationsCSV: (header: [String], rows: [[String]]) {
        guard disclosure.grid != nil else {
            return (["line", "station", "distanceMetres", "segment", "chainageKm", "latitude", "longitude"],
                    crossings.flagged.map { f in
                        let ll = latLon(.init(f.station.x, f.station.y))
                        return [f.line, f.station.id, String(format: "%.0f", f.distanceMetres), String(f.position.segment + 1),
                                chainage(f.position.chainage), ll.latitude, ll.longitude]
                    })
        }
        var cells: [[String]: Int] = [:]
        for f in crossings.flagged {
            let ll = latLon(.init(f.station.x, f.station.y))
            cells[[f.line, ll.latitude, ll.longitude], default: 0] += 1
        }
        return (["line", "cellLatitude", "cellLongitude", "stations"],
                cells.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { $0.key + [String($0.value)] })
    }

    /// CSV text of one of the tables.
    public static func csv(_ table: (header: [String], rows: [[String]])) -> String {
        ([table.header] + table.rows).map { $0.map(RecordTable.quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
