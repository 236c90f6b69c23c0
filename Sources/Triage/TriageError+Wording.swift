import Foundation

extension TriageError: CustomStringConvertible, LocalizedError {
    /// The message shown to a person: what is wrong, where, and what to do.
    public var description: String {
        switch self {
        case .unreadableResults(let path, let reason):
            return "\(path): cannot be read (\(reason)); nothing was imported"
        case .notJSON(let path, let reason):
            return "\(path): not a MegaDetector results file: the JSON does not parse (\(reason)); nothing was imported"
        case .missingKey(let path, let key):
            return "\(path): not a MegaDetector results file: required key '\(key)' is missing; nothing was imported"
        case .badValue(let path, let location, let detail):
            return "\(path): \(location): \(detail); nothing was imported"
        case .noResults(let detector):
            return detector.map { "no triage results from detector '\($0)' in this survey (see `rosette triage list`)" }
                ?? "no triage results in this survey yet (run `rosette triage import`, `motion` or `detect` first)"
        case .severalDetectors(let names):
            return "several detectors have results (\(names.joined(separator: ", "))); choose one with --detector NAME"
        case .unreadableModel(let path, let reason):
            return "\(path): the detector model cannot be loaded (\(reason)); no photo was processed"
        case .badModelShape(let path, let detail):
            return "\(path): the model does not have MegaDetector's signature (\(detail)); no photo was processed"
        case .badClassMap(let value):
            return "'\(value)' is not a class map: use NAME,NAME,… in the model's class order, each animal, person or vehicle"
        case .unreadableTruth(let path, let reason):
            return "\(path): the truth table cannot be read (\(reason))"
        case .imageFailure(let path, let reason):
            return "\(path): \(reason)"
        case .unreadableLabels(let path, let reason):
            return "\(path): the labels file cannot be read (\(reason)); no photo was processed"
        case .badLabels(let path, let line, let detail):
            return "\(path):\(line): not a labels file (one label per line, in the model's output order): \(detail); no photo was processed"
        case .unreadableClassifier(let path, let reason):
            return "\(path): the classifier model cannot be loaded (\(reason)); no photo was processed"
        case .badClassifierShape(let path, let detail):
            return "\(path): the model is not a classifier with input 1×3×N×N and one output per label (\(detail)); no photo was processed"
        case .badNormalisation(let mean, let std):
            return "normalisation needs three means and three positive standard deviations (R,G,B); got mean \(mean), std \(std)"
        case .noBoxes(let detector, let minConfidence):
            return "no animal boxes at or above \(minConfidence)" + (detector.map { " from detector '\($0)'" } ?? "")
                + " in this survey (run `rosette triage import`, `motion` or `detect` first; see `rosette triage list`)"
        case .tooFewReviewed(let detector, let reviewed, let animal, let empty, let minReviewed, let minPerClass):
            return "too few reviewed bursts to learn from: \(reviewed) burst(s) with a '\(detector)' box have a person's verdict "
                + "(\(animal) not empty, \(empty) empty); the learned triage needs at least \(minReviewed), with at least "
                + "\(minPerClass) of each kind. Mark more with `rosette triage mark --labels FILE.csv` or `--burst ID --as empty|animal`. "
                + "Nothing was changed."
        }
    }

    public var errorDescription: String? { description }
}

extension TriageWarning: CustomStringConvertible {
    /// The warning as shown to a person.
    public var description: String {
        switch self {
        case .unknownTopLevelKeys(let path, let keys):
            return "\(path): warning: unknown top-level key\(keys.count == 1 ? "" : "s") \(keys.joined(separator: ", ")) ignored"
        case .unsupportedFormatVersion(let path, let version):
            return "\(path): warning: format_version '\(version)' is outside 1.4–1.6; read as 1.6"
        case .defaultCategories(let path):
            return "\(path): warning: no detection_categories; MegaDetector's 1 animal, 2 person, 3 vehicle assumed"
        case .unknownCategory(let path, let id, let n):
            return "\(path): warning: category id '\(id)' is not in detection_categories; its \(n) detection(s) treated as no detection"
        case .unusableCategory(let path, let id, let name, let n):
            return "\(path): warning: category '\(id)' (\(name)) is not animal, person or vehicle; its \(n) detection(s) treated as no detection"
        case .badDetection(let path, let file, let detail):
            return "\(path): warning: \(file): a detection was skipped (\(detail))"
        case .imageWithoutFile(let path, let index):
            return "\(path): warning: images[\(index)] has no 'file'; skipped"
        case .unmatchedImage(let file, let reason):
            return "\(file): \(reason)"
        case .unknownClassificationCategory(let path, let id, let n):
            return "\(path): warning: classification category '\(id)' is not in classification_categories; its \(n) classification(s) skipped"
        case .missingLabelColumns(let path, let line, let columns):
            return "\(path):\(line): missing column(s) \(columns.joined(separator: ", ")) (a labels table has path, burst, label, species); "
                + (columns.contains("burst") ? "each photo's own sequence is used as its burst" : "species are reported as unidentified")
        case .badLabelRow(let path, let line, let detail):
            return "\(path):\(line): \(detail); the row is left out"
        case .unknownFrameLabel(let path, let line, let value):
            return "\(path):\(line), column label: '\(value)' is not a label (use "
                + FrameLabels.Label.allCases.map(\.rawValue).joined(separator: ", ") + "); the row is left out"
        case .unmatchedLabelPath(let path, let line, let value, let candidates):
            return "\(path):\(line), column path: '\(value)' "
                + (candidates > 1 ? "ends \(candidates) ingested photos' paths; give more of the path" : "matches no ingested photo")
                + "; the row is left out"
        case .repeatedLabelPath(let path, let line, let value, let firstLine):
            return "\(path):\(line), column path: '\(value)' is the photo already labelled on line \(firstLine); the row is left out"
        case .unknownLabels(let path, let labels):
            return "\(path): warning: \(labels.count) label(s) not in the taxonomy, kept as species labels without a scientific name: "
                + labels.prefix(8).joined(separator: ", ") + (labels.count > 8 ? ", …" : "")
        }
    }
}
