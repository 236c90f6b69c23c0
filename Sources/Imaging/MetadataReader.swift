import CRosetteNative
import Core
import Foundation

/// Reads EXIF/XMP through exiv2, from the first bytes of a file when they hold all the metadata.
public enum MetadataReader {
    /// Outcome of reading from a partial buffer.
    public enum BufferResult: Sendable {
        case metadata(PhotoMetadata)
        /// The buffer ended before the metadata did (or could not be parsed): read the whole file.
        case needWholeFile(reason: String)
    }

    /// Parses metadata from the start of a file held in memory.
    public static func read(buffer: UnsafeRawBufferPointer) -> BufferResult {
        var raw = rsn_metadata()
        var err = [CChar](repeating: 0, count: 256)
        let status = rsn_metadata_read_buffer(buffer.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                              buffer.count, &raw, &err, Int32(err.count))
        if status == 0 { return .metadata(PhotoMetadata(&raw)) }
        return .needWholeFile(reason: cMessage(err))
    }

    /// Parses metadata from a file on disk; throws `notAnImage` naming the file.
    public static func read(path: String) throws -> PhotoMetadata {
        var raw = rsn_metadata()
        var err = [CChar](repeating: 0, count: 256)
        guard rsn_metadata_read_file(path, &raw, &err, Int32(err.count)) == 0 else {
            throw RosetteError.notAnImage(path: path, reason: cMessage(err))
        }
        return PhotoMetadata(&raw)
    }
}
