import Foundation

/// A camera's wall-clock reading: EXIF DateTimeOriginal (+SubSecTimeOriginal), with no time zone.
///
/// Camera traps record local time without a zone; a deployment's time zone and clock offset turn it
/// into an absolute time (`absolute(in:clockOffset:)`).
public struct CameraDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// Fractional seconds from SubSecTimeOriginal (0 ..< 1).
    public var fraction: Double

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, fraction: Double = 0) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
        self.fraction = fraction
    }

    /// Parses EXIF "YYYY:MM:DD HH:MM:SS" (also accepting '-' or '/' between date parts and a 'T'),
    /// with an optional SubSecTime string ("12" → 0.12). Returns nil for anything that is not a real date.
    public init?(exif text: String, subSec: String? = nil) {
        let bytes = Array(text.utf8.prefix(19))
        guard bytes.count == 19 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let b = bytes[i]
                guard b >= 48, b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        let separators: Set<UInt8> = [58, 45, 47] // : - /
        guard separators.contains(bytes[4]), separators.contains(bytes[7]),
              bytes[10] == 32 || bytes[10] == 84, bytes[13] == 58, bytes[16] == 58,
              let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
              let h = number(11..<13), let mi = number(14..<16), let s = number(17..<19)
        else { return nil }
        guard y >= 1900, (1...12).contains(mo), d >= 1, d <= CameraDateTime.daysIn(month: mo, year: y),
              h < 24, mi < 60, s < 61 else { return nil }
        var fraction = 0.0
        if let subSec, !subSec.isEmpty {
            let digits = subSec.trimmingCharacters(in: .whitespaces)
            if digits.allSatisfy(\.isNumber), let v = Double("0." + digits) { fraction = v }
        }
        self.init(year: y, month: mo, day: d, hour: h, minute: mi, second: s, fraction: fraction)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Seconds since 1970 if this wall-clock reading were UTC (days from civil date, proleptic Gregorian).
    public var secondsAsIfUTC: Double {
        let days = CivilDate.days(year: year, month: month, day: day)
        return Double(days * 86400 + hour * 3600 + minute * 60 + second) + fraction
    }

    /// The absolute time this reading stands for, given the camera's zone and its clock error
    /// (`clockOffset` seconds are added: a camera 60 s slow has offset +60).
    public func absolute(in zone: ZoneSpec, clockOffset: Double = 0) -> Date {
        let local = secondsAsIfUTC + clockOffset
        return Date(timeIntervalSince1970: local - Double(zone.offsetForLocal(secondsAsIfUTC: local)))
    }

    /// EXIF form "YYYY:MM:DD HH:MM:SS".
    public var exifString: String {
        String(format: "%04d:%02d:%02d %02d:%02d:%02d", year, month, day, hour, minute, second)
    }

    public var description: String { exifString }

    public static func < (a: CameraDateTime, b: CameraDateTime) -> Bool { a.secondsAsIfUTC < b.secondsAsIfUTC }
}
