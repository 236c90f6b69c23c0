import Core
import Foundation
import Store

extension PopulationSummary {
    /// The yearly table of one species from a survey: its identified detections, the catalog, tags, and the
    /// jurisdictions of its deployments and stations, for every year its deployments cover.
    ///
    /// `records`: the species' detections when the caller already has them (else they are read).
    public static func build(store: SurveyStore, species: String, zone: ZoneSpec, evidence: [Sighting] = [],
                             records: [DetectionRecord]? = nil) throws -> PopulationSummary {
        let deployments = try store.deployments()
        let jurisdiction = Dictionary(deployments.map { ($0.deploymentID, $0.jurisdiction ?? "?") }, uniquingKeysWith: { a, _ in a })
        var places: [String: String] = [:]
        for d in deployments {
            for key in [d.locationID, d.locationName, d.deploymentID].compactMap({ $0 }) { places[key] = places[key] ?? d.jurisdiction ?? "?" }
        }
        let years = deployments.map { (year(of: $0.deploymentStart, zone: zone), year(of: $0.deploymentEnd, zone: zone)) }
        let covering = years.isEmpty ? nil : years.map(\.0).min()!...years.map(\.1).max()!
        return PopulationSummary(records: try records ?? store.detectionRecords(species: species), evidence: evidence,
                                 catalog: try store.catalogFacts(), tagged: try store.taggedTraits(),
                                 jurisdictions: jurisdiction, places: places, zone: zone, covering: covering)
    }
}
