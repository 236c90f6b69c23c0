import Core
import Crypto
import Foundation
import Imaging
#if canImport(Glibc)
import Glibc
#endif

/// Reads what ingest needs from one file with two small reads into reused buffers.
///
/// The first 64 KiB hold a camera JPEG's EXIF and XMP (each segment is at most 64 KiB and they come
/// first); only when exiv2 finds the metadata runs past them is the whole file parsed. The content key
/// is SHA-256 over the size, the first 16 KiB and the last 16 KiB: it finds copies of a file without
/// reading all of it. One reader per thread.
final class PhotoReader {
    static let headSize = 64 * 1024
    static let keyHeadSize = 16 * 1024
    static let tailSize = 16 * 1024

    struct Result: Sendable {
        var contentKey: String
        /// nil for videos and other files whose metadata Rosette does not read.
        var metadata: PhotoMetadata?
    }

    private var head = [UInt8](repeating: 0, count: PhotoReader.headSize)
    private var tail = [UInt8](repeating: 0, count: PhotoReader.tailSize)

    /// Reads the file's content key and, for JPEGs, its metadata; throws a `RosetteError` naming `displayPath`.
    func read(path: String, displayPath: String, size: Int64, isJPEG: Bool) throws -> Result {
        guard size > 0 else { throw RosetteError.emptyFile(path: displayPath) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RosetteError.unreadableFile(path: displayPath, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let headCount = min(Int(size), PhotoReader.headSize)
        let got = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, headCount, 0) }
        guard got == headCount else {
            throw RosetteError.unreadableFile(path: displayPath, reason: got < 0 ? String(cString: strerror(errno)) : "short read")
        }
        let tailCount = min(Int(size), PhotoReader.tailSize)
        let tailGot = tail.withUnsafeMutableBytes { pread(fd, $0.baseAddress, tailCount, off_t(size) - off_t(tailCount)) }
        guard tailGot == tailCount else {
            throw RosetteError.unreadableFile(path: displayPath, reason: tailGot < 0 ? String(cString: strerror(errno)) : "short read")
        }
        var hasher = SHA256()
        withUnsafeBytes(of: size.littleEndian) { hasher.update(bufferPointer: $0) }
        head.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<min(headCount, PhotoReader.keyHeadSize)])) }
        tail.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<tailCount])) }
        let key = PhotoReader.hex(hasher.finalize().prefix(16))
        guard isJPEG else { return Result(contentKey: key, metadata: nil) }

        guard headCount >= 4, head[0] == 0xFF, head[1] == 0xD8, head[2] == 0xFF else {
            let start = head.prefix(min(4, headCount)).map { String(format: "%02X", $0) }.joined(separator: " ")
            throw RosetteError.notAnImage(path: displayPath, reason: "does not start with a JPEG marker; starts with \(start)")
        }
        guard PhotoReader.hasEndMarker(tail, count: tailCount) else { throw RosetteError.truncatedJPEG(path: displayPath) }
        let parsed = head.withUnsafeBytes { MetadataReader.read(buffer: UnsafeRawBufferPointer(rebasing: $0[..<headCount])) }
        switch parsed {
        case .metadata(let m):
            return Result(contentKey: key, metadata: m)
        case .needWholeFile(let reason):
            if Int64(headCount) == size {
                throw RosetteError.notAnImage(path: displayPath, reason: reason)
            }
            do {
                return Result(contentKey: key, metadata: try MetadataReader.read(path: path))
            } catch RosetteError.notAnImage(_, let why) {
                throw RosetteError.notAnImage(path: displayPath, reason: why)
            }
        }
    }

    /// The content key of a file held in memory (same scheme as files read from disk: size, first and last 16 KiB).
    static func contentKey(bytes: [UInt8]) -> String {
        var hasher = SHA256()
        withUnsafeBytes(of: Int64(bytes.count).littleEndian) { hasher.update(bufferPointer: $0) }
        bytes.withUnsafeBytes { all in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: all[..<min(bytes.count, keyHeadSize)]))
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: all[max(0, bytes.count - tailSize)...]))
        }
        return hex(hasher.finalize().prefix(16))
    }

    /// Lower-case hexadecimal of bytes (String(format:) per byte costs more than the hashing).
    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A complete JPEG ends with FF D9 (end of image), possibly followed by 0x00/0xFF padding.
    /// (An FF D9 earlier in the window, e.g. closing the EXIF thumbnail of a small file, does not count.)
    static func hasEndMarker(_ bytes: [UInt8], count: Int) -> Bool {
        var i = count - 1
        while i >= 1 {
            if bytes[i] == 0xD9 && bytes[i - 1] == 0xFF { return true }
            if bytes[i] != 0x00 && bytes[i] != 0xFF { return false }
            i -= 1
        }
        return false
    }
}
