import Core
import Foundation
import Store

/// One year's territories: located detections, home ranges, SECR activity centres and overlaps.
///
/// Camera detections come from the survey (one location per independent event of an individual at a station);
/// other evidence can be added with ``adding(_:)``, which recomputes the ranges and overlaps (activity centres
/// stay camera-only: they come from the SECR model of the camera histories).
public struct TerritoryYear: Sendable {
    public struct Station: Sendable, Equatable {
        public var id: String
        public var x: Double
        public var y: Double
        public init(id: String, x: Double, y: Double) { (self.id, self.x, self.y) = (id, x, y) }
    }

    public var species: String
    public var year: Int
    /// Local metres ↔ WGS84 for every coordinate here.
    public var projection: LocalProjection
    public var stations: [Station]
    public var detections: [LocatedDetection]
    public var ranges: [HomeRange]
    public var overlaps: [RangeOverlap]
    public var mask: HabitatMask?
    public var fit: SECRFit?
    public var centres: [ActivityCentre]
    /// Why there are no activity centres (SECR not fitted), if so.
    public var secrFailure: String?
    /// Detections left out of the SECR histories, with reasons.
    public var excluded: [String]

    /// Builds the territories from parts (detections in the projection's metres).
    public init(species: String, year: Int, projection: LocalProjection, stations: [Station], detections: [LocatedDetection],
                mask: HabitatMask?, fit: SECRFit?, centres: [ActivityCentre], secrFailure: String?, excluded: [String] = []) {
        (self.species, self.year, self.projection, self.stations, self.detections) = (species, year, projection, stations, detections)
        (self.mask, self.fit, self.centres, self.secrFailure, self.excluded) = (mask, fit, centres, secrFailure, excluded)
        ranges = HomeRange.all(detections, year: year)
        overlaps = RangeOverlap.pairs(ranges)
    }

    /// These territories with more located evidence (snow tracks, DNA, collar fixes) in the ranges.
    public func adding(_ evidence: [LocatedDetection]) -> TerritoryYear {
        TerritoryYear(species: species, year: year, projection: projection, stations: stations, detections: detections + evidence,
                      mask: mask, fit: fit, centres: centres, secrFailure: secrFailure, excluded: excluded)
    }

    public func range(of id: String) -> HomeRange? { ranges.first { $0.individualID == id } }
    public func centre(of id: String) -> ActivityCentre? { centres.first { $0.individualID == id } }

    /// Territories of `species` in calendar `year` (survey time zone) from a survey's identified camera detections.
    ///
    /// Stations and their metres are those of the year's SECR histories (`SurveyHistories`); the SECR model
    /// (proximity detectors, daily occasions, trap-buffer mask of `buffer` m, full likelihood) is fitted as the census
    /// report does, and each detected individual's activity centre comes from it. Photos the `viewer` may not see
    /// (people photos for partners and the public) contribute nothing. Pass `fit` when the year's model is already
    /// fitted (the census report's, on the same buffer) to skip refitting.
    public static func build(store: SurveyStore, species: String, year: Int, buffer: Double = 7500,
                             detectionFunction: DetectionFunction = .hazardHalfNormal, viewer: Viewer = .owner,
                             fit existing: SECRFit? = nil) throws -> TerritoryYear {
        let zone = try ZoneSpec(store.settings.timeZone)
        let start = Timestamp.parse("\(year)-01-01", defaultZone: zone)!, end = Timestamp.parse("\(year)-12-31", defaultZone: zone, endOfDay: true)!
        let inYear = try store.deployments().filter { $0.deploymentEnd >= start && $0.deploymentStart <= end }
        guard !inYear.isEmpty else { throw CensusError.invalidArgument("the survey has no deployments in \(year)") }
        let operation = CameraOperation(deployments: inYear, malfunctions: try store.malfunctions(), zone: zone,
                                        from: max(start, inYear.map(\.deploymentStart).min()!), to: min(end, inYear.map(\.deploymentEnd).max()!))
        let withheld = viewer.role.seesPeoplePhotos ? [] : try store.withheldMediaIDs(for: viewer)
        let records = try store.detectionRecords(species: species, from: start, to: end).filter { !withheld.contains($0.mediaID) }
        let built = SurveyHistories(records: records, deployments: inYear, operation: operation)
        let h = built.histories
        let stations = h.traps.ids.indices.map { Station(id: h.traps.ids[$0], x: h.traps.x[$0], y: h.traps.y[$0]) }
        let xy = Dictionary(uniqueKeysWithValues: stations.map { ($0.id, (x: $0.x, y: $0.y)) })
        let located = LocatedDetection.fromCamera(records, stations: xy, minutes: store.settings.independenceMinutes)
        var mask: HabitatMask?, fit: SECRFit?, centres: [ActivityCentre] = [], failure: String?
        do {
            let m = try HabitatMask.trapBuffer(traps: h.traps, buffer: buffer)
            mask = m
            let f = try existing ?? SECRModel(detector: .proximity, detectionFunction: detectionFunction).fit(h, mask: m)
            fit = f
            centres = ActivityCentre.compute(histories: h, mask: m, fit: f)
        } catch {
            failure = "\(error)"
        }
        return TerritoryYear(species: species, year: year, projection: built.projection, stations: stations, detections: located,
                             mask: mask, fit: fit, centres: centres, secrFailure: failure, excluded: built.excluded)
    }
}
