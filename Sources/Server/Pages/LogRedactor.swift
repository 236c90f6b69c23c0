import Core
import Foundation

/// Makes change-log and review-log text safe for a role without exact locations: parts naming a death place
/// (coordinates, station) are dropped, and every station name, locationName or deploymentID left is replaced by
/// the role's alias for it.
struct LogRedactor {
    let policy: LocationPolicy
    /// Sensitive names (station IDs and names, deployment IDs) with their aliases.
    let aliases: [String: String]
    /// One pattern matching any sensitive name as a whole word (longest names first), compiled once.
    let pattern: NSRegularExpression?
    static let number = try! NSRegularExpression(pattern: #"-?\d{1,3}\.\d{2,}"#)

    init(policy: LocationPolicy, deployments: [Deployment]) {
        self.policy = policy
        var map: [String: String] = [:]
        for d in deployments {
            let station = d.locationID ?? d.locationName ?? d.deploymentID
            for n in [d.locationID, d.locationName, d.deploymentID].compactMap({ $0 }) where !n.isEmpty { map[n] = policy.station(station) }
        }
        aliases = map
        let words = map.keys.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:))
        pattern = words.isEmpty ? nil : try? NSRegularExpression(pattern: "(?<![A-Za-z0-9_-])(" + words.joined(separator: "|") + ")(?![A-Za-z0-9_])")
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
        if let pattern {
            let ns = out as NSString
            var result = "", last = 0
            for m in pattern.matches(in: out, range: NSRange(location: 0, length: ns.length)) {
                result += ns.substring(with: NSRange(location: last, length: m.range.location - last))
                result += aliases[ns.substring(with: m.range)] ?? "(withheld)"
                last = m.range.location + m.range.length
            }
            out = result + ns.substring(from: last)
        }
        // Any decimal coordinate-like number left (a place typed into a note) is withheld too.
        out = Self.number.stringByReplacingMatches(in: out, range: NSRange(location: 0, length: (out as NSString).length),
                                                   withTemplate: "(number withheld)")
        return out
    }
}
