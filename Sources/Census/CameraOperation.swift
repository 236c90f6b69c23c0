import Core
import Foundation

/// When each camera worked: the fraction of each calendar day it was deployed and not malfunctioning.
///
/// Days are calendar days in the survey's zone. A camera set up at noon contributes 0.5 for that day;
/// a malfunction period removes its hours. Camera-days are the sum of the fractions.
///
/// Deployments given as dates without a time of day follow camtrapR's `cameraOperation` (≥ 2.1): set-up and
/// retrieval happen at local noon, so those days count 0.5, and a date-only malfunction removes whole days
/// from its first to its last (see `CameraOperation+DateOnly.swift` for how "date only" is recognised).
public struct CameraOperation: Sendable {
    /// The first day (local midnight in `zone`) and the number of days covered.
    public let firstDay: Date
    public let days: Int
    public let zone: ZoneSpec
    /// deploymentID → fraction operational per day (0…1).
    public let byDeployment: [String: [Double]]
    /// Stations (locationID, else locationName, else deploymentID) → its deployments.
    public let stations: [String: [String]]

    /// Computes operation between `from` and `to` (default: the span of all deployments).
    public init(deployments: [Deployment], malfunctions: [String: [Malfunction]], zone: ZoneSpec,
                from: Date? = nil, to: Date? = nil) {
        self.zone = zone
        let start = from ?? deployments.map(\.deploymentStart).min() ?? Date(timeIntervalSince1970: 0)
        let end = to ?? deployments.map(\.deploymentEnd).max() ?? start
        firstDay = CameraOperation.midnight(atOrBefore: start, zone: zone)
        days = max(1, Int(ceil(end.timeIntervalSince(firstDay) / 86400 - 1e-9)))
        var table: [String: [Double]] = [:]
        var stations: [String: [String]] = [:]
        for d in deployments {
            var row = [Double](repeating: 0, count: days)
            let (setup, retrieval) = CameraOperation.effectivePeriod(d)
            let broken = (malfunctions[d.deploymentID] ?? []).map { CameraOperation.effectivePeriod($0, zone: d.zone) }
            for i in 0..<days {
                let dayStart = CameraOperation.dayStart(firstDay, i, zone: zone)
                let dayEnd = CameraOperation.dayStart(firstDay, i + 1, zone: zone)
                var seconds = CameraOperation.overlap(setup, retrieval, dayStart, dayEnd)
                guard seconds > 0 else { continue }
                for m in broken {
                    seconds -= CameraOperation.overlap(max(m.start, setup), min(m.end, retrieval), dayStart, dayEnd)
                }
                row[i] = max(0, min(1, seconds / dayEnd.timeIntervalSince(dayStart)))
            }
            table[d.deploymentID] = row
            stations[d.locationID ?? d.locationName ?? d.deploymentID, default: []].append(d.deploymentID)
        }
        byDeployment = table
        self.stations = stations
    }

    /// Camera-days of one deployment.
    public func cameraDays(deploymentID: String) -> Double { byDeployment[deploymentID]?.reduce(0, +) ?? 0 }

    /// Total camera-days of all deployments.
    public var totalCameraDays: Double { byDeployment.values.reduce(0) { $0 + $1.reduce(0, +) } }

    /// A station's operation per day: the best of its cameras (a paired station detects while either works).
    public func stationOperation(_ station: String) -> [Double] {
        var row = [Double](repeating: 0, count: days)
        for id in stations[station] ?? [] {
            for (i, v) in (byDeployment[id] ?? []).enumerated() { row[i] = max(row[i], v) }
        }
        return row
    }

    /// The day index of an absolute time (nil when outside the covered days).
    public func dayIndex(_ date: Date) -> Int? {
        let guess = Int(floor(date.timeIntervalSince(firstDay) / 86400))
        for i in [guess - 1, guess, guess + 1] where i >= 0 && i < days {
            if date >= CameraOperation.dayStart(firstDay, i, zone: zone) && date < CameraOperation.dayStart(firstDay, i + 1, zone: zone) {
                return i
            }
        }
        return nil
    }

    static func overlap(_ a0: Date, _ a1: Date, _ b0: Date, _ b1: Date) -> Double {
        max(0, min(a1, b1).timeIntervalSince(max(a0, b0)))
    }

    /// Local midnight of the i-th day after `first` (handles zones whose offset changes).
    static func dayStart(_ first: Date, _ i: Int, zone: ZoneSpec) -> Date {
        midnight(atOrBefore: first.addingTimeInterval(Double(i) * 86400 + 43200), zone: zone)
    }

    static func midnight(atOrBefore date: Date, zone: ZoneSpec) -> Date {
        let offset = Double(zone.offset(at: date))
        let local = date.timeIntervalSince1970 + offset
        let localMidnight = floor(local / 86400) * 86400
        return Date(timeIntervalSince1970: localMidnight - Double(zone.offsetForLocal(secondsAsIfUTC: localMidnight)))
    }
}
