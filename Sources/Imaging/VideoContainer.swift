import Core
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a video's recording time from its container, in Swift, without decoding it.
///
/// MP4/QuickTime: the movie header (`moov/mvhd`) creation time, seconds since 1904-01-01 (version 0: 32-bit,
/// version 1: 64-bit fields). AVI: the `IDIT` chunk (digitisation date, e.g. "Mon Mar 03 10:20:30 2014" as
/// Bushnell, Browning and Reconyx trail cameras write it), else a full date-time in `LIST INFO/ICRD`.
/// Both are read as the camera's wall clock (no zone), like EXIF DateTimeOriginal: trail cameras set their
/// clock to local time and write that reading, so the deployment's zone and clock offset place it in time.
/// Every box and chunk size is checked against its parent and the file; a container that runs past the end of
/// the file or contradicts itself throws `RosetteError.badVideo` naming the file.
public enum VideoContainer {
    /// What the container says.
    public struct Info: Sendable, Equatable {
        public enum Format: String, Sendable { case quickTime = "mp4/quicktime", avi }
        public var format: Format
        /// The camera's clock reading at the start of the recording, or nil when the container has none.
        public var cameraTime: CameraDateTime?
        /// Where `cameraTime` came from: container:mvhd, container:IDIT, container:ICRD (nil when none).
        public var timeSource: String?
        /// The clip's length in seconds when the container states it (mvhd duration / timescale).
        public var duration: Double?
        /// The writing software (AVI INFO/ISFT), when given.
        public var software: String?

        /// The camera time with its source, when the container has one.
        public var timed: (time: CameraDateTime, source: String)? {
            guard let cameraTime, let timeSource else { return nil }
            return (cameraTime, timeSource)
        }

        public init(format: Format, cameraTime: CameraDateTime? = nil, timeSource: String? = nil,
                    duration: Double? = nil, software: String? = nil) {
            self.format = format
            self.cameraTime = cameraTime
            self.timeSource = timeSource
            self.duration = duration
            self.software = software
        }
    }

    /// Whether files of this media type have a container this reader understands (MP4/QuickTime, AVI).
    public static func readsTime(mediatype: String) -> Bool {
        ["video/mp4", "video/quicktime", "video/x-msvideo"].contains(mediatype)
    }

    /// Reads a file's container; `displayPath` names it in errors.
    public static func read(path: String, displayPath: String? = nil) throws -> Info {
        let name = displayPath ?? path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RosetteError.unreadableFile(path: name, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw RosetteError.unreadableFile(path: name, reason: String(cString: strerror(errno))) }
        return try read(ByteSource(fd: fd, size: UInt64(st.st_size), name: name))
    }

    /// Reads a container held in memory (tests, and files already read).
    public static func read(bytes: [UInt8], name: String) throws -> Info {
        try read(ByteSource(bytes: bytes, name: name))
    }

    static func read(_ source: ByteSource) throws -> Info {
        guard source.size >= 12 else { throw source.problem("only \(source.size) bytes, too short for a video container") }
        let head = try source.bytes(at: 0, count: 12)
        if head[0..<4].elementsEqual("RIFF".utf8) {
            guard head[8..<12].elementsEqual("AVI ".utf8) else {
                throw source.problem("a RIFF file of type '\(fourCC(head, 8))', not AVI")
            }
            return try readAVI(source)
        }
        if quickTimeTopLevel.contains(fourCC(head, 4)) { return try readQuickTime(source) }
        let start = head.prefix(8).map { String(format: "%02X", $0) }.joined(separator: " ")
        throw source.problem("neither an MP4/QuickTime nor an AVI container; starts with \(start)")
    }

    /// Box types that may open an MP4/QuickTime file.
    static let quickTimeTopLevel: Set<String> = ["ftyp", "moov", "mdat", "free", "skip", "wide", "pnot", "uuid", "junk"]

    /// Four bytes at `offset` as text ('?' for bytes that are not printable ASCII).
    static func fourCC(_ bytes: [UInt8], _ offset: Int) -> String {
        String(bytes[offset..<offset + 4].map { $0 >= 32 && $0 < 127 ? Character(UnicodeScalar($0)) : "?" })
    }

    static func isPrintableFourCC(_ bytes: [UInt8], _ offset: Int) -> Bool {
        bytes[offset..<offset + 4].allSatisfy { $0 >= 32 && $0 < 127 }
    }

    static func u32be(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }

    static func u64be(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(u32be(b, i)) << 32 | UInt64(u32be(b, i + 4)) }

    static func u32le(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}

/// Bounded random reads from a file (pread) or a buffer; every read is checked against the size.
struct ByteSource {
    let size: UInt64
    let name: String
    private let fd: Int32
    private let buffer: [UInt8]?

    init(fd: Int32, size: UInt64, name: String) {
        (self.fd, self.size, self.name, buffer) = (fd, size, name, nil)
    }

    init(bytes: [UInt8], name: String) {
        (fd, size, self.name, buffer) = (-1, UInt64(bytes.count), name, bytes)
    }

    /// `count` bytes at `offset`; throws when they are not all in the file.
    func bytes(at offset: UInt64, count: Int) throws -> [UInt8] {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else {
            throw problem("needs \(count) bytes at byte \(offset) but the file has \(size)")
        }
        if let buffer { return Array(buffer[Int(offset)..<Int(offset) + count]) }
        var out = [UInt8](repeating: 0, count: count)
        let got = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
        guard got == count else {
            throw RosetteError.unreadableFile(path: name, reason: got < 0 ? String(cString: strerror(errno)) : "short read")
        }
        return out
    }

    func problem(_ reason: String) -> RosetteError { .badVideo(path: name, reason: reason) }
}
