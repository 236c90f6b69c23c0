import Core
import Foundation
import Store

/// Scores a detector's stored results against frame-labelled bursts (`FrameLabels`: path, burst, label, species).
///
/// A burst with an animal is found when any of its frames has a kept box; an empty burst is removed when none
/// has. Frames are matched to the survey's photos by `MediaPathMatcher`; a path that matches none, a bad label
/// or a missing column is listed with its file and line, and the other rows are still scored.
public struct LabelValidation: Sendable {
    public let store: SurveyStore

    public init(store: SurveyStore) { self.store = store }

    /// One labelled frame matched to a stored photo, with its burst key and what the detector kept.
    struct Scored {
        var frame: FrameLabels.Frame
        var burst: String
        var confidences: [Double]
        func kept(_ threshold: Double) -> Bool { confidences.contains { $0 >= threshold } }
    }

    /// Scores `detector` at each threshold against the labels in `path`; with `learned`, a photo the learned
    /// triage marked empty (`rosette triage learn --apply`) counts as having no box.
    public func run(labels path: String, detector: String, thresholds: [Double], learned: Bool = false) throws -> Result {
        let labels = try FrameLabels(path: path)
        var problems = labels.problems.map(\.description)
        let refs = try store.triageMediaRefs()
        let events = Dictionary(refs.map { ($0.mediaID, $0.eventID) }, uniquingKeysWith: { a, _ in a })
        let matcher = MediaPathMatcher(media: refs, roots: try store.rootPaths())
        let marks = learned ? Set(try store.learnedBlanks(detector: detector).keys) : []
        var overridden = 0
        var results: [Int64: StoredTriageResult] = [:]
        for r in try store.triageResults(detector: detector) { results[r.mediaID] = r }
        var scored: [Scored] = []
        var seen: [Int64: Int] = [:]
        var matched = 0
        for f in labels.frames {
            switch matcher.match(f.path) {
            case .none:
                problems.append(TriageWarning.unmatchedLabelPath(path: labels.file, line: f.line, value: f.path, candidates: 0).description)
            case .ambiguous(let n):
                problems.append(TriageWarning.unmatchedLabelPath(path: labels.file, line: f.line, value: f.path, candidates: n).description)
            case .media(let id):
                if let first = seen[id] {
                    problems.append(TriageWarning.repeatedLabelPath(path: labels.file, line: f.line, value: f.path, firstLine: first).description)
                    continue
                }
                seen[id] = f.line
                matched += 1
                guard let r = results[id], r.result.failure == nil else { continue }
                let burst = !f.burst.isEmpty ? f.burst : (events[id].flatMap { $0 }.map { "sequence " + $0 } ?? "frame " + f.path)
                var confidences = r.result.detections.map { $0.classificationProbability ?? 0 }
                if marks.contains(id) {
                    if !confidences.isEmpty { overridden += 1 }
                    confidences = []
                }
                scored.append(Scored(frame: f, burst: burst, confidences: confidences))
            }
        }
        var result = Result(detector: detector, labels: labels.file)
        result.framesInLabels = labels.rows
        result.framesMatched = matched
        result.framesScored = scored.count
        result.problems = problems
        result.framesMarkedEmptyByLearned = learned ? overridden : nil
        let bursts = Dictionary(grouping: scored, by: \.burst)
        result.bursts = bursts.count
        result.animalBurstCount = bursts.values.filter { $0.contains { $0.frame.label == .animal } }.count
        result.humanBurstCount = bursts.values.filter { $0.contains { $0.frame.label == .human } }.count
        result.emptyBurstCount = bursts.values.filter { $0.allSatisfy { $0.frame.label == .empty } }.count
        result.reports = thresholds.map { LabelValidation.score(bursts: bursts, threshold: $0) }
        return result
    }

    static func score(bursts: [String: [Scored]], threshold: Double) -> Report {
        var report = Report(threshold: threshold)
        var species: [String: Group] = [:]
        var classes: [String: Group] = [:]
        for (name, frames) in bursts.sorted(by: { $0.key < $1.key }) {
            let found = frames.contains { $0.kept(threshold) }
            let animals = frames.filter { $0.frame.label == .animal }
            if !animals.isEmpty {
                report.animalBursts.add(found)
                if !found { report.missedAnimalBursts.append(name) }
            }
            if frames.contains(where: { $0.frame.label == .human }) { report.humanBursts.add(found) }
            if frames.allSatisfy({ $0.frame.label == .empty }) {
                report.emptyBurstsRemoved.add(!found)
                if found { report.keptEmptyBursts.append(name) }
            }
            for f in frames where f.frame.label == .empty { report.emptyFramesRemoved.add(!f.kept(threshold)) }
            var burstSpecies: Set<String> = []
            var burstClasses: Set<String> = []
            for f in animals {
                let s = f.frame.species.isEmpty ? "unidentified" : f.frame.species
                let c = f.frame.taxonClass.isEmpty ? SpeciesClass.of(s) : f.frame.taxonClass
                report.animalFrames.add(f.kept(threshold))
                species[s, default: Group(name: s, taxonClass: c)].frames.add(f.kept(threshold))
                classes[c, default: Group(name: c, taxonClass: c)].frames.add(f.kept(threshold))
                burstSpecies.insert(s)
                burstClasses.insert(c)
            }
            for s in burstSpecies { species[s]?.bursts.add(found) }
            for c in burstClasses { classes[c]?.bursts.add(found) }
        }
        let order: (Group, Group) -> Bool = { ($0.bursts.total, $1.name) > ($1.bursts.total, $0.name) }
        report.species = species.values.sorted(by: order)
        report.classes = classes.values.sorted(by: order)
        return report
    }
}
