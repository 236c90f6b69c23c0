import Foundation

/// A development stand-in for the JPEG encoder: writes binary PPM (RGB) or PGM (grey) to the given
/// URL, ignoring quality and EXIF. Files keep the `.JPG` name they were asked for.
public struct PPMEncoder: PhotoEncoder {
    public init() {}

    public func writeJPEG(pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, channels: Int, quality: Int,
                          exif: SimulatedEXIF, to url: URL) throws {
        var data = Data("\(channels == 1 ? "P5" : "P6")\n\(width) \(height)\n255\n".utf8)
        data.append(pixels.baseAddress!, count: width * height * channels)
        do { try data.write(to: url) } catch {
            throw SimulationError.writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }
}
