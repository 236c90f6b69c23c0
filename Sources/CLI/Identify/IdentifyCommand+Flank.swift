import Core
import Foundation
import Identify
import Store

extension IdentifyCommand {
    /// Estimates the flank side of every undecided encounter nobody gave a side and nothing estimated yet
    /// (direction of travel, then the chip model trained within the survey), before ranking; returns them.
    func estimateFlanks(store: SurveyStore) throws -> [Int64] {
        let ids = try store.encountersWithoutFlank()
        guard !ids.isEmpty else { return [] }
        let workers = ProcessInfo.processInfo.activeProcessorCount
        var flank = EncounterFlank()
        let encounters = try ids.map { try store.encounter($0) }
        // 1. Direction of travel: its confident sides also teach the chip model.
        let travelled = encounters.map { flank.estimate($0, person: false, preparer: flank.preparer()) }
        for (e, t) in zip(encounters, travelled) where t.side != .unknown {
            try store.setFlank(encounterID: e.encounterID, side: t.side.rawValue, confidence: t.confidence, source: t.source.rawValue,
                               actor: "rosette")
        }
        // 2. The chip model, trained on every photo of known side, kept in the survey folder.
        let url = EncounterFlank.modelURL(survey: store.directory)
        if let model = flank.train(try store.flankTrainingFrames(), workers: workers) {
            try model.write(to: url)
            flank.model = model
        } else if let model = try? HeadEndModel.read(from: url) {
            flank.model = model
        }
        // 3. Travel and chips fused.
        let final = flank
        let fused = final.model == nil ? travelled : Parallel.map(count: encounters.count, workers: workers,
                                                                   context: { final.preparer() }) { i, preparer in
            final.estimate(encounters[i], person: false, preparer: preparer)
        }
        var counts: [String: Int] = [:]
        for (e, f) in zip(encounters, fused) {
            try store.setFlank(encounterID: e.encounterID, side: f.side.rawValue, confidence: f.confidence, source: f.source.rawValue,
                               actor: "rosette")
            counts[f.side == .unknown ? "unknown" : "\(f.side.rawValue) (\(f.source.rawValue))", default: 0] += 1
        }
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        print("flank side of \(ids.count) encounters: \(summary)"
              + (flank.model.map { "; chip model from \($0.trainingCount) photos of known side" } ?? "; no chip model (too few photos of known side)"))
        return ids
    }
}
