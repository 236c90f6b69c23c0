import Core
import Foundation
import Store

/// Writes a detector's stored results as a MegaDetector batch file.
public struct MegaDetectorExport: Sendable {
    public let store: SurveyStore

    public init(store: SurveyStore) { self.store = store }

    /// The detector to export: the one named, or the only one with results.
    public func resolveDetector(_ name: String?) throws -> String {
        let detectors = try store.triageDetectors().map(\.detector)
        if let name {
            guard detectors.contains(name) else { throw TriageError.noResults(detector: name) }
            return name
        }
        guard let only = detectors.first else { throw TriageError.noResults(detector: nil) }
        guard detectors.count == 1 else { throw TriageError.severalDetectors(names: detectors) }
        return only
    }

    /// The batch for one detector: its imported info block (or a fresh one), and one entry per processed image.
    public func batch(detector: String) throws -> MegaDetectorBatch {
        var info: [String: JSONValue] = ["detector": .string(detector), "format_version": .string(MegaDetectorBatch.formatVersion)]
        var categories = MegaDetectorBatch.defaultCategories
        var extras: [String: JSONValue] = [:]
        if let text = try store.latestTriageInfo(detector: detector), let stored = try? JSONValue.parse(Data(text.utf8)).object {
            info = stored
            if let cats = info.removeValue(forKey: "detection_categories")?.object { categories = cats.compactMapValues(\.string) }
            for key in ["classification_categories", "classification_category_descriptions"] {
                if let value = info.removeValue(forKey: key) { extras[key] = value }
            }
        }
        var idOfKind: [Observation.Kind: String] = [:]
        for (id, name) in categories.sorted(by: { $0.key < $1.key }) {
            if let kind = MegaDetectorBatch.kind(ofCategoryName: name), idOfKind[kind] == nil { idOfKind[kind] = id }
        }
        for (kind, id) in [(Observation.Kind.animal, "1"), (.human, "2"), (.vehicle, "3")] where idOfKind[kind] == nil {
            let free = categories[id] == nil ? id : String((categories.keys.compactMap { Int($0) }.max() ?? 0) + 1)
            categories[free] = kind == .human ? "person" : kind.rawValue
            idOfKind[kind] = free
        }
        let images = try store.triageResults(detector: detector).map { stored -> MegaDetectorBatch.Image in
            let r = stored.result
            let entries = r.detections.compactMap { o -> MegaDetectorBatch.Entry? in
                guard let d = Detection(observation: o), let id = idOfKind[d.kind] else { return nil }
                return MegaDetectorBatch.Entry(category: id, conf: d.confidence, bbox: d.box)
            }
            return MegaDetectorBatch.Image(file: stored.filePath, detections: r.failure == nil ? entries : nil,
                                           failure: r.failure, width: r.imageWidth, height: r.imageHeight)
        }
        return MegaDetectorBatch(info: info, detectionCategories: categories, extras: extras, images: images)
    }
}
