import Foundation

/// A deployment's time zone: an IANA name (with its daylight-saving rules) or a fixed UTC offset.
public struct ZoneSpec: Sendable, Hashable, CustomStringConvertible {
    /// The text the user gave, e.g. "Asia/Vladivostok" or "+10:00".
    public let identifier: String
    private let fixedOffset: Int?
    private let zone: TimeZone?

    /// Parses "Area/City", "UTC", "Z" or an offset "+10:00", "+1000", "-05", "UTC+10".
    public init(_ text: String) throws {
        let t = text.trimmingCharacters(in: .whitespaces)
        identifier = t
        if let offset = ZoneSpec.parseOffset(t) {
            fixedOffset = offset
            zone = nil
        } else if let z = TimeZone(identifier: t), t.contains("/") || t == "UTC" || t == "GMT" {
            fixedOffset = nil
            zone = z
        } else {
            throw RosetteError.badTimeZone(value: text)
        }
    }

    /// Parses an ISO 8601 offset ("Z", "+10:00", "+1000", "-05"), also with a "UTC"/"GMT" prefix.
    public static func parseOffset(_ raw: String) -> Int? {
        var s = Substring(raw)
        if s == "Z" || s == "UTC" || s == "GMT" { return 0 }
        if s.hasPrefix("UTC") || s.hasPrefix("GMT") { s = s.dropFirst(3) }
        guard let sign = s.first, sign == "+" || sign == "-" else { return nil }
        let digits = s.dropFirst().filter { $0 != ":" }
        guard digits.allSatisfy(\.isNumber), [2, 4].contains(digits.count),
              let hh = Int(digits.prefix(2)), let mm = Int(digits.dropFirst(2).isEmpty ? "0" : String(digits.dropFirst(2))),
              hh <= 14, mm < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hh * 3600 + mm * 60)
    }

    /// UTC offset in seconds at an absolute time.
    public func offset(at date: Date) -> Int {
        if let fixedOffset { return fixedOffset }
        return zone!.secondsFromGMT(for: date)
    }

    /// UTC offset in seconds for a local wall-clock time (given as seconds as if it were UTC).
    /// For a local time repeated at a daylight-saving change, the earlier instant is taken.
    public func offsetForLocal(secondsAsIfUTC local: Double) -> Int {
        if let fixedOffset { return fixedOffset }
        let guess = Date(timeIntervalSince1970: local)
        let first = zone!.secondsFromGMT(for: guess.addingTimeInterval(-Double(zone!.secondsFromGMT(for: guess))))
        let second = zone!.secondsFromGMT(for: Date(timeIntervalSince1970: local - Double(first)))
        return max(first, second)
    }

    public var description: String { identifier }
}
