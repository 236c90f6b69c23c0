import Core
import Foundation
import Store

/// Stores a MegaDetector batch file's results as machine observations of the survey's media.
public struct MegaDetectorImport: Sendable {
    /// Detections below this confidence are not stored (thresholds are chosen when results are read).
    public static let confidenceFloor = 0.005

    /// What an import did.
    public struct Summary: Sendable, Equatable {
        public var detector: String
        public var images: Int
        public var matched: Int
        public var unmatched: Int
        public var ambiguous: Int
        public var failures: Int
        public var detectionsStored: Int
        /// Species classifications of the stored detections.
        public var classificationsStored = 0
        public var belowFloor: Int
        public var warnings: [TriageWarning]
        /// A few unmatched paths, to show the user.
        public var unmatchedExamples: [String]
    }

    public let store: SurveyStore
    /// Resolves `classification_categories` names to scientific names.
    public var taxonomy: Taxonomy

    public init(store: SurveyStore, taxonomy: Taxonomy = .builtIn) {
        self.store = store
        self.taxonomy = taxonomy
    }

    /// Reads `path` and stores its results under `detector` (default: the file's info.detector).
    public func run(path: String, detector: String? = nil) throws -> Summary {
        let (batch, warnings) = try MegaDetectorBatch.read(path: path)
        return try store(batch, path: path, detector: detector, warnings: warnings)
    }

    /// Stores an already-read batch.
    public func store(_ batch: MegaDetectorBatch, path: String, detector: String? = nil,
                      warnings readWarnings: [TriageWarning] = []) throws -> Summary {
        let name = detector ?? batch.info["detector"]?.string ?? "megadetector"
        let matcher = MediaPathMatcher(media: try store.triageMediaRefs(), roots: try store.rootPaths())
        var summary = Summary(detector: name, images: batch.images.count, matched: 0, unmatched: 0, ambiguous: 0, failures: 0,
                              detectionsStored: 0, belowFloor: 0, warnings: readWarnings, unmatchedExamples: [])
        var unknownIDs: [String: Int] = [:]
        var unusable: [String: Int] = [:]
        var unknownClasses: [String: Int] = [:]
        var results: [TriageMediaResult] = []
        let classNames = batch.classificationCategories
        let classTaxa = classNames.mapValues { taxonomy.resolve($0) }
        for image in batch.images {
            let mediaID: Int64
            switch matcher.match(image.file) {
            case .media(let id): mediaID = id
            case .ambiguous:
                summary.ambiguous += 1
                if summary.unmatchedExamples.count < 5 { summary.unmatchedExamples.append(image.file) }
                continue
            case .none:
                summary.unmatched += 1
                if summary.unmatchedExamples.count < 5 { summary.unmatchedExamples.append(image.file) }
                continue
            }
            summary.matched += 1
            if image.failure != nil { summary.failures += 1 }
            var observations: [Observation] = []
            var classifications: [Observation] = []
            for entry in image.detections ?? [] {
                guard let categoryName = batch.detectionCategories[entry.category] else {
                    unknownIDs[entry.category, default: 0] += 1
                    continue
                }
                guard let kind = MegaDetectorBatch.kind(ofCategoryName: categoryName) else {
                    unusable[entry.category, default: 0] += 1
                    continue
                }
                guard entry.conf >= MegaDetectorImport.confidenceFloor else {
                    summary.belowFloor += 1
                    continue
                }
                let detection = Detection(kind: kind, confidence: entry.conf, box: entry.bbox).observation(label: categoryName)
                observations.append(detection)
                for c in entry.classifications {
                    guard let name = classNames[c.category] else { unknownClasses[c.category, default: 0] += 1; continue }
                    let taxon = classTaxa[c.category] ?? nil
                    var o = detection
                    o.observationType = taxon?.observationType ?? kind
                    o.speciesLabel = name
                    o.scientificName = taxon?.scientificName
                    o.classificationProbability = c.conf
                    classifications.append(o)
                }
            }
            summary.detectionsStored += observations.count
            summary.classificationsStored += classifications.count
            results.append(TriageMediaResult(mediaID: mediaID, detections: observations, failure: image.failure,
                                             imageWidth: image.width, imageHeight: image.height,
                                             classifications: classifications, datetime: image.datetime))
        }
        for (id, n) in unknownIDs.sorted(by: { $0.key < $1.key }) { summary.warnings.append(.unknownCategory(path: path, id: id, detections: n)) }
        for (id, n) in unusable.sorted(by: { $0.key < $1.key }) {
            summary.warnings.append(.unusableCategory(path: path, id: id, name: batch.detectionCategories[id] ?? "", detections: n))
        }
        for (id, n) in unknownClasses.sorted(by: { $0.key < $1.key }) {
            summary.warnings.append(.unknownClassificationCategory(path: path, id: id, classifications: n))
        }
        let unresolved = classNames.values.filter { taxonomy.resolve($0) == nil }.sorted()
        if !unresolved.isEmpty { summary.warnings.append(.unknownLabels(path: path, labels: unresolved)) }
        guard !results.isEmpty else { return summary }
        var info = batch.info
        info["detection_categories"] = .object(batch.detectionCategories.mapValues { .string($0) })
        for (key, value) in batch.extras { info[key] = value }
        let runID = try store.beginTriageRun(method: "megadetector-import", detector: name, info: JSONValue.object(info).text)
        for chunk in stride(from: 0, to: results.count, by: 1000) {
            try store.saveTriageResults(runID: runID, detector: name, results: Array(results[chunk..<min(results.count, chunk + 1000)]))
        }
        try store.finishTriageRun(runID, status: "finished")
        return summary
    }
}
