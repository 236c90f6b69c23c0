import Foundation
import Imaging

/// The real encoder: JPEG through OpenCV (libjpeg-turbo), EXIF written by exiv2 — what `rosette simulate`
/// writes and `rosette ingest` reads back like a card dump.
public struct JPEGPhotoEncoder: PhotoEncoder {
    public init() {}

    public func writeJPEG(pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, channels: Int, quality: Int,
                          exif: SimulatedEXIF, to url: URL) throws {
        let update = MetadataWriter.Update(dateTimeOriginal: exif.dateTimeOriginal, subSecTimeOriginal: exif.subSecTimeOriginal,
                                           make: exif.make, model: exif.model, serialNumber: exif.serialNumber,
                                           hierarchicalSubjects: exif.hierarchicalSubjects)
        try JPEGEncoder.write(pixels: pixels, width: width, height: height, channels: channels, quality: quality,
                              metadata: update, to: url)
    }
}
