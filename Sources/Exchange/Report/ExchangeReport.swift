import Core
import Foundation

/// Who crosses: per year, the individuals seen on both sides of a partnership (our catalog and a partner's,
/// joined by confirmed "same animal" links), when and where, and those seen on one side only.
///
/// Our side: the individual's sightings that year (observations and reference photos) with their first and last
/// date and their places — stations for a role that sees exact locations, grid cells otherwise. The partner's
/// side: what its package carries, the first/last-seen years and grid cells (a partner individual counts as seen
/// in every year of its span). Build it with ``build(store:options:)``; write it with the `+Files` extension.
public struct ExchangeReport: Sendable {
    /// Which sides saw an individual in a year.
    public enum Side: String, Sendable, CaseIterable {
        case both, ours, partner
    }

    /// A place as the report shows it: a station (exact) or a grid cell's centre (generalised).
    public struct Place: Sendable, Hashable, Comparable {
        public var id: String
        public var latitude: Double
        public var longitude: Double
        /// The cell when the place is a grid cell.
        public var cell: GridCell?

        public static func < (a: Place, b: Place) -> Bool { a.id < b.id }
    }

    /// One individual in one year.
    public struct Entry: Sendable, Equatable {
        public var year: Int
        public var side: Side
        /// Our ID (nil for a partner individual not linked to ours).
        public var individualID: String?
        /// The partner's ID, `NS:ID` (nil for one of ours not linked to the partner's).
        public var partnerID: String?
        /// True when a confirmed link joins the two IDs (whether or not both sides saw it this year).
        public var linked: Bool
        public var ourFirst: Date?
        public var ourLast: Date?
        public var ourSightings: Int
        public var ourPlaces: [Place]
        public var partnerFirstYear: Int?
        public var partnerLastYear: Int?
        public var partnerPlaces: [Place]
    }

    /// One year's entries: both sides first, then ours only, then the partner's only, each by ID.
    public struct Year: Sendable, Equatable {
        public var year: Int
        public var entries: [Entry]

        public func count(_ side: Side) -> Int { entries.filter { $0.side == side }.count }
    }

    /// The partner's namespace.
    public var partner: String
    public var years: [Year]
    /// The grid our places are generalised to; nil when stations are shown exactly.
    public var gridMetres: Double?
    /// The time zone dates are shown in.
    public var zone: ZoneSpec
    /// Every place of ours with a sighting in the report's years, and every cell of the partner's individuals in them (for the map).
    public var ourPlaces: [Place]
    public var partnerPlaces: [Place]

    /// True when our stations are shown as they are.
    public var exact: Bool { gridMetres == nil }

    /// A date as the report writes it (`YYYY-MM-DD` in the survey's zone).
    public func day(_ date: Date?) -> String { date.map { String(Timestamp.format($0, in: zone).prefix(10)) } ?? "" }

    /// The linked pairs seen on both sides in some year of the report, by our ID.
    public var crossers: [(individualID: String, partnerID: String)] {
        var seen = Set<String>(), out: [(String, String)] = []
        for e in years.flatMap(\.entries) where e.side == .both {
            if let i = e.individualID, let p = e.partnerID, seen.insert(i).inserted { out.append((i, p)) }
        }
        return out.sorted { $0.0 < $1.0 }
    }
}
