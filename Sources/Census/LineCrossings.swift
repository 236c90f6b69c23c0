import Core
import Foundation

/// Which known individuals crossed which lines, where along them and when; camera stations near the lines.
///
/// A crossing is two consecutive detections of one individual (in time order) whose straight path crosses a
/// line an odd number of times, so they lie on opposite sides of it; it counts once. The count is a minimum:
/// an animal that crossed and came back between two detections (an even number of crossings) is invisible,
/// and so is any crossing between detections the cameras never made. Where: the intersection nearest the
/// path's midpoint, its segment and chainage. When: between the two detections; the year is the later one's.
public struct LineCrossings: Sendable {
    public typealias Station = TerritoryYear.Station

    /// One counted crossing.
    public struct Crossing: Sendable, Equatable {
        public var individualID: String
        public var line: String
        /// Calendar year (survey time zone) of the later detection.
        public var year: Int
        /// The detections on either side: the time window in which the crossing happened.
        public var from: Date
        public var to: Date
        public var fromStation: String?
        public var toStation: String?
        /// The intersection nearest the midpoint of the path between the detections.
        public var position: CrossingLine.Position
        /// How many times the straight path crosses the line (odd).
        public var intersections: Int
    }

    /// A camera station within the setting's distance of a line: a crossing point.
    public struct FlaggedStation: Sendable, Equatable {
        public var line: String
        public var station: Station
        public var distanceMetres: Double
        /// The nearest point of the line.
        public var position: CrossingLine.Position
    }

    /// One line's year.
    public struct Summary: Sendable, Equatable {
        public var line: String
        public var year: Int
        public var individualsDetected: Int
        public var individualsCrossing: Int
        public var crossings: Int
        /// Individuals with detections that year on both sides of the line (some pair with an odd number of crossings).
        public var individualsBothSides: Int
    }

    public var lines: [CrossingLine]
    public var stations: [Station]
    public var detections: [LocatedDetection]
    public var nearMetres: Double
    public var crossings: [Crossing]
    public var flagged: [FlaggedStation]
    public var summaries: [Summary]
    /// Local metres ↔ WGS84, when the crossings come from a survey (``build(store:lines:species:viewer:nearMetres:year:)``).
    public var projection: LocalProjection?

    /// Crossings of `lines` by the individuals of `detections` (local metres); with `year`, only that year's.
    ///
    /// `yearOf` gives a detection time's calendar year (the survey's time zone). Detections of all years are
    /// ordered together, so a pair spanning two years counts in the later one.
    public init(lines: [CrossingLine], stations: [Station], detections: [LocatedDetection], nearMetres: Double = 500,
                year: Int? = nil, yearOf: (Date) -> Int) {
        (self.lines, self.stations, self.nearMetres) = (lines, stations, nearMetres)
        let byIndividual = Dictionary(grouping: detections, by: \.individualID)
            .mapValues { $0.sorted { ($0.timestamp, $0.station ?? "") < ($1.timestamp, $1.station ?? "") } }
        let ids = byIndividual.keys.sorted()
        let kept = ids.flatMap { byIndividual[$0]! }.filter { year == nil || yearOf($0.timestamp) == year }
        self.detections = kept
        var crossings: [Crossing] = []
        for line in lines {
            for id in ids {
                let track = byIndividual[id]!
                for (a, b) in zip(track, track.dropFirst()) {
                    let y = yearOf(b.timestamp)
                    guard year == nil || y == year else { continue }
                    let hits = line.intersections(from: .init(a.x, a.y), to: .init(b.x, b.y))
                    guard hits.count % 2 == 1, let mid = hits.min(by: { abs($0.t - 0.5) < abs($1.t - 0.5) }) else { continue }
                    crossings.append(Crossing(individualID: id, line: line.name, year: y, from: a.timestamp, to: b.timestamp,
                                              fromStation: a.station, toStation: b.station, position: mid.position, intersections: hits.count))
                }
            }
        }
        self.crossings = crossings
        flagged = lines.flatMap { line in
            stations.compactMap { s -> FlaggedStation? in
                guard let n = line.nearest(to: .init(s.x, s.y)), n.distance <= nearMetres else { return nil }
                return FlaggedStation(line: line.name, station: s, distanceMetres: n.distance, position: n.position)
            }
        }
        let years = Set(kept.map { yearOf($0.timestamp) }).union(crossings.map(\.year)).sorted()
        summaries = lines.flatMap { line in
            years.map { y in
                let inYear = Dictionary(grouping: kept.filter { yearOf($0.timestamp) == y }, by: \.individualID)
                let crossed = crossings.filter { $0.line == line.name && $0.year == y }
                let both = inYear.values.filter { Self.bothSides($0, of: line) }.count
                return Summary(line: line.name, year: y, individualsDetected: inYear.count, individualsCrossing: Set(crossed.map(\.individualID)).count,
                               crossings: crossed.count, individualsBothSides: both)
            }
        }
    }

    /// True when some two of the detections' places lie on opposite sides of the line.
    static func bothSides(_ detections: [LocatedDetection], of line: CrossingLine) -> Bool {
        var places: [PlanarGeometry.Point] = []
        for d in detections where !places.contains(.init(d.x, d.y)) { places.append(.init(d.x, d.y)) }
        for i in places.indices {
            for j in places.indices where j > i && line.intersections(from: places[i], to: places[j]).count % 2 == 1 { return true }
        }
        return false
    }

    /// The crossings of one individual.
    public func crossings(of id: String) -> [Crossing] { crossings.filter { $0.individualID == id } }
}
