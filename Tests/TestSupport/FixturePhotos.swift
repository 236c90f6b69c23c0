import Foundation
import Imaging

/// Generated camera-trap-like JPEGs for tests: real JPEG data with real EXIF written by exiv2.
public enum FixturePhotos {
    /// A JPEG of a simple textured scene; `seed` varies its content so files differ.
    public static func jpeg(width: Int = 160, height: Int = 120, seed: Int = 0, quality: Int = 85) throws -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 3
                pixels[i] = UInt8((x * 3 + seed * 17) & 0xFF)
                pixels[i + 1] = UInt8((y * 2 + seed * 5) & 0xFF)
                pixels[i + 2] = UInt8(((x ^ y) + seed) & 0xFF)
            }
        }
        return try pixels.withUnsafeBufferPointer {
            try JPEGEncoder.encode(pixels: $0, width: width, height: height, channels: 3, quality: quality)
        }
    }

    /// A JPEG carrying camera EXIF (DateTimeOriginal in camera local time, make, model, serial), optional tags
    /// and an optional raw maker note (`CameraTrapNotes`).
    public static func cameraJPEG(time: String, subSec: String? = nil, seed: Int = 0, make: String = "RECONYX",
                                  model: String = "HYPERFIRE 2", serial: String = "H2TEST0001", tags: [String] = [],
                                  width: Int = 160, height: Int = 120, makerNote: [UInt8]? = nil) throws -> [UInt8] {
        try MetadataWriter.apply(
            .init(dateTimeOriginal: time, subSecTimeOriginal: subSec, make: make, model: model, serialNumber: serial,
                  hierarchicalSubjects: tags, makerNote: makerNote),
            to: jpeg(width: width, height: height, seed: seed))
    }

    /// Writes bytes to a file, creating its folder.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// A deployments CSV for stations with the given cameras, all in one period and zone.
    public static func deploymentsCSV(stations: [String], cameras: [String?] = [nil], start: String = "2024-09-01",
                                      end: String = "2024-10-31", timezone: String = "Asia/Vladivostok") -> String {
        var lines = ["deploymentID,locationID,locationName,latitude,longitude,deploymentStart,deploymentEnd,cameraID,timezone,jurisdiction"]
        for (i, s) in stations.enumerated() {
            for c in cameras {
                let id = c.map { "\(s)-\($0)" } ?? s
                lines.append("\(id),\(s),\(s),\(43.1 + Double(i) * 0.01),\(131.3 + Double(i) * 0.01),\(start),\(end),\(c ?? ""),\(timezone),RU")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
