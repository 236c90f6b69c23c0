import Foundation
import Store

/// One located observation of an individual: the input to home ranges and territory maps.
///
/// Coordinates are local metres (x east, y north) of the survey's `LocalProjection`. Camera detections
/// sit on their station's point; other evidence (snow tracks, scat DNA, collar fixes) carries its own
/// position and is appended with its `method`.
public struct LocatedDetection: Sendable, Equatable {
    public var individualID: String
    public var x: Double
    public var y: Double
    public var timestamp: Date
    /// How the individual was located: `"camera"`, `"snow-track"`, `"scat-dna"`, `"gps-collar"`, …
    public var method: String
    /// The camera station, when the location is one (withheld from generalised outputs).
    public var station: String?

    public init(individualID: String, x: Double, y: Double, timestamp: Date, method: String, station: String? = nil) {
        (self.individualID, self.x, self.y, self.timestamp, self.method, self.station) = (individualID, x, y, timestamp, method, station)
    }

    /// Camera detections as located detections: one per independent event of an individual at a station.
    ///
    /// Records of one individual at one station less than `minutes` after its previous record there are one
    /// event (so a burst of photos is one location, not thirty); the event's first record gives the time.
    /// Records without an individual, or at a station without coordinates, are left out.
    public static func fromCamera(_ records: [DetectionRecord], stations: [String: (x: Double, y: Double)],
                                  minutes: Double) -> [LocatedDetection] {
        IndependentEvent.group(records, minutes: minutes, byIndividual: true).compactMap { e in
            guard let id = e.individualID, let p = stations[e.station] else { return nil }
            return LocatedDetection(individualID: id, x: p.x, y: p.y, timestamp: e.first.timestamp, method: "camera", station: e.station)
        }
    }
}
