import Core
import Foundation
import Store

/// Groups detections into independent events: records of one species (or one individual) at one station
/// closer than the independence interval to the previous record belong to the previous event.
///
/// The gap is measured from the last record (not the first of the event), the METHODS.md rule
/// ("consecutive detections closer than 30 min are one event").
public struct IndependentEvent: Sendable, Equatable {
    public var species: String
    public var station: String
    public var individualID: String?
    /// The first record of the event.
    public var first: DetectionRecord
    public var last: Date
    public var records: Int
    /// Seconds since the previous event's first record of the same species/individual at the station (nil for the first).
    public var secondsSincePrevious: Double?

    /// Independent events from detections in time order.
    public static func group(_ records: [DetectionRecord], minutes: Double, byIndividual: Bool = false) -> [IndependentEvent] {
        var open: [String: Int] = [:]
        var events: [IndependentEvent] = []
        for r in records.sorted(by: { ($0.timestamp, $0.observationID) < ($1.timestamp, $1.observationID) }) {
            if byIndividual && r.individualID == nil { continue }
            let key = [r.species, r.station, byIndividual ? (r.individualID ?? "") : ""].joined(separator: "\u{1F}")
            if let i = open[key], r.timestamp.timeIntervalSince(events[i].last) <= minutes * 60 {
                events[i].last = r.timestamp
                events[i].records += 1
                continue
            }
            let previous = open[key].map { r.timestamp.timeIntervalSince(events[$0].first.timestamp) }
            open[key] = events.count
            events.append(IndependentEvent(species: r.species, station: r.station, individualID: byIndividual ? r.individualID : nil,
                                           first: r, last: r.timestamp, records: 1, secondsSincePrevious: previous))
        }
        return events
    }
}
