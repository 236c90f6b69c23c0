import Core
import Foundation
import Store

/// Other evidence (snow tracks, DNA, collar fixes, sightings, carcasses) as census inputs: sightings for the
/// yearly table (with the jurisdiction of the nearest deployment) and located detections for home ranges.
///
/// Camera SECR uses camera detections only; these feed known-alive counts, maps and home ranges.
public enum EvidenceLocations {
    /// Each located evidence row as a sighting, its jurisdiction that of the nearest deployment.
    public static func sightings(_ evidence: [LocatedEvidence], deployments: [Deployment]) -> [PopulationSummary.Sighting] {
        evidence.map { e in
            let nearest = deployments.min {
                pow($0.latitude - e.latitude, 2) + pow(($0.longitude - e.longitude) * cos(e.latitude * .pi / 180), 2)
                    < pow($1.latitude - e.latitude, 2) + pow(($1.longitude - e.longitude) * cos(e.latitude * .pi / 180), 2)
            }
            return PopulationSummary.Sighting(individualID: e.individualID, timestamp: e.timestamp, jurisdiction: nearest?.jurisdiction,
                                              method: e.method.rawValue)
        }
    }

    /// The evidence of one year as located detections in a projection's metres.
    public static func detections(_ evidence: [LocatedEvidence], year: Int, zone: ZoneSpec, projection: LocalProjection) -> [LocatedDetection] {
        evidence.filter { PopulationSummary.year(of: $0.timestamp, zone: zone) == year }.map { e in
            let p = projection.project(latitude: e.latitude, longitude: e.longitude)
            return LocatedDetection(individualID: e.individualID, x: p.x, y: p.y, timestamp: e.timestamp, method: e.method.rawValue)
        }
    }
}
