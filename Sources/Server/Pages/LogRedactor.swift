import Core
import Foundation

/// Makes change-log and review-log text safe for a role without exact locations: parts naming a death place
/// (coordinates, station) are dropped, and every station name, locationName or deploymentID left is replaced by
/// the role's alias for it.
struct LogRedactor {
    let policy: LocationPolicy
    /// Sensitive names (station IDs and names, deployment IDs) with their aliases.
    let aliases: [String: String]
    static let number = try! NSRegularExpression(pattern: #"-?\d{1,3}\.\d{2,}"#)

    init(policy: LocationPolicy, deployments: [Deployment]) {
        self.policy = policy
        aliases = Self.aliases(policy: policy, deployments: deployments)
    }

    init(policy: LocationPolicy, aliases: [String: String]) {
        self.policy = policy
        self.aliases = aliases
    }

    /// Every station name, locationName and deploymentID → the role's alias of its station (one HMAC per station).
    static func aliases(policy: LocationPolicy, deployments: [Deployment]) -> [String: String] {
        var station: [String: String] = [:], map: [String: String] = [:]
        for d in deployments {
            let key = d.locationID ?? d.locationName ?? d.deploymentID
            let alias = station[key] ?? policy.station(key)
            station[key] = alias
            for n in [d.locationID, d.locationName, d.deploymentID].compactMap({ $0 }) where !n.isEmpty { map[n] = alias }
        }
        return map
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
        if !aliases.isEmpty { out = replaceNames(out) }
        // Any decimal coordinate-like number left (a place typed into a note) is withheld too.
        guard out.contains(".") else { return out }
        out = Self.number.stringByReplacingMatches(in: out, range: NSRange(location: 0, length: (out as NSString).length),
                                                   withTemplate: "(number withheld)")
        return out
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" }

    /// Replaces every word (letters, digits, `_`, `-`) that is a sensitive name, or whose `-`-separated parts are, by
    /// its alias: one pass over the text, no regular expression.
    func replaceNames(_ text: String) -> String {
        var out = "", word = ""
        func flush() {
            guard !word.isEmpty else { return }
            if let alias = aliases[word] {
                out += alias
            } else if word.contains("-") {
                out += word.split(separator: "-", omittingEmptySubsequences: false).map { aliases[String($0)] ?? String($0) }.joined(separator: "-")
            } else {
                out += word
            }
            word = ""
        }
        for c in text {
            if Self.isWordCharacter(c) { word.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }
}
