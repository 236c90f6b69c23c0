import Core
import Foundation

/// camtrapR's effort convention for deployments recorded as dates without a time of day.
///
/// `DeploymentsCSV` reads a date-only `deploymentStart` as local 00:00:00 and a date-only `deploymentEnd` (or
/// malfunction end) as local 23:59:59 of that day, in the deployment's zone. A deployment whose start and end
/// lie exactly there is taken as date-only, and its effort follows camtrapR's `cameraOperation` (≥ 2.1):
/// - set-up and retrieval happen at local noon, so each of those days counts 0.5;
/// - a malfunction ending at local 23:59:59 ends at the following midnight, so it removes whole days from its
///   first day to its last (camtrapR's `ProblemX_from` … `ProblemX_to`); a malfunction that starts on the set-up
///   day or ends on the retrieval day is clipped to the noon of that day, as in camtrapR.
/// A deployment with any real time of day (the simulator's, a Camtrap DP export's) is counted exactly.
extension CameraOperation {
    /// The period a deployment's camera counts as set up: noon to noon for date-only deployments, else as stored.
    static func effectivePeriod(_ d: Deployment) -> (Date, Date) {
        let zone = d.zone
        guard isDateOnly(d, zone: zone) else { return (d.deploymentStart, d.deploymentEnd) }
        let setupMidnight = d.deploymentStart
        let retrievalMidnight = midnight(atOrBefore: d.deploymentEnd, zone: zone)
        return (localNoon(after: setupMidnight, zone: zone), localNoon(after: retrievalMidnight, zone: zone))
    }

    /// A malfunction's period; one ending at local 23:59:59 (a date-only end) runs to the next midnight.
    static func effectivePeriod(_ m: Malfunction, zone: ZoneSpec) -> Malfunction {
        var m = m
        if secondsIntoLocalDay(m.end, zone: zone) == 86399 { m.end = m.end.addingTimeInterval(1) }
        return m
    }

    /// Whether the deployment starts at local midnight and ends at local 23:59:59 (dates without times).
    public static func isDateOnly(_ d: Deployment, zone: ZoneSpec? = nil) -> Bool {
        let zone = zone ?? d.zone
        return secondsIntoLocalDay(d.deploymentStart, zone: zone) == 0 && secondsIntoLocalDay(d.deploymentEnd, zone: zone) == 86399
    }

    /// Whole seconds since local midnight (nil when the time has a fraction of a second).
    static func secondsIntoLocalDay(_ date: Date, zone: ZoneSpec) -> Int? {
        let local = date.timeIntervalSince1970 + Double(zone.offset(at: date))
        let seconds = local - floor(local / 86400) * 86400
        guard abs(seconds - seconds.rounded()) < 0.001 else { return nil }
        return Int(seconds.rounded()) % 86400
    }

    /// Local noon of the day that starts at `midnight` (zones whose offset changes that day included).
    static func localNoon(after midnight: Date, zone: ZoneSpec) -> Date {
        let localNoon = midnight.timeIntervalSince1970 + Double(zone.offset(at: midnight)) + 43200
        return Date(timeIntervalSince1970: localNoon - Double(zone.offsetForLocal(secondsAsIfUTC: localNoon)))
    }
}
