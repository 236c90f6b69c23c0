import Foundation

/// What walked past a station.
public enum Subject: Codable, Sendable, Equatable, Hashable {
    /// A leopard, by index into ``Population/individuals``.
    case leopard(Int)
    /// Another species (or person/vehicle), by index into ``SimulationSettings/otherSpecies``.
    case other(Int)
    /// Nothing: a false trigger (wind, sun, rain) of one camera.
    case blank
}

/// One pass in front of a station (or, for a blank, one false trigger of one camera).
public struct SurveyEvent: Codable, Sendable, Equatable {
    public var stationIndex: Int
    /// Survey day, 0-based (occasion = day + 1).
    public var day: Int
    /// True time of the first frame, seconds since 1970 UTC.
    public var time: Double
    public var subject: Subject
    /// Deployments that photograph it (both cameras of a working pair; one camera for a blank).
    public var deploymentIndices: [Int]
    /// Seed of this event's appearance (pose, distance, direction...).
    public var appearanceSeed: UInt64
}

/// A leopard detected at a station on a day (proximity detector: at most one per animal-station-day).
public struct Detection: Codable, Sendable, Equatable, Hashable {
    public var individualIndex: Int
    public var stationIndex: Int
    public var day: Int
    /// Passes that day (the count-detector view); ≥ 1.
    public var count: Int
}

/// A simulated survey: the stations, cameras, effort and everything the cameras saw.
public struct Survey: Codable, Sendable, Equatable {
    public var stations: [Station]
    public var deployments: [Deployment]
    public var days: Int
    /// True UTC time (seconds since 1970) of local midnight starting day 0.
    public var startTime: Double
    public var utcOffsetSeconds: Int
    /// Station-by-day usage: 1 when at least one camera of the station worked all day.
    public var usage: [[UInt8]]
    /// Leopard detections, sorted by individual, day, station.
    public var detections: [Detection]
    /// All passes and false triggers in time order (empty in histories-only mode).
    public var events: [SurveyEvent]

    /// Deployment indices of a station.
    public func deploymentIndices(ofStation k: Int) -> [Int] {
        deployments.indices.filter { deployments[$0].stationIndex == k }
    }

    /// Local midnight (true UTC seconds) of survey day `day`.
    public func dayStart(_ day: Int) -> Double { startTime + Double(day) * 86_400 }
}
