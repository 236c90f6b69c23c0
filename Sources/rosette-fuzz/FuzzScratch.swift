import Foundation

/// Scratch files for parsers that read from disk: one folder per process on tmpfs (/dev/shm when present),
/// rewritten for every input.
final class FuzzScratch: @unchecked Sendable {
    static let shared = FuzzScratch()

    let root: URL

    private init() {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        root = URL(fileURLWithPath: base).appendingPathComponent("rosette-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: FuzzScratch.shared.root) }
    }

    /// Writes `bytes` as `name` in the scratch folder and returns its URL.
    func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = root.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// A package folder: datapackage.json (a descriptor naming the three CSVs when `descriptor` is empty) and
    /// deployments.csv, media.csv, observations.csv.
    func package(descriptor: [UInt8], tables: [[UInt8]]) throws -> URL {
        let dir = root.appendingPathComponent("package")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let names = ["deployments", "media", "observations"]
        let json = descriptor.isEmpty ? Array(FuzzScratch.defaultDescriptor.utf8) : descriptor
        try Data(json).write(to: dir.appendingPathComponent("datapackage.json"))
        for (name, bytes) in zip(names, tables) { try Data(bytes).write(to: dir.appendingPathComponent("\(name).csv")) }
        return dir
    }

    static let defaultDescriptor = """
        {"name":"fuzz","resources":[{"name":"deployments","path":"deployments.csv"},\
        {"name":"media","path":"media.csv"},{"name":"observations","path":"observations.csv"}]}
        """
}
