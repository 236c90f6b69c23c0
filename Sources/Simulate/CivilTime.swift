import Core
import Foundation

/// Calendar arithmetic on seconds since 1970-01-01T00:00:00Z with a fixed UTC offset, done with integers
/// (Hinnant's civil-from-days) so output never depends on the machine's time-zone database or locale.
public enum CivilTime {
    /// Days since 1970-01-01 of a proleptic Gregorian date.
    public static func days(year: Int, month: Int, day: Int) -> Int { CivilDate.days(year: year, month: month, day: day) }

    /// Year, month, day of days since 1970-01-01.
    public static func date(days: Int) -> (year: Int, month: Int, day: Int) { CivilDate.date(days: days) }

    /// Parses `YYYY-MM-DD` into days since 1970-01-01.
    public static func parseDate(_ text: String) -> Int? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        return days(year: parts[0], month: parts[1], day: parts[2])
    }

    private static func fields(_ seconds: Double, offsetSeconds: Int) -> (Int, Int, Int, Int, Int, Int, Int) {
        let local = seconds + Double(offsetSeconds)
        let whole = Int(local.rounded(.down))
        let millis = min(999, Int(((local - Double(whole)) * 1000).rounded(.down)))
        let dayCount = Int((Double(whole) / 86_400).rounded(.down))
        let secondOfDay = whole - dayCount * 86_400
        let (y, m, d) = date(days: dayCount)
        return (y, m, d, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, millis)
    }

    /// ISO 8601 with the zone, e.g. `2024-09-01T19:32:05+10:00` (whole seconds, truncated).
    public static func iso8601(_ seconds: Double, offsetSeconds: Int) -> String {
        let (y, m, d, hh, mm, ss, _) = fields(seconds, offsetSeconds: offsetSeconds)
        let sign = offsetSeconds < 0 ? "-" : "+"
        let off = abs(offsetSeconds)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", y, m, d, hh, mm, ss, sign, off / 3600, off / 60 % 60)
    }

    /// EXIF `YYYY:MM:DD HH:MM:SS` and the SubSecTimeOriginal hundredths of local time.
    public static func exif(_ seconds: Double, offsetSeconds: Int) -> (dateTime: String, subSec: String) {
        let (y, m, d, hh, mm, ss, ms) = fields(seconds, offsetSeconds: offsetSeconds)
        return (String(format: "%04d:%02d:%02d %02d:%02d:%02d", y, m, d, hh, mm, ss), String(format: "%02d", ms / 10))
    }

    /// Local hour of day (fractional).
    public static func localHour(_ seconds: Double, offsetSeconds: Int) -> Double {
        let local = seconds + Double(offsetSeconds)
        let r = local.truncatingRemainder(dividingBy: 86_400)
        return (r < 0 ? r + 86_400 : r) / 3600
    }

    /// Approximate sunrise and sunset (local clock hours) at a latitude/longitude for a day of year,
    /// from the solar declination; good to a few minutes, enough to call a frame day or night.
    public static func sunTimes(dayOfYear: Int, latitude: Double, longitude: Double, utcOffsetHours: Double) -> (rise: Double, set: Double) {
        let gamma = 2 * Double.pi / 365 * Double(dayOfYear - 1)
        let decl = 0.006918 - 0.399912 * cos(gamma) + 0.070257 * sin(gamma) - 0.006758 * cos(2 * gamma)
            + 0.000907 * sin(2 * gamma) - 0.002697 * cos(3 * gamma) + 0.00148 * sin(3 * gamma)
        let eqTime = 229.18 * (0.000075 + 0.001868 * cos(gamma) - 0.032077 * sin(gamma)
            - 0.014615 * cos(2 * gamma) - 0.040849 * sin(2 * gamma))
        let lat = latitude * .pi / 180
        let cosH = (cos(90.833 * .pi / 180) - sin(lat) * sin(decl)) / (cos(lat) * cos(decl))
        let h = acos(max(-1, min(1, cosH))) * 180 / .pi
        let noon = 720 - 4 * longitude - eqTime + utcOffsetHours * 60
        return ((noon - 4 * h) / 60, (noon + 4 * h) / 60)
    }

    /// Day of year (1-based) of days since 1970-01-01.
    public static func dayOfYear(days: Int) -> Int {
        let (y, _, _) = date(days: days)
        return days - CivilTime.days(year: y, month: 1, day: 1) + 1
    }
}
