import Foundation
import Testing

/// Locates `../shared/reference` next to the package root (the directory holding Package.swift).
enum ReferenceData {
    static let directory: URL? = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                let reference = url.deletingLastPathComponent().appendingPathComponent("shared/reference")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: reference.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    return reference
                }
                return nil
            }
            url = url.deletingLastPathComponent()
        }
        return nil
    }()

    static var isPresent: Bool { directory != nil }

    static func url(_ relative: String) -> URL {
        directory!.appendingPathComponent(relative)
    }
}

/// Whether `value` equals `reference` to `digits` significant digits (difference ≤ half a unit in the last digit).
func agrees(_ value: Double, _ reference: Double, digits: Int) -> Bool {
    let magnitude = floor(log10(abs(reference)))
    let unit = pow(10, magnitude - Double(digits - 1))
    return abs(value - reference) <= 0.5 * unit
}
