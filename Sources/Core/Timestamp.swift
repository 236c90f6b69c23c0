import Foundation

/// ISO 8601 date-times with a zone, as Camtrap DP writes them ("2024-09-01T06:30:00+10:00").
public enum Timestamp {
    /// Parses "YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)", or a zoneless "YYYY-MM-DD[Thh:mm[:ss]]" read in
    /// `defaultZone`. A date alone means the start of that day, or its end when `endOfDay` is true.
    public static func parse(_ raw: String, defaultZone: ZoneSpec?, endOfDay: Bool = false) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.count >= 10 else { return nil }
        var body = Substring(text)
        var offset: Int?
        if body.hasSuffix("Z") {
            offset = 0
            body = body.dropLast()
        } else if body.count > 10, let idx = body.lastIndex(where: { $0 == "+" || $0 == "-" }),
                  body.distance(from: body.startIndex, to: idx) > 10 {
            guard let o = ZoneSpec.parseOffset(String(body[idx...])) else { return nil }
            offset = o
            body = body[..<idx]
        }
        let parts = body.split(separator: "T", maxSplits: 1).flatMap { $0.split(separator: " ", maxSplits: 1) }
        guard let datePart = parts.first, datePart.count == 10 else { return nil }
        var timePart = parts.count > 1 ? String(parts[1]) : (endOfDay ? "23:59:59" : "00:00:00")
        if timePart.count == 5 { timePart += ":00" }
        var fraction = ""
        if let dot = timePart.firstIndex(of: ".") {
            fraction = String(timePart[timePart.index(after: dot)...])
            timePart = String(timePart[..<dot])
        }
        guard let local = CameraDateTime(exif: datePart.replacingOccurrences(of: "-", with: ":") + " " + timePart,
                                         subSec: fraction) else { return nil }
        if let offset { return Date(timeIntervalSince1970: local.secondsAsIfUTC - Double(offset)) }
        guard let defaultZone else { return nil }
        return local.absolute(in: defaultZone)
    }

    /// Formats an absolute time in a zone as "YYYY-MM-DDThh:mm:ss±hh:mm" (fractional seconds kept when present).
    public static func format(_ date: Date, in zone: ZoneSpec) -> String {
        format(date, offsetSeconds: zone.offset(at: date))
    }

    /// Formats with an explicit UTC offset in seconds.
    public static func format(_ date: Date, offsetSeconds: Int) -> String {
        let t = date.timeIntervalSince1970 + Double(offsetSeconds)
        let whole = floor(t)
        let days = Int(floor(whole / 86400))
        let secs = Int(whole) - days * 86400
        let (y, m, d) = CivilDate.date(days: days)
        var out = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, secs / 3600, secs / 60 % 60, secs % 60)
        let frac = t - whole
        if frac > 0.0005 { out += String(format: ".%03d", min(999, Int((frac * 1000).rounded()))) }
        if offsetSeconds == 0 { return out + "Z" }
        let a = abs(offsetSeconds)
        return out + String(format: "%@%02d:%02d", offsetSeconds < 0 ? "-" : "+", a / 3600, a / 60 % 60)
    }

}
