import Core
import Foundation

/// Makes change-log and review-log text safe for a role without exact locations: parts naming a death place
/// (coordinates, station) are dropped, and every station name, locationName or deploymentID left is replaced by
/// the role's alias for it.
struct LogRedactor {
    let policy: LocationPolicy
    /// Sensitive names (station IDs and names, deployment IDs), longest first, with their aliases.
    let names: [(String, String)]

    init(policy: LocationPolicy, deployments: [Deployment]) {
        self.policy = policy
        var map: [String: String] = [:]
        for d in deployments {
            let station = d.locationID ?? d.locationName ?? d.deploymentID
            for n in [d.locationID, d.locationName, d.deploymentID].compactMap({ $0 }) where !n.isEmpty { map[n] = policy.station(station) }
        }
        names = map.sorted { $0.key.count > $1.key.count }.map { ($0.key, $0.value) }
    }

    /// The text as the role may read it (unchanged for a role with exact locations).
    func text(_ s: String?) -> String? {
        guard let s, !policy.exact else { return s }
        let parts = s.components(separatedBy: "; ").map { part -> String in
            let lower = part.lowercased()
            return ["deathlocation", "deathlatitude", "deathlongitude", "latitude", "longitude", "coordinates"]
                .contains { lower.contains($0) } ? "(place withheld)" : part
        }
        var out = parts.joined(separator: "; ")
        for (name, alias) in names { out = Self.replaceWord(name, with: alias, in: out) }
        // Any decimal coordinate-like number left (a place typed into a note) is withheld too.
        out = out.replacingOccurrences(of: #"-?\d{1,3}\.\d{2,}"#, with: "(number withheld)", options: .regularExpression)
        return out
    }

    static func replaceWord(_ word: String, with replacement: String, in text: String) -> String {
        let pattern = "(?<![A-Za-z0-9_-])" + NSRegularExpression.escapedPattern(for: word) + "(?![A-Za-z0-9_])"
        return text.replacingOccurrences(of: pattern, with: NSRegularExpression.escapedTemplate(for: replacement), options: .regularExpression)
    }
}
