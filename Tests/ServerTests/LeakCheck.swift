import Foundation

/// What a response must not carry to a viewer or partner: the fixture's exact coordinates (at any precision they
/// could be printed) and its station names / deployment IDs "S1", "S2" as whole tokens.
enum LeakCheck {
    static let exactCoordinates = [43.10, 43.11, 131.30, 131.31]

    /// Every decimal number in the text within 0.0005 of an exact fixture coordinate (43.1, 43.10, 43.1000001, …).
    static func coordinates(in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"\d+\.\d+"#)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            let token = ns.substring(with: m.range)
            guard let v = Double(token), exactCoordinates.contains(where: { abs($0 - v) < 0.0005 }) else { return nil }
            return token
        }
    }

    /// "S1"/"S2" as whole tokens (not inside a longer word, number or token); the session's CSRF token is left out first.
    static func stationNames(in text: String, csrf: String?) -> [String] {
        var t = text
        if let csrf, !csrf.isEmpty { t = t.replacingOccurrences(of: csrf, with: "") }
        let regex = try! NSRegularExpression(pattern: #"(?<![A-Za-z0-9_\-+/=%])S[12](?![A-Za-z0-9_\-+/=%])"#)
        let ns = t as NSString
        return regex.matches(in: t, range: NSRange(location: 0, length: ns.length)).map { m in
            let start = max(0, m.range.location - 30), end = min(ns.length, m.range.location + m.range.length + 30)
            return ns.substring(with: NSRange(location: start, length: end - start))
        }
    }
}
