import CRosetteNative
import Core
import Foundation

/// Camera metadata of one photo, read by exiv2: time, camera, pixel size and XMP hierarchical tags.
public struct PhotoMetadata: Sendable, Equatable {
    public var mimeType: String
    /// The camera's local time as written ("YYYY:MM:DD HH:MM:SS"), empty when absent.
    public var dateTimeOriginal: String
    /// The EXIF key the time came from (DateTimeOriginal preferred, then DateTimeDigitized, DateTime).
    public var dateTimeSource: String
    public var subSecTimeOriginal: String
    public var offsetTimeOriginal: String
    public var make: String
    public var model: String
    public var serialNumber: String
    public var pixelWidth: Int
    public var pixelHeight: Int
    public var hasExif: Bool
    public var hasXmp: Bool
    /// XMP lr:hierarchicalSubject values, e.g. ["Species|Leopard Cat", "individual|2"].
    public var hierarchicalSubjects: [String]
    /// The camera trap's own reading from its maker note (trigger, sequence, temperature), nil when absent.
    public var cameraTrap: CameraTrapReading?

    /// The camera time as a value, or nil when absent or not a valid date.
    public var cameraDateTime: CameraDateTime? {
        CameraDateTime(exif: dateTimeOriginal, subSec: subSecTimeOriginal)
    }

    init(_ raw: inout rsn_metadata) {
        mimeType = cText(&raw.mimeType)
        dateTimeOriginal = cText(&raw.dateTimeOriginal)
        dateTimeSource = cText(&raw.dateTimeSource)
        subSecTimeOriginal = cText(&raw.subSecTimeOriginal)
        offsetTimeOriginal = cText(&raw.offsetTimeOriginal)
        make = cText(&raw.make)
        model = cText(&raw.model)
        serialNumber = cText(&raw.serialNumber)
        pixelWidth = Int(raw.pixelWidth)
        pixelHeight = Int(raw.pixelHeight)
        hasExif = raw.hasExif != 0
        hasXmp = raw.hasXmp != 0
        let subjects = cText(&raw.hierarchicalSubjects)
        hierarchicalSubjects = subjects.isEmpty ? [] : subjects.split(separator: "\n").map(String.init)
        cameraTrap = CameraTrapReading(raw.camera)
    }
}

/// Copies a fixed-size C char array (imported as a tuple) into a String.
func cText<T>(_ tuple: inout T) -> String {
    withUnsafeBytes(of: &tuple) { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        let end = bytes.firstIndex(of: 0) ?? bytes.count
        return String(decoding: bytes[..<end], as: UTF8.self)
    }
}

/// The NUL-terminated message a native call wrote into `buffer`.
func cMessage(_ buffer: [CChar]) -> String {
    let end = buffer.firstIndex(of: 0) ?? buffer.count
    return String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
