import Foundation

extension TruthRecord {
    /// Header of labels.csv: the frame-labels table `rosette triage validate --labels` reads (as people label
    /// real bursts), written next to truth.csv so simulated bursts are scored per class and per species.
    public static let labelsHeader = "path,burst,label,species,class"

    /// labels.csv for `truth`: one row per photo; `label` is empty, animal or human (people and vehicles),
    /// `species` the common name (`amur leopard`, `pale thrush`, `vehicle`), `class` mammal or bird.
    public static func labelsCSV(_ truth: [TruthRecord], otherSpecies: [SpeciesSettings]) -> String {
        var names: [String: (name: String, taxonClass: String)] = [SpeciesSettings.leopardName: ("amur leopard", "mammal")]
        for s in otherSpecies where !s.scientificName.isEmpty {
            names[s.scientificName] = (s.commonName.lowercased(),
                                       s.smallAnimal?.taxonClass ?? (s.observationType == .animal ? "mammal" : ""))
        }
        var csv = labelsHeader + "\n"
        for r in truth {
            let row: [String]
            switch r.observationType {
            case ObservationType.animal.rawValue:
                let n = names[r.species] ?? (r.species.lowercased(), "")
                row = [r.filePath, r.sequence, "animal", n.name, n.taxonClass]
            case ObservationType.human.rawValue: row = [r.filePath, r.sequence, "human", "person", ""]
            case ObservationType.vehicle.rawValue: row = [r.filePath, r.sequence, "human", "vehicle", ""]
            default: row = [r.filePath, r.sequence, "empty", "", ""]
            }
            csv += row.map(OutputFiles.csv).joined(separator: ",") + "\n"
        }
        return csv
    }
}
