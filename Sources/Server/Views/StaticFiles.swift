import Foundation
import Hummingbird

/// The stylesheet and scripts under `Static/`, read once at start; only these names are ever served.
struct StaticFiles: Sendable {
    let files: [String: (type: String, bytes: Data)]

    static func load() throws -> StaticFiles {
        guard let dir = Bundle.module.url(forResource: "Static", withExtension: nil) else { return StaticFiles(files: [:]) }
        var files: [String: (String, Data)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            let type = switch (name as NSString).pathExtension {
            case "css": "text/css; charset=utf-8"
            case "js": "text/javascript; charset=utf-8"
            case "svg": "image/svg+xml"
            case "png": "image/png"
            default: "application/octet-stream"
            }
            files[name] = (type, try Data(contentsOf: dir.appendingPathComponent(name)))
        }
        return StaticFiles(files: files)
    }
}
