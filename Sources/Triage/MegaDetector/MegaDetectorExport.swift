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

    /// The batch for one detector as the survey's owner sees it.
    public func batch(detector: String) throws -> MegaDetectorBatch {
        try batch(detector: detector, viewer: .owner).batch
    }

    /// The batch for one detector: its imported info block (or a fresh one), and one entry per processed image
    /// the viewer may see (with the box classifications imported with it); `withheld` counts the photos left out.
    public func batch(detector: String, viewer: Viewer) throws -> (batch: MegaDetectorBatch, withheld: Int) {
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
        var classID: [String: String] = [:]
        for (id, name) in (extras["classification_categories"]?.object ?? [:]).sorted(by: { $0.key > $1.key }) {
            if let name = name.string { classID[name] = id }
        }
        let (stored, withheld) = try store.triageResults(detector: detector, viewer: viewer)
        let images = stored.map { stored -> MegaDetectorBatch.Image in
            let r = stored.result
            let byBox = Dictionary(grouping: r.classifications) { [$0.bboxX, $0.bboxY, $0.bboxWidth, $0.bboxHeight] }
            let entries = r.detections.compactMap { o -> MegaDetectorBatch.Entry? in
                guard let d = Detection(observation: o), let id = idOfKind[d.kind] else { return nil }
                let classes = (byBox[[o.bboxX, o.bboxY, o.bboxWidth, o.bboxHeight]] ?? []).compactMap { c in
                    c.speciesLabel.flatMap { classID[$0] }.map { MegaDetectorBatch.Classification(category: $0, conf: c.classificationProbability ?? 0) }
                }
                return MegaDetectorBatch.Entry(category: id, conf: d.confidence, bbox: d.box, classifications: classes)
            }
            return MegaDetectorBatch.Image(file: stored.filePath, detections: r.failure == nil ? entries : nil,
                                           failure: r.failure, width: r.imageWidth, height: r.imageHeight, datetime: r.datetime)
        }
        return (MegaDetectorBatch(info: info, detectionCategories: categories, extras: extras, images: images), withheld)
    }
}
