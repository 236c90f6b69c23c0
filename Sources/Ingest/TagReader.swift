import Core
import Foundation

/// Turns XMP HierarchicalSubject tags into human observations.
///
/// camtrapR's convention: `Species|Leopard Cat`, `individual|2`; also read are `Count|N`, `Sex|…`,
/// `LifeStage|…`/`Age|…`. Other categories are kept in the observation's comments.
enum TagReader {
    static func observations(subjects: [String], speciesFromFolder: String?, deploymentID: String?) -> [Observation] {
        var species: [String] = []
        var individual: String?
        var count: Int?
        var sex: String?
        var lifeStage: String?
        var other: [String] = []
        for subject in subjects {
            let parts = subject.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else { other.append(subject); continue }
            switch parts[0].lowercased() {
            case "species": species.append(parts[1])
            case "individual", "individualid", "id": individual = parts[1]
            case "count", "number": count = Int(parts[1])
            case "sex": sex = parts[1].lowercased()
            case "lifestage", "age", "age class", "ageclass": lifeStage = parts[1].lowercased()
            default: other.append(subject)
            }
        }
        if species.isEmpty, let speciesFromFolder { species.append(speciesFromFolder) }
        if species.isEmpty && individual != nil { species.append("") }
        return species.enumerated().map { index, label in
            var o = Observation(mediaID: nil, deploymentID: deploymentID, observationType: kind(of: label))
            if !label.isEmpty {
                if isScientificName(label) { o.scientificName = label } else { o.speciesLabel = label }
            }
            if index == 0 {
                o.individualID = individual
                o.sex = sex
                o.lifeStage = lifeStage
            }
            o.count = count ?? 1
            o.classificationMethod = "human"
            o.classifiedBy = subjects.isEmpty ? "folder name" : "XMP HierarchicalSubject"
            o.source = "xmp"
            if !other.isEmpty { o.observationComments = "tags: " + other.joined(separator: "; ") }
            return o
        }
    }

    static func kind(of label: String) -> Observation.Kind {
        switch label.lowercased() {
        case "human", "humans", "person", "people", "homo sapiens": return .human
        case "vehicle", "vehicles", "car", "motorbike": return .vehicle
        case "blank", "empty", "nothing", "none": return .blank
        case "unknown", "unidentified": return .unknown
        default: return .animal
        }
    }

    /// "Panthera pardus" or "Panthera pardus orientalis": a capitalised genus and lower-case epithets.
    static func isScientificName(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        guard (2...3).contains(words.count), let first = words.first?.first, first.isUppercase else { return false }
        return words.dropFirst().allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "-" } }
    }
}
