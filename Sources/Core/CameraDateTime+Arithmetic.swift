import Foundation

extension CameraDateTime {
    /// The reading `seconds` later on the same (zone-less) clock, to the millisecond: e.g. a video frame's
    /// camera time from its clip's start and its offset into the clip.
    public func adding(seconds: Double) -> CameraDateTime {
        let millis = Int((secondsAsIfUTC * 1000).rounded()) + Int((seconds * 1000).rounded())
        let whole = millis.quotientAndRemainder(dividingBy: 1000)
        let (s, ms) = whole.remainder < 0 ? (whole.quotient - 1, whole.remainder + 1000) : (whole.quotient, whole.remainder)
        let day = s.quotientAndRemainder(dividingBy: 86_400)
        let (days, rest) = day.remainder < 0 ? (day.quotient - 1, day.remainder + 86_400) : (day.quotient, day.remainder)
        let date = CivilDate.date(days: days)
        return CameraDateTime(year: date.year, month: date.month, day: date.day, hour: rest / 3600, minute: rest / 60 % 60,
                              second: rest % 60, fraction: Double(ms) / 1000)
    }

    /// The fraction as EXIF SubSecTime digits to the millisecond ("500"), nil when it is zero.
    public var subSecString: String? {
        let ms = Int((fraction * 1000).rounded())
        return ms > 0 && ms < 1000 ? String(format: "%03d", ms) : nil
    }
}
