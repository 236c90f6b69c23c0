import Foundation
import Store

/// The review screen's context strip for a candidate: how far in time and space its nearest sighting is from the
/// encounter, its sex and age class, its last sighting, and a warning when it was recorded dead before.
///
/// Distances are computed here on exact coordinates and leave only as a band, so no coordinate reaches the page.
struct ContextStrip {
    let store: SurveyStore
    let policy: LocationPolicy

    func context(individual: CatalogIndividual, here: PhotoPlace?, excluding: Set<Int64>, stage: String?) throws -> ReviewItem.Context {
        let seen = try store.sightingPlaces(individualID: individual.individualID).filter { !excluding.contains($0.mediaID) }
        var context = ReviewItem.Context(sex: individual.sex, ageClass: stage ?? individual.lifeStage, sightings: seen.count)
        if let last = seen.last {
            context.lastSeen = last.timestamp.map(Self.day)
            context.lastStation = policy.station(last.locationID)
        }
        if let time = here?.timestamp {
            let nearest = seen.filter { $0.timestamp != nil }.min { abs($0.timestamp!.timeIntervalSince(time)) < abs($1.timestamp!.timeIntervalSince(time)) }
            if let nearest, let then = nearest.timestamp {
                let gap = time.timeIntervalSince(then)
                context.timeGapSeconds = gap
                context.timeGap = Self.describe(gap)
                context.sameStation = here?.locationID != nil && nearest.locationID == here?.locationID
                context.distanceBand = LocationPolicy.distanceBand(Self.point(here), Self.point(nearest))
            }
            if let death = individual.deathDate, death < time {
                context.deadWarning = WebError.recordedDeadWarning(individual.individualID, on: Self.day(death))
            }
        }
        return context
    }

    static func point(_ place: PhotoPlace?) -> (latitude: Double, longitude: Double)? {
        guard let lat = place?.latitude, let lon = place?.longitude else { return nil }
        return (lat, lon)
    }

    /// A time gap in words, e.g. "35 min", "5 h", "12 days", "2.1 years"; negative gaps read "… before".
    static func describe(_ seconds: Double) -> String {
        let s = abs(seconds)
        let text: String = switch s {
        case ..<60: "\(Int(s)) s"
        case ..<3600: "\(Int(s / 60)) min"
        case ..<172_800: "\(Int(s / 3600)) h"
        case ..<(730 * 86_400): "\(Int(s / 86_400)) days"
        default: String(format: "%.1f years", s / (365.25 * 86_400))
        }
        return seconds < 0 ? text + " before" : text
    }

    /// `YYYY-MM-DD` in UTC (no formatter: one is costly to make, and this runs for every candidate).
    static func day(_ date: Date) -> String {
        String(date.ISO8601Format().prefix(10))
    }
}
