import Foundation

/// A camera station: one place, one or two cameras (paired cameras face each other).
public struct Station: Codable, Sendable, Equatable, Identifiable {
    /// Station id, e.g. `S07`; also the secr detector id and the folder name.
    public var id: String
    public var position: Point
    /// Camera ids at this station: `["A"]` or `["A", "B"]`.
    public var cameraIDs: [String]
    /// `RU` or `CN`.
    public var jurisdiction: String

    public init(id: String, position: Point, cameraIDs: [String], jurisdiction: String) {
        self.id = id
        self.position = position
        self.cameraIDs = cameraIDs
        self.jurisdiction = jurisdiction
    }

    /// Lays out stations as the settings say, inside habitat.
    public static func layout(settings: LayoutSettings, region: Region, seed: UInt64) throws -> [Station] {
        var rng = SeededGenerator(seed: seed, stream: "layout")
        let points: [Point]
        var cameraCounts: [Int?] = []
        switch settings.kind {
        case .list:
            points = settings.stations.map(\.position)
            cameraCounts = settings.stations.map(\.cameras)
        case .grid:
            points = gridPoints(count: settings.stationCount, spacing: settings.spacing, region: region)
        case .random:
            points = randomPoints(count: settings.stationCount, spacing: settings.spacing, region: region, rng: &rng)
        case .clustered:
            let clusters = (settings.stationCount + settings.clusterSize - 1) / max(1, settings.clusterSize)
            let centres = gridPoints(count: clusters, spacing: settings.spacing, region: region)
            let side = Int(Double(settings.clusterSize).squareRoot().rounded(.up))
            var all: [Point] = []
            for c in centres {
                for k in 0..<settings.clusterSize where all.count < settings.stationCount {
                    let dx = (Double(k % side) - Double(side - 1) / 2) * settings.clusterSpacing
                    let dy = (Double(k / side) - Double(side - 1) / 2) * settings.clusterSpacing
                    let p = Point(x: c.x + dx + rng.normal(sd: settings.clusterSpacing * 0.1),
                                  y: c.y + dy + rng.normal(sd: settings.clusterSpacing * 0.1))
                    if region.isHabitat(p) { all.append(p) }
                }
            }
            points = all
        }
        guard !points.isEmpty else {
            throw SimulationError.noStations(reason: "the \(settings.kind.rawValue) layout put no station in habitat; enlarge the region or reduce the spacing")
        }
        let width = points.count > 99 ? 3 : 2
        return points.enumerated().map { i, p in
            let id = settings.kind == .list ? settings.stations[i].id : "S" + String(repeating: "0", count: max(0, width - String(i + 1).count)) + String(i + 1)
            let paired = (cameraCounts.indices.contains(i) ? cameraCounts[i] : nil).map { $0 >= 2 } ?? rng.bernoulli(settings.pairedFraction)
            let jurisdiction = settings.borderX.map { p.x < $0 ? "CN" : "RU" } ?? "RU"
            return Station(id: id, position: p, cameraIDs: paired ? ["A", "B"] : ["A"], jurisdiction: jurisdiction)
        }
    }

    /// A near-square grid of `count` points centred in the region, habitat points only.
    static func gridPoints(count: Int, spacing: Double, region: Region) -> [Point] {
        guard count > 0 else { return [] }
        let b = region.bounds
        let aspect = (b.maxX - b.minX) / max(1, b.maxY - b.minY)
        let cols = max(1, Int((Double(count) * aspect).squareRoot().rounded(.up)))
        let rows = (count + cols - 1) / cols
        let cx = (b.minX + b.maxX) / 2, cy = (b.minY + b.maxY) / 2
        var points: [Point] = []
        for r in 0..<rows {
            for c in 0..<cols where points.count < count {
                let p = Point(x: cx + (Double(c) - Double(cols - 1) / 2) * spacing,
                              y: cy + (Double(rows - 1) / 2 - Double(r)) * spacing)
                if region.isHabitat(p) { points.append(p) }
            }
        }
        return points
    }

    /// Uniform habitat points at least `spacing` apart (relaxed if the region is too small).
    static func randomPoints(count: Int, spacing: Double, region: Region, rng: inout SeededGenerator) -> [Point] {
        var points: [Point] = []
        var minimum = spacing
        var attempts = 0
        while points.count < count {
            let p = region.randomPoint(using: &rng)
            if points.allSatisfy({ $0.distanceSquared(to: p) >= minimum * minimum }) {
                points.append(p)
            }
            attempts += 1
            if attempts > 2_000 { minimum *= 0.8; attempts = 0 }
        }
        return points
    }
}
