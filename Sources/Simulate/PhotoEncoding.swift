import Foundation

/// What the simulator asks of a JPEG encoder; the main package supplies the OpenCV/exiv2 one.
public protocol PhotoEncoder: Sendable {
    /// Encodes interleaved 8-bit pixels (channels 1 = grey, 3 = RGB) as JPEG with the given EXIF and writes it to `url`.
    func writeJPEG(pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, channels: Int, quality: Int, exif: SimulatedEXIF, to url: URL) throws
}

/// The EXIF fields a camera trap writes that Rosette's ingest reads.
public struct SimulatedEXIF: Sendable {
    /// `YYYY:MM:DD HH:MM:SS`, camera local time (including the camera's clock error).
    public var dateTimeOriginal: String
    public var subSecTimeOriginal: String?
    public var make: String
    public var model: String
    public var serialNumber: String
    /// XMP lr:hierarchicalSubject tags (camtrapR's `Species|…`, `individual|…`); empty for an untagged card.
    public var hierarchicalSubjects: [String] = []

    public init(dateTimeOriginal: String, subSecTimeOriginal: String?, make: String, model: String, serialNumber: String) {
        self.dateTimeOriginal = dateTimeOriginal
        self.subSecTimeOriginal = subSecTimeOriginal
        self.make = make
        self.model = model
        self.serialNumber = serialNumber
    }
}
