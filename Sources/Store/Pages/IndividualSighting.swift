import Foundation

/// One photo an individual was identified in, with where and when: what the profile's timeline and map draw.
public struct IndividualSighting: Sendable, Equatable {
    public var mediaID: Int64
    public var timestamp: Date
    public var deploymentID: String
    /// The station (locationID, else locationName, else deploymentID).
    public var station: String
    public var latitude: Double
    public var longitude: Double
    public var jurisdiction: String?
    public var eventID: String?
}

/// An individual's detections in short: how many photos, first and last seen, the years and stations.
public struct SightingSummary: Sendable, Equatable {
    public var photos: Int
    public var first: Date?
    public var last: Date?
    /// Years seen, in the survey's time zone (at its current UTC offset).
    public var years: Set<Int>
    public var stations: Set<String>
}
