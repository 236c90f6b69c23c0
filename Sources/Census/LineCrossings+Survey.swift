import Core
import Foundation
import Store

extension LineCrossings {
    /// Crossings of the lines in a GeoJSON file by a survey's identified individuals of `species`.
    ///
    /// Detections are the survey's camera detections of identified individuals, one per independent event at a
    /// station (the survey's independence interval), over all years; stations sit at their first deployment's
    /// coordinates, in the local projection centred on the stations, which the lines are projected to as well.
    /// Photos the `viewer` may not see (people photos for partners and the public) contribute nothing.
    public static func build(store: SurveyStore, lines url: URL, species: String, viewer: Viewer = .owner,
                             nearMetres: Double = 500, year: Int? = nil) throws -> LineCrossings {
        let zone = try ZoneSpec(store.settings.timeZone)
        var first: [String: Deployment] = [:]
        for d in try store.deployments().sorted(by: { $0.deploymentStart < $1.deploymentStart }) {
            let id = d.locationID ?? d.locationName ?? d.deploymentID
            if first[id] == nil { first[id] = d }
        }
        guard !first.isEmpty else { throw CensusError.invalidArgument("the survey has no deployments") }
        let ids = first.keys.sorted()
        let projection = LocalProjection(centring: ids.map { (first[$0]!.latitude, first[$0]!.longitude) })
        let stations = ids.map { id in
            let p = projection.project(latitude: first[id]!.latitude, longitude: first[id]!.longitude)
            return Station(id: id, x: p.x, y: p.y)
        }
        let lines = try CrossingLine.read(contentsOf: url, projection: projection)
        let withheld = viewer.role.seesPeoplePhotos ? [] : try store.withheldMediaIDs(for: viewer)
        let records = try store.detectionRecords(species: species).filter { !withheld.contains($0.mediaID) }
        let located = LocatedDetection.fromCamera(records, stations: Dictionary(uniqueKeysWithValues: stations.map { ($0.id, (x: $0.x, y: $0.y)) }),
                                                  minutes: store.settings.independenceMinutes)
        var result = LineCrossings(lines: lines, stations: stations, detections: located, nearMetres: nearMetres, year: year) {
            PopulationSummary.year(of: $0, zone: zone)
        }
        result.projection = projection
        return result
    }
}
