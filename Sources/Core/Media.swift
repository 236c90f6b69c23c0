import Foundation

/// One photo or video file, tied to a deployment at a corrected absolute time (Camtrap DP `media`).
///
/// Files are never copied: `rootID` + `filePath` (relative, forward slashes) locate it, and
/// size, modification time and `contentKey` detect changed, moved or duplicated files.
public struct Media: Codable, Sendable, Hashable {
    public var mediaID: Int64?
    public var rootID: Int64
    public var filePath: String
    /// The folder part of `filePath` ("" at the root), indexed for per-folder look-ups.
    public var folder: String
    public var fileName: String
    public var fileMediatype: String
    public var fileSize: Int64
    public var fileModified: Double
    public var contentKey: String
    public var deploymentID: String?
    /// The camera's own reading, kept so that a later clock correction can recompute `timestamp`.
    public var cameraTime: String?
    public var cameraSubSec: String?
    /// Where the time came from: exif:DateTimeOriginal, exif:DateTimeDigitized, exif:DateTime, container:mvhd,
    /// container:IDIT, container:ICRD (videos), video+offset (sampled frames), or file:mtime.
    public var timeSource: String?
    public var timestamp: Date?
    public var make: String?
    public var model: String?
    public var serialNumber: String?
    public var width: Int?
    public var height: Int?
    public var eventID: String?
    public var outsideDeployment: Bool
    public var duplicateOf: Int64?
    public var ingestRunID: Int64?
    /// For a frame sampled from a video clip: the clip's mediaID (nil for photos and videos themselves).
    public var videoMediaID: Int64?
    /// For a sampled frame: its time into the clip, in seconds.
    public var videoOffset: Double?
    /// What the camera trap's maker note says of the shot (v14; nil when the note carries none of it):
    /// trigger (`CameraTrapReading.Trigger` raw value), place in the camera's sequence, its event counter,
    /// ambient temperature (°C) and moon phase.
    public var cameraTrigger: String?
    public var cameraSequenceIndex: Int?
    public var cameraSequenceLength: Int?
    public var cameraEventNumber: Int64?
    public var cameraTemperatureC: Double?
    public var cameraMoonPhase: Int?

    public init(mediaID: Int64? = nil, rootID: Int64, filePath: String, fileMediatype: String, fileSize: Int64,
                fileModified: Double, contentKey: String) {
        self.mediaID = mediaID
        self.rootID = rootID
        self.filePath = filePath
        let slash = filePath.lastIndex(of: "/")
        self.folder = slash.map { String(filePath[..<$0]) } ?? ""
        self.fileName = slash.map { String(filePath[filePath.index(after: $0)...]) } ?? filePath
        self.fileMediatype = fileMediatype
        self.fileSize = fileSize
        self.fileModified = fileModified
        self.contentKey = contentKey
        self.outsideDeployment = false
    }
}

/// Media types Rosette records, by file extension (lowercased, no dot).
public enum MediaType {
    public static let byExtension: [String: String] = [
        "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "mp4": "video/mp4", "m4v": "video/mp4", "mov": "video/quicktime", "avi": "video/x-msvideo",
        "mts": "video/mp2t", "wmv": "video/x-ms-wmv", "mkv": "video/x-matroska",
    ]

    /// The media type for a file name, or nil when Rosette does not record such files.
    public static func forFileName(_ name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), !name.hasPrefix(".") else { return nil }
        return byExtension[name[name.index(after: dot)...].lowercased()]
    }
}
