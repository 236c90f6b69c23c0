import Foundation
import Triage

/// The text form of `triage validate --labels`: a summary table with one column per threshold, then classes
/// and species, then the bursts each threshold gets wrong.
enum LabelValidationText {
    static func render(_ r: LabelValidation.Result) -> String {
        var lines = ["\(r.detector) against \(r.labels): \(r.framesMatched) of \(r.framesInLabels) labelled frame(s) in the survey, "
                     + "\(r.framesScored) triaged and scored; \(r.bursts) burst(s): \(r.animalBurstCount) with an animal, "
                     + "\(r.humanBurstCount) with people, \(r.emptyBurstCount) empty."]
        if let n = r.framesMarkedEmptyByLearned {
            lines.append("With the learned triage: \(n) frame(s) with a box are in bursts it marked empty, and count as removed.")
        }
        if !r.problems.isEmpty { lines.append("\(r.problems.count) row problem(s), listed above; those rows are left out.") }
        let header = ["threshold"] + r.reports.map { String($0.threshold) }
        func row(_ name: String, _ count: (LabelValidation.Report) -> LabelValidation.Count?) -> [String] {
            [name] + r.reports.map { count($0).map(cell) ?? "–" }
        }
        var summary = [header,
                       row("burst recall (animal)") { $0.animalBursts },
                       row("frame recall (animal)") { $0.animalFrames },
                       row("empty bursts removed") { $0.emptyBurstsRemoved },
                       row("empty frames removed") { $0.emptyFramesRemoved },
                       row("human bursts kept") { $0.humanBursts }]
        let classes = r.reports.first?.classes.map(\.name) ?? []
        for c in classes {
            summary.append(row("\(c) bursts found") { rep in rep.classes.first { $0.name == c }?.bursts })
        }
        lines.append(TextTable.render(summary))
        let species = r.reports.first?.species ?? []
        if !species.isEmpty {
            var table = [["species", "class"] + r.reports.flatMap { ["bursts @\($0.threshold)", "frames @\($0.threshold)"] }]
            for s in species {
                table.append([s.name, s.taxonClass] + r.reports.flatMap { rep -> [String] in
                    let g = rep.species.first { $0.name == s.name }
                    return [g.map { fraction($0.bursts) } ?? "–", g.map { fraction($0.frames) } ?? "–"]
                })
            }
            lines.append("By species (found/labelled):")
            lines.append(TextTable.render(table))
        }
        for rep in r.reports where !rep.missedAnimalBursts.isEmpty || !rep.keptEmptyBursts.isEmpty {
            lines.append("At \(rep.threshold): missed animal burst(s): " + list(rep.missedAnimalBursts)
                         + "; empty burst(s) kept: " + list(rep.keptEmptyBursts) + ".")
        }
        return lines.joined(separator: "\n")
    }

    static func cell(_ c: LabelValidation.Count) -> String { String(format: "%.3f (%d/%d)", c.share, c.hit, c.total) }
    static func fraction(_ c: LabelValidation.Count) -> String { "\(c.hit)/\(c.total)" }
    static func list(_ names: [String]) -> String { names.isEmpty ? "none" : names.joined(separator: ", ") }
}
