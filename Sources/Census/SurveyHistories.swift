import Core
import Foundation
import Store

/// Capture histories of identified individuals from a survey, for SECR and closed models.
///
/// Detectors are stations (paired cameras are one detector); occasions are runs of `occasionDays`
/// calendar days; usage is the station's operational days within each occasion. Detections where the
/// station recorded no effort are left out and reported (they would make the likelihood impossible).
public struct SurveyHistories: Sendable {
    public var histories: CaptureHistories
    /// Station coordinates come from deployments through this projection (metres).
    public var projection: LocalProjection
    public var occasionDays: Int
    public var firstDay: Date
    /// Detections left out, with a message naming the file and station.
    public var excluded: [String]

    public init(records: [DetectionRecord], deployments: [Deployment], operation: CameraOperation,
                occasionDays: Int = 1, detector: DetectorType = .proximity) {
        let stationIDs = operation.stations.keys.sorted()
        var firstDeployment: [String: Deployment] = [:]
        for d in deployments { firstDeployment[d.locationID ?? d.locationName ?? d.deploymentID] = firstDeployment[d.locationID ?? d.locationName ?? d.deploymentID] ?? d }
        let projection = LocalProjection(centring: stationIDs.compactMap { firstDeployment[$0] }.map { ($0.latitude, $0.longitude) })
        let k = max(1, occasionDays)
        let occasions = (operation.days + k - 1) / k
        var xs: [Double] = [], ys: [Double] = [], usage: [[Double]] = []
        for s in stationIDs {
            let d = firstDeployment[s]!
            let p = projection.project(latitude: d.latitude, longitude: d.longitude)
            xs.append((p.x * 10).rounded() / 10)
            ys.append((p.y * 10).rounded() / 10)
            var row = [Double](repeating: 0, count: occasions)
            for (day, v) in operation.stationOperation(s).enumerated() { row[day / k] += v }
            usage.append(row.map { ($0 * 1000).rounded() / 1000 })
        }
        let traps = TrapLayout(ids: stationIDs, x: xs, y: ys, usage: usage)
        var excluded: [String] = []
        let stationIndex = Dictionary(uniqueKeysWithValues: stationIDs.enumerated().map { ($1, $0) })
        var cells: [(animal: String, occasion: Int, station: Int)] = []
        var seen = Set<String>()
        for r in records {
            guard let id = r.individualID else { continue }
            guard let day = operation.dayIndex(r.timestamp), let kx = stationIndex[r.station] else {
                excluded.append("\(r.filePath): detection of \(id) at \(r.station) falls outside the survey days; left out")
                continue
            }
            let occasion = day / k
            guard usage[kx][occasion] > 0 else {
                excluded.append("\(r.filePath): detection of \(id) at \(r.station) on occasion \(occasion + 1), when the station "
                                + "recorded no effort (check deployment dates and malfunctions); left out")
                continue
            }
            if detector == .count || seen.insert("\(id)\u{1F}\(occasion)\u{1F}\(kx)").inserted {
                cells.append((id, occasion, kx))
            }
        }
        let animals = Array(Set(cells.map(\.animal))).sorted()
        let animalIndex = Dictionary(uniqueKeysWithValues: animals.enumerated().map { ($1, $0) })
        var histories = CaptureHistories(animalIDs: animals, occasions: occasions, traps: traps)
        for c in cells { histories[animal: animalIndex[c.animal]!, occasion: c.occasion, detector: c.station] += 1 }
        self.histories = histories
        self.projection = projection
        self.occasionDays = k
        self.firstDay = operation.firstDay
        self.excluded = excluded
    }
}
