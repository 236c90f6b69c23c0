import Core
import Foundation
import Store

/// Scores a detector's stored results against a simulator's truth.csv (filePath, sequence, species,
/// observationType, bboxX…bboxHeight).
public struct TriageValidation: Sendable {
    /// The scores at one confidence threshold.
    public struct Report: Sendable, Equatable {
        public var threshold: Double
        public var photosInTruth = 0
        public var photosMatched = 0
        public var photosTriaged = 0
        public var animalSequences = 0
        public var animalSequencesFound = 0
        public var blankSequences = 0
        public var blankSequencesRemoved = 0
        public var leopardPhotos = 0
        /// Mean over leopard photos of the best IoU of a kept box with the true box (0 when none kept).
        public var meanLeopardIoU = 0.0
        /// The same, over the leopard photos where some box was kept.
        public var meanLeopardIoUWhenFound = 0.0

        public var recall: Double { animalSequences > 0 ? Double(animalSequencesFound) / Double(animalSequences) : 0 }
        public var blanksRemoved: Double { blankSequences > 0 ? Double(blankSequencesRemoved) / Double(blankSequences) : 0 }
    }

    struct TruthPhoto {
        var filePath: String
        var sequence: String
        var type: String
        var species: String
        var box: RelativeBox?
    }

    public static let leopard = "Panthera pardus orientalis"

    public let store: SurveyStore

    public init(store: SurveyStore) { self.store = store }

    /// Scores `detector` at each threshold (detections below it are ignored).
    public func run(truth path: String, detector: String, thresholds: [Double]) throws -> [Report] {
        let truth = try TriageValidation.readTruth(path)
        let matcher = MediaPathMatcher(media: try store.triageMediaRefs(), roots: try store.rootPaths())
        var results: [Int64: TriageMediaResult] = [:]
        for r in try store.triageResults(detector: detector) { results[r.mediaID] = r.result }
        var matched: [(TruthPhoto, TriageMediaResult?)] = []
        for t in truth {
            guard case .media(let id) = matcher.match(t.filePath) else { continue }
            matched.append((t, results[id]))
        }
        return thresholds.map { threshold in
            var report = Report(threshold: threshold)
            report.photosInTruth = truth.count
            report.photosMatched = matched.count
            report.photosTriaged = matched.filter { $0.1 != nil }.count
            var sequences: [String: (animal: Bool, blank: Bool, found: Bool)] = [:]
            var ious: [Double] = []
            for (t, result) in matched {
                let kept = (result?.detections ?? []).compactMap(Detection.init(observation:)).filter { $0.confidence >= threshold }
                var s = sequences[t.sequence] ?? (false, true, false)
                s.animal = s.animal || t.type == "animal"
                s.blank = s.blank && t.type == "blank"
                s.found = s.found || !kept.isEmpty
                sequences[t.sequence] = s
                if t.species == TriageValidation.leopard, let box = t.box {
                    ious.append(kept.map { $0.box.iou(box) }.max() ?? 0)
                }
            }
            for s in sequences.values {
                if s.animal { report.animalSequences += 1; if s.found { report.animalSequencesFound += 1 } }
                if s.blank { report.blankSequences += 1; if !s.found { report.blankSequencesRemoved += 1 } }
            }
            report.leopardPhotos = ious.count
            report.meanLeopardIoU = ious.isEmpty ? 0 : ious.reduce(0, +) / Double(ious.count)
            let found = ious.filter { $0 > 0 }
            report.meanLeopardIoUWhenFound = found.isEmpty ? 0 : found.reduce(0, +) / Double(found.count)
            return report
        }
    }

    static func readTruth(_ path: String) throws -> [TruthPhoto] {
        let csv: CSVReader
        do { csv = try CSVReader(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw TriageError.unreadableTruth(path: path, reason: String(describing: error))
        }
        let missing = csv.missing(["filePath", "sequence", "observationType"])
        guard missing.isEmpty else { throw TriageError.unreadableTruth(path: path, reason: "missing column(s) " + missing.joined(separator: ", ")) }
        let c = csv.columnIndex
        func field(_ r: CSVReader.Record, _ name: String) -> String {
            guard let i = c[name], i < r.fields.count else { return "" }
            return r.fields[i]
        }
        return csv.records.map { r in
            let b = ["bboxX", "bboxY", "bboxWidth", "bboxHeight"].compactMap { Double(field(r, $0)) }
            return TruthPhoto(filePath: field(r, "filePath"), sequence: field(r, "sequence"), type: field(r, "observationType"),
                              species: field(r, "species"),
                              box: b.count == 4 ? RelativeBox(x: b[0], y: b[1], width: b[2], height: b[3]) : nil)
        }
    }
}
