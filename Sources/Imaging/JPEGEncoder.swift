import CRosetteNative
import Core
import Foundation

/// Encodes pixels as JPEG through OpenCV (libjpeg-turbo), optionally with EXIF/XMP set by exiv2.
public enum JPEGEncoder {
    /// Encodes interleaved 8-bit pixels (channels 1 = grey, 3 = RGB).
    public static func encode(pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, channels: Int,
                              quality: Int = 90) throws -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        var outSize = 0
        var err = [CChar](repeating: 0, count: 256)
        guard pixels.count >= width * height * channels,
              rsn_encode_jpeg(pixels.baseAddress, Int32(width), Int32(height), Int32(channels), width * channels,
                              Int32(quality), &out, &outSize, &err, Int32(err.count)) == 0, let out else {
            throw RosetteError.imageFailure(path: "(memory)", reason: "JPEG encoding failed: \(cMessage(err))")
        }
        defer { rsn_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: outSize))
    }

    /// Encodes and writes a JPEG file carrying the given metadata.
    public static func write(pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, channels: Int, quality: Int = 90,
                             metadata: MetadataWriter.Update?, to url: URL) throws {
        var bytes = try encode(pixels: pixels, width: width, height: height, channels: channels, quality: quality)
        if let metadata { bytes = try MetadataWriter.apply(metadata, to: bytes) }
        try Data(bytes).write(to: url)
    }
}

/// Versions of the native libraries, for `rosette --version` and bug reports.
public enum NativeLibraries {
    public static var openCVVersion: String { String(cString: rsn_opencv_version()) }
    public static var exiv2Version: String { String(cString: rsn_exiv2_version()) }
}
