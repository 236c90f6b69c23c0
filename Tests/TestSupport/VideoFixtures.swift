import Foundation
import Imaging

/// Generated camera-trap-like video clips for tests: written by OpenCV's VideoWriter through the shim, then
/// given a container time by patching their bytes (mvhd creation_time in MP4, an IDIT chunk in AVI), as cameras do.
public enum VideoFixtures {
    public enum Kind: String, Sendable, CaseIterable, CustomStringConvertible {
        /// MJPG in AVI (what most trail cameras write).
        case avi
        /// MPEG-4 part 2 in MP4.
        case mp4
        public var fourcc: String { self == .avi ? "MJPG" : "mp4v" }
        public var fileExtension: String { self == .avi ? "AVI" : "MP4" }
        public var description: String { rawValue }
    }

    public static let width = 512, height = 384
    /// The bright blob's size and row band.
    public static let blobWidth = 96, blobHeight = 72, blobTop = 160

    /// The blob's left edge at `seconds` into the clip: it crosses the frame left to right at 90 px/s.
    public static func blobX(at seconds: Double) -> Int { 24 + Int((seconds * 90).rounded()) }

    /// The blob's box at `seconds` as fractions of the frame (x, y, width, height).
    public static func blobBox(at seconds: Double) -> (x: Double, y: Double, width: Double, height: Double) {
        (Double(blobX(at: seconds)) / Double(width), Double(blobTop) / Double(height),
         Double(blobWidth) / Double(width), Double(blobHeight) / Double(height))
    }

    /// One RGB frame: a checkered, graded, slightly noisy background with the bright blob at its place.
    public static func frame(at seconds: Double, index: Int) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        var noise = UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15
        let bx = blobX(at: seconds)
        for y in 0..<height {
            for x in 0..<width {
                noise = noise &* 6364136223846793005 &+ 1442695040888963407
                let jitter = Int(noise >> 61)
                let base = 70 + ((x / 16 + y / 16) % 2) * 40 + (y * 50 / height) + jitter
                let inBlob = x >= bx && x < bx + blobWidth && y >= blobTop && y < blobTop + blobHeight
                let v = inBlob ? 245 : min(255, base)
                let i = (y * width + x) * 3
                pixels[i] = UInt8(v)
                pixels[i + 1] = UInt8(min(255, v + 15))
                pixels[i + 2] = UInt8(v / 2 + (inBlob ? 100 : 0))
            }
        }
        return pixels
    }

    /// Writes a clip of `seconds` at `fps` (frame i at i / fps) and returns its URL.
    @discardableResult
    public static func writeClip(_ kind: Kind, to url: URL, seconds: Double = 4.5, fps: Double = 10) throws -> URL {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let writer = try VideoWriter(path: url.path, fourcc: kind.fourcc, fps: fps, width: width, height: height)
        let count = Int((seconds * fps).rounded())
        for i in 0..<count { try writer.write(rgb: frame(at: Double(i) / fps, index: i)) }
        writer.finish()
        return url
    }

    /// Seconds since 1904-01-01 for a wall-clock reading (as cameras write mvhd creation_time).
    public static func quickTimeSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> UInt64 {
        var c = DateComponents()
        (c.year, c.month, c.day, c.hour, c.minute, c.second) = (year, month, day, hour, minute, second)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return UInt64(calendar.date(from: c)!.timeIntervalSince1970) + 2_082_844_800
    }

    /// Sets the mvhd creation_time of an MP4/QuickTime file in place (version 0 or 1 header).
    public static func setQuickTimeCreation(_ url: URL, secondsSince1904: UInt64) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        guard let moov = box("moov", in: bytes, from: 0, to: bytes.count),
              let mvhd = box("mvhd", in: bytes, from: moov.payload, to: moov.end) else {
            throw FixtureError("no moov/mvhd in \(url.path)")
        }
        let p = mvhd.payload
        if bytes[p] == 1 {
            for k in 0..<8 { bytes[p + 4 + k] = UInt8((secondsSince1904 >> (56 - 8 * UInt64(k))) & 0xFF) }
        } else {
            let v = UInt32(secondsSince1904)
            for k in 0..<4 { bytes[p + 4 + k] = UInt8((v >> (24 - 8 * UInt32(k))) & 0xFF) }
        }
        try Data(bytes).write(to: url)
    }

    /// Puts an IDIT chunk with `text` (e.g. "Mon Mar 03 10:20:30 2014") into an AVI's header list, in the place
    /// of JUNK padding there (no offset in the file moves), or else at the end of the RIFF.
    public static func setAVIDate(_ url: URL, text: String) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        var payload = Array(text.utf8) + [0x0A, 0x00]
        if payload.count % 2 == 1 { payload.append(0) }
        let idit = Array("IDIT".utf8) + le32(payload.count) + payload
        if let hdrl = aviList("hdrl", in: bytes) {
            var offset = hdrl.start
            while offset + 8 <= hdrl.end {
                let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
                let size = Int(u32le(bytes, offset + 4))
                if id == "JUNK" && size + 8 >= idit.count + 8 {
                    let rest = size + 8 - idit.count - 8
                    let junk = Array("JUNK".utf8) + le32(rest) + [UInt8](repeating: 0, count: rest)
                    bytes.replaceSubrange(offset..<offset + 8 + size, with: idit + junk)
                    try Data(bytes).write(to: url)
                    return
                }
                offset += 8 + size + (size & 1)
            }
        }
        bytes.append(contentsOf: idit)
        let riffSize = le32(bytes.count - 8)
        bytes.replaceSubrange(4..<8, with: riffSize)
        try Data(bytes).write(to: url)
    }

    /// The payload range of the LIST of `type` at the top of an AVI's RIFF.
    public static func aviList(_ type: String, in b: [UInt8]) -> (start: Int, end: Int)? {
        var offset = 12
        while offset + 12 <= b.count {
            let id = String(decoding: b[offset..<offset + 4], as: UTF8.self)
            let size = Int(u32le(b, offset + 4))
            if id == "LIST" && String(decoding: b[offset + 8..<offset + 12], as: UTF8.self) == type {
                return (offset + 12, min(b.count, offset + 8 + size))
            }
            offset += 8 + size + (size & 1)
        }
        return nil
    }

    /// The first box of `type` among the boxes in [from, to): its payload start and end.
    static func box(_ type: String, in b: [UInt8], from: Int, to: Int) -> (payload: Int, end: Int)? {
        var offset = from
        while offset + 8 <= to {
            var size = Int(u32be(b, offset))
            var header = 8
            if size == 1 { size = Int(u32be(b, offset + 8)) << 32 | Int(u32be(b, offset + 12)); header = 16 }
            if size == 0 { size = to - offset }
            guard size >= header else { return nil }
            if String(decoding: b[offset + 4..<offset + 8], as: UTF8.self) == type { return (offset + header, offset + size) }
            offset += size
        }
        return nil
    }

    static func u32be(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }

    static func u32le(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    static func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }

    /// Sets a file's modification time (to show ingest does not use it when the container has a time).
    public static func setModified(_ url: URL, to date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
    }
}

/// A fixture that could not be built as the test expects.
public struct FixtureError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
