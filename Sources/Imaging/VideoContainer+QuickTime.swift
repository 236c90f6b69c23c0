import Core
import Foundation

extension VideoContainer {
    /// Seconds from 1904-01-01 (the QuickTime epoch) to 1970-01-01.
    static let quickTimeEpochOffset: UInt64 = 2_082_844_800
    /// Largest `moov` box read into memory (camera clips have a few hundred KiB at most).
    static let maxMovieHeaderBytes: UInt64 = 64 << 20

    /// Walks the top-level boxes to `moov`, then reads its `mvhd`.
    static func readQuickTime(_ source: ByteSource) throws -> Info {
        var offset: UInt64 = 0
        var moov: (start: UInt64, size: UInt64)?
        while offset < source.size {
            guard let box = try box(in: source, at: offset, end: source.size, tolerateJunk: moov != nil) else { break }
            if box.type == "moov" && moov == nil { moov = (offset + box.header, box.size - box.header) }
            offset += box.size
        }
        guard let moov else {
            throw source.problem("no movie header (moov box): the recording was cut off before the camera finished writing it")
        }
        guard moov.size <= maxMovieHeaderBytes else { throw source.problem("moov box of \(moov.size) bytes is implausibly large") }
        let bytes = ByteSource(bytes: try source.bytes(at: moov.start, count: Int(moov.size)), name: source.name)
        var child: UInt64 = 0
        while child < bytes.size {
            guard let box = try box(in: bytes, at: child, end: bytes.size, tolerateJunk: false, context: "moov") else { break }
            if box.type == "mvhd" {
                return try movieHeader(try bytes.bytes(at: child + box.header, count: Int(box.size - box.header)), source: source)
            }
            child += box.size
        }
        throw source.problem("the moov box has no movie header (mvhd)")
    }

    /// One box header at `offset`: its type, total size and header length. nil when `tolerateJunk` and the bytes
    /// there are not a box (padding after the movie header); throws when the size contradicts the file.
    static func box(in source: ByteSource, at offset: UInt64, end: UInt64, tolerateJunk: Bool,
                    context: String = "file") throws -> (type: String, size: UInt64, header: UInt64)? {
        let where_ = context == "file" ? "at byte \(offset)" : "at byte \(offset) of \(context)"
        guard end - offset >= 8 else {
            if tolerateJunk { return nil }
            throw source.problem("a box header \(where_) is cut off (\(end - offset) bytes left)")
        }
        let head = try source.bytes(at: offset, count: Int(min(16, end - offset)))
        guard isPrintableFourCC(head, 4) else {
            if tolerateJunk { return nil }
            throw source.problem("bytes \(where_) are not a box (type \(fourCC(head, 4)))")
        }
        let type = fourCC(head, 4)
        var size = UInt64(u32be(head, 0))
        var header: UInt64 = 8
        if size == 1 {
            guard head.count >= 16 else { throw source.problem("box '\(type)' \(where_): its 64-bit size is cut off") }
            size = u64be(head, 8)
            header = 16
        } else if size == 0 {
            size = end - offset // extends to the end
        }
        guard size >= header else {
            if tolerateJunk { return nil }
            throw source.problem("box '\(type)' \(where_) declares \(size) bytes, fewer than its own header")
        }
        guard size <= end - offset else {
            throw source.problem("box '\(type)' \(where_) declares \(size) bytes but only \(end - offset) remain: the file is truncated (cut off while recording or copying)")
        }
        return (type, size, header)
    }

    /// The creation time and duration of an `mvhd` payload (after its box header).
    static func movieHeader(_ b: [UInt8], source: ByteSource) throws -> Info {
        guard !b.isEmpty else { throw source.problem("empty movie header (mvhd)") }
        let version = b[0]
        let created: UInt64, timescale: UInt32, duration: UInt64
        switch version {
        case 0:
            guard b.count >= 20 else { throw source.problem("movie header (mvhd, version 0) of \(b.count) bytes is cut off") }
            created = UInt64(u32be(b, 4))
            timescale = u32be(b, 12)
            duration = UInt64(u32be(b, 16))
        case 1:
            guard b.count >= 32 else { throw source.problem("movie header (mvhd, version 1) of \(b.count) bytes is cut off") }
            created = u64be(b, 4)
            timescale = u32be(b, 20)
            duration = u64be(b, 24)
        default:
            throw source.problem("movie header (mvhd) version \(version) is unknown")
        }
        var info = Info(format: .quickTime)
        if timescale > 0 && duration != UInt64(UInt32.max) && duration != UInt64.max {
            info.duration = Double(duration) / Double(timescale)
        }
        // 0 means "not set"; anything before 1970-01-02 is a clock that was never set, not a recording time.
        if created > quickTimeEpochOffset + 86_400, let t = cameraTime(secondsSince1970: created - quickTimeEpochOffset) {
            info.cameraTime = t
            info.timeSource = "container:mvhd"
        }
        return info
    }

    /// The wall-clock reading of a count of seconds since 1970 (no zone applied).
    static func cameraTime(secondsSince1970 s: UInt64) -> CameraDateTime? {
        guard s < 200 * 365 * 86_400 else { return nil }
        let days = Int(s / 86_400), rest = Int(s % 86_400)
        let date = CivilDate.date(days: days)
        return CameraDateTime(year: date.year, month: date.month, day: date.day,
                              hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60)
    }
}
