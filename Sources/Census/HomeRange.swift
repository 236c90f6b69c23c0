import Foundation

/// An individual's home range in one year: minimum convex polygons and, with enough locations, a fixed kernel.
///
/// Every located detection counts, so repeated camera-station points are separate locations (they weigh the
/// kernel and the MCP95 centroid); the MCP of fewer than 3 distinct, non-collinear points has area 0.
/// The 95% MCP follows adehabitatHR's `mcp(percent = 95)`: distances to the mean of the locations, keep the
/// locations whose distance is ≤ R's type-7 sample quantile of the distances at 0.95, then take their hull. With
/// n distinct distances that keeps ⌊0.95·(n − 1)⌋ + 1 of n (19 of 20, 20 of 21, 4 of 5: the number kept is
/// rounded down, never up; ties at the threshold are all kept).
public struct HomeRange: Sendable {
    public var individualID: String
    public var year: Int
    /// Locations used (all of them, repeated points included).
    public var locations: [PlanarGeometry.Point]
    /// Distinct points among `locations`.
    public var distinctLocations: Int
    /// 100% MCP, counter-clockwise vertices (fewer than 3 when degenerate).
    public var mcp100: [PlanarGeometry.Point]
    /// 95% MCP (adehabitatHR's rule), counter-clockwise.
    public var mcp95: [PlanarGeometry.Point]
    /// Locations kept for the 95% MCP.
    public var mcp95Kept: Int
    /// Fixed-kernel range, when there are at least ``HomeRange/kernelMinimumLocations`` locations.
    public var kernel: KernelRange?

    /// Fewest locations for a kernel utilisation distribution.
    public static let kernelMinimumLocations = 5

    public var mcp100SquareKilometres: Double { PlanarGeometry.area(mcp100) / 1e6 }
    public var mcp95SquareKilometres: Double { PlanarGeometry.area(mcp95) / 1e6 }

    /// Home range from an individual's locations in a year.
    public init(individualID: String, year: Int, locations: [PlanarGeometry.Point], kernelCellsPerBandwidth: Double = 8) {
        self.individualID = individualID
        self.year = year
        self.locations = locations
        distinctLocations = Set(locations.map { [$0.x, $0.y] }).count
        mcp100 = PlanarGeometry.convexHull(locations)
        let kept = Self.mcpLocations(locations, percent: 95)
        mcp95Kept = kept.count
        mcp95 = PlanarGeometry.convexHull(kept)
        kernel = locations.count >= Self.kernelMinimumLocations
            ? KernelRange(locations: locations, cellsPerBandwidth: kernelCellsPerBandwidth) : nil
    }

    /// The locations adehabitatHR's `mcp` keeps at `percent`: distance to the mean ≤ the type-7 quantile.
    public static func mcpLocations(_ points: [PlanarGeometry.Point], percent: Double) -> [PlanarGeometry.Point] {
        guard !points.isEmpty else { return [] }
        let centre = points.reduce(PlanarGeometry.Point(0, 0), +) / Double(points.count)
        let d = points.map { (($0 - centre) * ($0 - centre)).sum().squareRoot() }
        let threshold = PlanarGeometry.quantile(d, percent / 100)
        return zip(points, d).filter { $0.1 <= threshold }.map(\.0)
    }

    /// Home ranges of every individual in `detections` (all taken as one year's).
    public static func all(_ detections: [LocatedDetection], year: Int) -> [HomeRange] {
        Dictionary(grouping: detections, by: \.individualID).sorted { $0.key < $1.key }.map { id, group in
            HomeRange(individualID: id, year: year, locations: group.sorted { $0.timestamp < $1.timestamp }.map { .init($0.x, $0.y) })
        }
    }
}
