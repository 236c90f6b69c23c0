import Foundation

/// Locates the team's `../shared` folder (beside the project) for tests that use real data.
///
/// Tests that need it are enabled only when it is present; otherwise they are skipped with a message.
public enum SharedData {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    public static let root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    public static let camtrapRPictures = root.appendingPathComponent("data/camtrapR-pictures")
    public static let camtrapDPExample = root.appendingPathComponent("data/camtrap-dp-example")
    /// One Peru camera's 51 real frames labelled frame by frame (truth.csv), for issue #17's triage figures.
    public static let peruBursts = root.appendingPathComponent("data/peru-bursts")
    public static var hasPeruBursts: Bool { FileManager.default.fileExists(atPath: peruBursts.appendingPathComponent("truth.csv").path) }

    public static var isPresent: Bool { FileManager.default.fileExists(atPath: camtrapRPictures.path) }
    public static let skipMessage: Comment = "../shared not found beside the project: real-photo tests skipped"

    /// The example camtrapR stations CSV shipped with the project (invented coordinates).
    public static let camtrapRStationsCSV = packageRoot.appendingPathComponent("examples/camtrapR-stations.csv")

    /// Whether exiftool is installed (tests comparing against it are skipped otherwise).
    public static var hasExiftool: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/exiftool") }
}

import Testing
public typealias Comment = Testing.Comment
